package io.triggerlab.engine.runtime.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triggerlab.engine.controlplane.mapping.SchemaRegistryConfig;
import io.triggerlab.engine.infra.auth.ClientSecurityException;
import io.triggerlab.engine.infra.auth.PemMaterial;
import io.triggerlab.engine.infra.schema.CachingRegistryClient;
import io.triggerlab.engine.infra.schema.ConfluentRegistryClient;
import io.triggerlab.engine.infra.schema.GlueRegistryClient;
import io.triggerlab.engine.infra.schema.SchemaRegistryClient;
import io.triggerlab.engine.infra.schema.SchemaRegistryUnavailableException;
import io.triggerlab.engine.infra.secrets.SecretProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * The registry a mapping's {@code SchemaRegistryConfig} names, with its access configs applied: a Glue registry ARN
 * goes to Glue's {@code GetSchemaVersion}; a URL to a Confluent-compatible registry, with {@code BASIC_AUTH},
 * {@code CLIENT_CERTIFICATE_TLS_AUTH} and {@code SERVER_ROOT_CA_CERTIFICATE} secrets read as for clusters.
 */
public final class SchemaRegistryAccess {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretProvider secrets;
    private final GlueAccess glue;

    public SchemaRegistryAccess(SecretProvider secrets, GlueAccess glue) {
        this.secrets = secrets;
        this.glue = glue;
    }

    /** A cached client for the mapping's registry; secrets are read now, so a bad one fails here, clearly. */
    public SchemaRegistryClient client(SchemaRegistryConfig config) {
        String uri = config.schemaRegistryUri();
        if (uri.startsWith("arn:")) {
            return new CachingRegistryClient(new GlueRegistryClient(glueClient(uri), uri));
        }
        Optional<ConfluentRegistryClient.BasicCredentials> basic = Optional.empty();
        String clientCertificateSecret = null;
        String rootCaSecret = null;
        for (SchemaRegistryConfig.AccessConfig access : config.accessConfigs()) {
            switch (access.type()) {
                case "BASIC_AUTH" -> {
                    JsonNode secret = secret(access.uri(), "BASIC_AUTH");
                    basic = Optional.of(new ConfluentRegistryClient.BasicCredentials(
                            field(secret, "username", access.uri()), field(secret, "password", access.uri())));
                }
                case "CLIENT_CERTIFICATE_TLS_AUTH" -> clientCertificateSecret = access.uri();
                case "SERVER_ROOT_CA_CERTIFICATE" -> rootCaSecret = access.uri();
                default -> throw new SchemaRegistryUnavailableException("Schema registry access type '" + access.type()
                        + "' is not one Lambda accepts (BASIC_AUTH, CLIENT_CERTIFICATE_TLS_AUTH, "
                        + "SERVER_ROOT_CA_CERTIFICATE)");
            }
        }
        HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        if (clientCertificateSecret != null || rootCaSecret != null) {
            http.sslContext(sslContext(clientCertificateSecret, rootCaSecret));
        }
        return new CachingRegistryClient(new ConfluentRegistryClient(URI.create(uri), http.build(), basic));
    }

    private SSLContext sslContext(String clientCertificateSecret, String rootCaSecret) {
        try {
            TrustManagerFactory trust = null;
            if (rootCaSecret != null) {
                KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
                trusted.load(null, null);
                int i = 0;
                for (Certificate ca : certificates(field(secret(rootCaSecret, "SERVER_ROOT_CA_CERTIFICATE"),
                        "certificate", rootCaSecret))) {
                    trusted.setCertificateEntry("ca-" + i++, ca);
                }
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trusted);
            }
            KeyManagerFactory keys = null;
            if (clientCertificateSecret != null) {
                JsonNode secret = secret(clientCertificateSecret, "CLIENT_CERTIFICATE_TLS_AUTH");
                Collection<? extends Certificate> chain = certificates(field(secret, "certificate",
                        clientCertificateSecret));
                PrivateKey key = PemMaterial.privateKey(field(secret, "privateKey", clientCertificateSecret),
                        secret.path("privateKeyPassword").asText(null), "privateKey of " + clientCertificateSecret);
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                char[] none = new char[0];
                store.setKeyEntry("client", key, none, chain.toArray(Certificate[]::new));
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(store, none);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(),
                    null);
            return context;
        } catch (GeneralSecurityException | IOException | ClientSecurityException e) {
            throw new SchemaRegistryUnavailableException("The schema registry's TLS settings cannot be used: "
                    + e.getMessage(), e);
        }
    }

    private static Collection<? extends Certificate> certificates(String pem) throws GeneralSecurityException {
        return CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private JsonNode secret(String arn, String type) {
        try {
            return JSON.readTree(secrets.secretValue(arn).json());
        } catch (IOException e) {
            throw new SchemaRegistryUnavailableException("The " + type + " secret " + arn + " is not a JSON object");
        } catch (RuntimeException e) {
            throw new SchemaRegistryUnavailableException("The " + type + " secret " + arn + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static String field(JsonNode secret, String name, String arn) {
        JsonNode value = secret.path(name);
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new SchemaRegistryUnavailableException("The secret " + arn + " has no \"" + name + "\" field");
        }
        return value.asText();
    }

    private GlueClient glueClient(String registryArn) {
        String[] parts = registryArn.split(":", 6);
        if (parts.length < 6 || !"glue".equals(parts[2]) || parts[3].isEmpty()) {
            throw new SchemaRegistryUnavailableException("SchemaRegistryURI " + registryArn
                    + " is neither a URL nor a Glue registry ARN (arn:aws:glue:<region>:<account>:registry/<name>)");
        }
        var builder = GlueClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(20)))
                .region(Region.of(parts[3]))
                .credentialsProvider(glue.credentials());
        glue.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * How TriggerLab reaches AWS Glue: a named profile or the default chain, and an endpoint override for a local
     * stand-in (which gets fixed dummy credentials, as emulators accept any signature).
     */
    public record GlueAccess(Optional<String> profile, Optional<URI> endpoint) {

        public static final GlueAccess DEFAULT = new GlueAccess(Optional.empty(), Optional.empty());

        AwsCredentialsProvider credentials() {
            if (endpoint.isPresent() && profile.isEmpty()) {
                return StaticCredentialsProvider.create(AwsBasicCredentials.create("triggerlab-local",
                        "triggerlab-local-secret"));
            }
            return profile.<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
                    .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        }
    }
}
