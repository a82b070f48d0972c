package io.triggerlab.engine.infra.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxCaFilesTest {

    @Test
    void keepsTheSameCa_acrossLoads_withAnOwnerOnlyKey(@TempDir Path dir) throws Exception {
        SandboxCa first = SandboxCaFiles.loadOrCreate(dir);
        SandboxCa again = SandboxCaFiles.loadOrCreate(dir);

        assertThat(again.certificatePem()).isEqualTo(first.certificatePem())
                .isEqualTo(Files.readString(dir.resolve(SandboxCaFiles.CERTIFICATE_FILE)));
        assertThat(again.privateKeyPem()).isEqualTo(first.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SandboxCaFiles.KEY_FILE))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                dir.resolve(SandboxCaFiles.CERTIFICATE_FILE)))).isEqualTo("rw-r--r--");
    }

    @Test
    void aReloadedCa_stillIssuesCertificatesChainedToItself(@TempDir Path dir) {
        SandboxCa original = SandboxCaFiles.loadOrCreate(dir);
        IssuedCertificate server = SandboxCaFiles.loadOrCreate(dir)
                .issueServer("localhost", List.of("localhost"), List.of("127.0.0.1"));

        assertThat(server.certificateChainPem()).endsWith(original.certificatePem());
    }

    @Test
    void refusesDamagedFiles_sayingWhatToDo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(SandboxCaFiles.CERTIFICATE_FILE), "not pem");
        Files.writeString(dir.resolve(SandboxCaFiles.KEY_FILE), "not pem");

        assertThatThrownBy(() -> SandboxCaFiles.loadOrCreate(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The sandbox CA certificate file holds no PEM block: delete the CA files and the engine "
                        + "makes a new CA");
    }
}
