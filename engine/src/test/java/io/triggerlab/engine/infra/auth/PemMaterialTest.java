package io.triggerlab.engine.infra.auth;

import io.triggerlab.engine.infra.sandbox.IssuedCertificate;
import io.triggerlab.engine.infra.sandbox.SandboxCa;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Lambda's key rules (docs/aws-behaviour.md#authentication): PKCS#8, unencrypted or PBES1; PBES2, PKCS#1 and junk are refused with a hint. */
class PemMaterialTest {

    private static IssuedCertificate client;

    @BeforeAll
    static void issue() {
        client = SandboxCa.generate("pem-test").issueClient("c");
    }

    private static void assertInvalid(String key, String password, String... messageParts) {
        assertThatThrownBy(() -> PemMaterial.requirePrivateKey(key, password, "Field \"privateKey\" of secret S"))
                .isInstanceOfSatisfying(ClientSecurityException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ConnectionProblem.INVALID_CERTIFICATE_OR_KEY);
                    assertThat(e.getMessage()).startsWith("Field \"privateKey\" of secret S").contains(messageParts);
                });
    }

    @Test
    void acceptsAnUnencryptedPkcs8Key() {
        assertThat(PemMaterial.requirePrivateKey(client.privateKeyPem(), null, "k"))
                .isEqualTo(PemMaterial.KeyEncryption.NONE);
    }

    @Test
    void acceptsAPbes1Key_withItsPassword() throws Exception {
        assertThat(PemMaterial.requirePrivateKey(TestKeys.pbes1(client.keyPair().getPrivate(), "pw"), "pw", "k"))
                .isEqualTo(PemMaterial.KeyEncryption.PBES1);
    }

    @Test
    void refusesAPbes1Key_withAWrongOrMissingPassword() throws Exception {
        String key = TestKeys.pbes1(client.keyPair().getPrivate(), "pw");
        assertInvalid(key, "wrong", "cannot be decrypted with \"privateKeyPassword\"");
        assertInvalid(key, null, "has no \"privateKeyPassword\" field");
    }

    @Test
    void refusesAPbes2Key_sayingHowToReencryptItWithPbes1() throws Exception {
        assertInvalid(TestKeys.pbes2(client.keyPair().getPrivate(), "pw"), "pw",
                "encrypted with PBES2", "only PBES1", "openssl pkcs8 -topk8 -v1 PBE-SHA1-3DES");
    }

    @Test
    void refusesATraditionalKey_andJunk() throws Exception {
        assertInvalid(TestKeys.traditional(client.keyPair()), null, "traditional (PKCS#1/SEC1", "openssl pkcs8 -topk8");
        assertInvalid("not a key", null, "holds no PEM private key");
        assertInvalid("", null, "is empty");
    }

    @Test
    void refusesWhatOpenSsl3WritesByDefault_andAcceptsItsPbes1Output(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        Path plain = Files.writeString(dir.resolve("key.pem"), client.privateKeyPem());
        Path pbes2 = dir.resolve("pbes2.pem");
        Path pbes1 = dir.resolve("pbes1.pem");
        openssl("pkcs8", "-topk8", "-in", plain.toString(), "-out", pbes2.toString(), "-passout", "pass:pw");
        openssl("pkcs8", "-topk8", "-v1", "PBE-SHA1-3DES", "-in", plain.toString(), "-out", pbes1.toString(),
                "-passout", "pass:pw");
        assertInvalid(Files.readString(pbes2), "pw", "PBES2");
        assertThat(PemMaterial.requirePrivateKey(Files.readString(pbes1), "pw", "k")).isEqualTo(PemMaterial.KeyEncryption.PBES1);
    }

    @Test
    void countsTheCertificatesOfAChain_andRefusesAnythingElse() {
        assertThat(PemMaterial.requireCertificates(client.certificateChainPem(), "c")).isEqualTo(2);
        assertThatThrownBy(() -> PemMaterial.requireCertificates(client.privateKeyPem(), "Field \"certificate\" of secret S"))
                .isInstanceOf(ClientSecurityException.class)
                .hasMessage("Field \"certificate\" of secret S holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        assertThatThrownBy(() -> PemMaterial.requireCertificates(
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "c"))
                .hasMessageContaining("is not a valid PEM certificate chain");
    }

    private static void openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }
}
