package io.triggerlab.console.settings;

import java.util.List;

/** The secret shapes Lambda reads for Kafka (docs/aws-behaviour.md#authentication), as the secret editor offers them. */
public enum SecretKind {

    /** {@code {"username","password"}}: SASL_SCRAM_512_AUTH, SASL_SCRAM_256_AUTH, BASIC_AUTH. */
    USERNAME_PASSWORD("SASL/SCRAM or BASIC_AUTH (username, password)", List.of("username", "password")),
    /** {@code {"certificate","privateKey","privateKeyPassword"}}: CLIENT_CERTIFICATE_TLS_AUTH. */
    CLIENT_CERTIFICATE("mTLS client certificate (CLIENT_CERTIFICATE_TLS_AUTH)",
            List.of("certificate", "privateKey", "privateKeyPassword")),
    /** {@code {"certificate"}}: SERVER_ROOT_CA_CERTIFICATE. */
    SERVER_ROOT_CA("Server root CA (SERVER_ROOT_CA_CERTIFICATE)", List.of("certificate"));

    private final String label;
    private final List<String> fields;

    SecretKind(String label, List<String> fields) {
        this.label = label;
        this.fields = fields;
    }

    public String label() {
        return label;
    }

    /** The JSON keys of this shape. */
    public List<String> fields() {
        return fields;
    }

    /** The shape a stored secret's fields amount to. */
    static SecretKind ofFields(List<String> fields) {
        if (fields.contains("username") || fields.contains("password")) {
            return USERNAME_PASSWORD;
        }
        return fields.contains("privateKey") ? CLIENT_CERTIFICATE : SERVER_ROOT_CA;
    }

    @Override
    public String toString() {
        return label;
    }
}
