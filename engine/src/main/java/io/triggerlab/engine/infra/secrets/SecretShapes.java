package io.triggerlab.engine.infra.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The secret shapes Lambda reads for Kafka (docs/aws-behaviour.md#authentication), checked with errors that name the secret and the field but
 * never show a value: {@code {"username","password"}}, {@code {"certificate","privateKey","privateKeyPassword"}} and
 * {@code {"certificate"}}. At most 65,536 bytes, as in Secrets Manager.
 */
public final class SecretShapes {

    public static final int MAX_SECRET_BYTES = 65_536;

    /** {@code arn:aws:secretsmanager:<region>:<account>:secret:<name>} (AWS appends {@code -XXXXXX} to the name). */
    public static final Pattern SECRET_ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]{1,512}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SecretShapes() {
    }

    /** A username and password for SASL/SCRAM or SASL/PLAIN; {@code toString} hides the password. */
    public record UsernamePassword(String username, String password) {
        @Override
        public String toString() {
            return "UsernamePassword[username=" + username + ", password=[hidden]]";
        }
    }

    /** A client certificate chain (PEM) and its PKCS#8 key (PEM), possibly encrypted; {@code toString} hides both. */
    public record ClientCertificate(String certificate, String privateKey, String privateKeyPassword) {
        @Override
        public String toString() {
            return "ClientCertificate[hidden]";
        }
    }

    public static void requireValidArn(String secretArn) {
        if (secretArn == null || !SECRET_ARN.matcher(secretArn).matches()) {
            throw new InvalidSecretException("'" + secretArn + "' is not a Secrets Manager secret ARN: expected "
                    + "arn:aws:secretsmanager:<region>:<account>:secret:<name>");
        }
    }

    /**
     * Checks a secret before it is stored: JSON object, within the size limit, every field a string, and one of the
     * three shapes complete. Returns the field names (for listings).
     */
    public static List<String> requireStorable(String secretArn, SecretValue value) {
        if (value.sizeBytes() > MAX_SECRET_BYTES) {
            throw new InvalidSecretException("Secret " + secretArn + " is " + value.sizeBytes() + " bytes: "
                    + "a secret can be at most " + MAX_SECRET_BYTES + " bytes");
        }
        JsonNode root = parse(secretArn, value);
        List<String> fields = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isTextual()) {
                throw new InvalidSecretException("Secret " + secretArn + ": field \"" + field.getKey()
                        + "\" must be a JSON string");
            }
            fields.add(field.getKey());
        }
        if (root.has("username") || root.has("password")) {
            usernamePassword(secretArn, value, "SASL authentication");
        } else if (root.has("privateKey") || root.has("privateKeyPassword")) {
            clientCertificate(secretArn, value);
        } else if (root.has("certificate")) {
            rootCertificate(secretArn, value);
        } else {
            throw new InvalidSecretException("Secret " + secretArn + " has none of the fields Lambda reads: give "
                    + "{\"username\",\"password\"} (SASL), {\"certificate\",\"privateKey\"[,\"privateKeyPassword\"]} "
                    + "(mTLS) or {\"certificate\"} (server root CA)");
        }
        return fields;
    }

    /** {@code {"username","password"}}; {@code use} names the access type in errors, e.g. SASL_SCRAM_512_AUTH. */
    public static UsernamePassword usernamePassword(String secretArn, SecretValue value, String use) {
        JsonNode root = parse(secretArn, value);
        String expected = " (expected {\"username\":\"…\",\"password\":\"…\"})";
        return new UsernamePassword(requiredText(secretArn, root, "username", use, expected),
                requiredText(secretArn, root, "password", use, expected));
    }

    /** {@code {"certificate","privateKey"[,"privateKeyPassword"]}} for CLIENT_CERTIFICATE_TLS_AUTH. */
    public static ClientCertificate clientCertificate(String secretArn, SecretValue value) {
        JsonNode root = parse(secretArn, value);
        String use = "CLIENT_CERTIFICATE_TLS_AUTH";
        String expected = " (expected {\"certificate\":\"<PEM chain>\",\"privateKey\":\"<PKCS#8 PEM>\","
                + "\"privateKeyPassword\":\"<optional>\"})";
        String certificate = requiredText(secretArn, root, "certificate", use, expected);
        String key = requiredText(secretArn, root, "privateKey", use, expected);
        String password = optionalText(secretArn, root, "privateKeyPassword");
        return new ClientCertificate(certificate, key, password == null || password.isEmpty() ? null : password);
    }

    /** {@code {"certificate"}} for SERVER_ROOT_CA_CERTIFICATE. */
    public static String rootCertificate(String secretArn, SecretValue value) {
        JsonNode root = parse(secretArn, value);
        return requiredText(secretArn, root, "certificate", "SERVER_ROOT_CA_CERTIFICATE",
                " (expected {\"certificate\":\"<root CA PEM>\"})");
    }

    private static JsonNode parse(String secretArn, SecretValue value) {
        JsonNode root;
        try {
            root = JSON.readTree(value.json());
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input; say where it broke instead.
            throw new InvalidSecretException("Secret " + secretArn + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidSecretException("Secret " + secretArn + " must be a JSON object such as "
                    + "{\"username\":\"…\",\"password\":\"…\"}");
        }
        return root;
    }

    private static String requiredText(String arn, JsonNode root, String field, String use, String expected) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new InvalidSecretException("Secret " + arn + " used for " + use + " has no \"" + field + "\" field"
                    + expected);
        }
        if (!node.isTextual()) {
            throw new InvalidSecretException("Secret " + arn + ": field \"" + field + "\" must be a JSON string");
        }
        if (node.asText().isBlank()) {
            throw new InvalidSecretException("Secret " + arn + ": field \"" + field + "\" is empty");
        }
        return node.asText();
    }

    private static String optionalText(String arn, JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidSecretException("Secret " + arn + ": field \"" + field + "\" must be a JSON string");
        }
        return node.asText();
    }
}
