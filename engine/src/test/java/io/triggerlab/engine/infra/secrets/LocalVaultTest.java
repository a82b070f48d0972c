package io.triggerlab.engine.infra.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalVaultTest {

    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:kafka-user";
    private static final String PASSWORD = "Sup3r-S3cret-Passw0rd";
    private static final String SECRET = "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private LocalVault vault() {
        return LocalVault.open(dir.resolve("secrets"), CLOCK);
    }

    @Test
    void storesAndReturnsASecret_acrossReopening() {
        SecretMetadata stored = vault().put(ARN, new SecretValue(SECRET));
        assertThat(stored).isEqualTo(new SecretMetadata(ARN, List.of("username", "password"), SECRET.length(), CLOCK.instant()));
        LocalVault reopened = vault();
        assertThat(reopened.secretValue(ARN).json()).isEqualTo(SECRET);
        assertThat(reopened.list()).containsExactly(stored);
    }

    @Test
    void neverWritesASecretInPlainText() throws Exception {
        vault().put(ARN, new SecretValue(SECRET));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.toString()).doesNotContain(PASSWORD).doesNotContain("alice")
                        .doesNotContain("username");
            }
        }
        assertThat(Files.readAllBytes(dir.resolve("secrets").resolve(LocalVault.VAULT_FILE))).startsWith(
                "TLVAULT1".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void keyAndVaultFiles_areReadableByTheOwnerOnly() throws Exception {
        vault().put(ARN, new SecretValue(SECRET));
        Path secrets = dir.resolve("secrets");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.resolve(LocalVault.KEY_FILE))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets.resolve(LocalVault.VAULT_FILE))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rwx------");
        assertThat(Files.size(secrets.resolve(LocalVault.KEY_FILE))).isEqualTo(32);
    }

    @Test
    void aVaultOpenedWithAnotherKey_cannotRead_andSaysWhy() throws Exception {
        vault().put(ARN, new SecretValue(SECRET));
        Files.write(dir.resolve("secrets").resolve(LocalVault.KEY_FILE), new byte[32]);
        assertThatThrownBy(() -> vault().secretValue(ARN))
                .isInstanceOf(SecretAccessException.class)
                .hasMessageContaining("cannot be decrypted with its key file");
    }

    @Test
    void replacesAndRemovesSecrets() {
        LocalVault vault = vault();
        vault.put(ARN, new SecretValue(SECRET));
        vault.put(ARN, new SecretValue("{\"certificate\":\"-----BEGIN CERTIFICATE-----\"}"));
        assertThat(vault.list()).extracting(SecretMetadata::fields).containsExactly(List.of("certificate"));
        assertThat(vault.remove(ARN)).isTrue();
        assertThat(vault.remove(ARN)).isFalse();
        assertThatThrownBy(() -> vault.secretValue(ARN)).isInstanceOf(SecretNotFoundException.class)
                .hasMessageContaining("triggerlab secret put " + ARN);
    }

    @Test
    void refusesASecretOverTheSizeLimit() {
        String big = "{\"username\":\"u\",\"password\":\"" + "x".repeat(65_536) + "\"}";
        assertThatThrownBy(() -> vault().put(ARN, new SecretValue(big)))
                .isInstanceOf(InvalidSecretException.class)
                .hasMessage("Secret " + ARN + " is " + big.length() + " bytes: a secret can be at most 65536 bytes");
        String fits = "{\"username\":\"u\",\"password\":\"" + "x".repeat(65_536 - 30) + "\"}";
        assertThat(fits.length()).isEqualTo(65_536);
        assertThat(vault().put(ARN, new SecretValue(fits)).sizeBytes()).isEqualTo(65_536);
    }

    @Test
    void refusesMalformedSecrets_namingTheFieldButNotTheValue() {
        LocalVault vault = vault();
        assertThatThrownBy(() -> vault.put(ARN, new SecretValue("{\"username\":\"alice\"}")))
                .hasMessageContaining("has no \"password\" field");
        assertThatThrownBy(() -> vault.put(ARN, new SecretValue("{\"username\":\"alice\",\"password\":42}")))
                .hasMessage("Secret " + ARN + ": field \"password\" must be a JSON string");
        assertThatThrownBy(() -> vault.put(ARN, new SecretValue("{\"privateKey\":\"k\"}")))
                .hasMessageContaining("has no \"certificate\" field");
        assertThatThrownBy(() -> vault.put(ARN, new SecretValue("{\"token\":\"" + PASSWORD + "\"}")))
                .hasMessageContaining("has none of the fields Lambda reads").hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> vault.put(ARN, new SecretValue("{\"password\": \"" + PASSWORD + "\"")))
                .isInstanceOf(InvalidSecretException.class)
                .hasMessageContaining("is not valid JSON (line 1").hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> vault.put("my-secret", new SecretValue(SECRET)))
                .hasMessageContaining("'my-secret' is not a Secrets Manager secret ARN");
        assertThat(vault.list()).isEmpty();
    }

    @Test
    void secretValuesHideThemselvesInToString() {
        assertThat(new SecretValue(SECRET).toString()).isEqualTo("SecretValue[hidden]");
        assertThat(SecretShapes.usernamePassword(ARN, new SecretValue(SECRET), "x").toString()).doesNotContain(PASSWORD);
    }

    @Test
    void twoVaultObjectsOnOneDirectory_seeEachOthersWrites() {
        LocalVault engineSide = vault();
        LocalVault cliSide = vault();
        cliSide.put(ARN, new SecretValue(SECRET));
        assertThat(engineSide.secretValue(ARN).json()).isEqualTo(SECRET);
        String other = ARN + "-2";
        engineSide.put(other, new SecretValue(SECRET));
        assertThat(cliSide.list()).extracting(SecretMetadata::arn).containsExactly(ARN, other);
    }
}
