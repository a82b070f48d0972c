package io.triggerlab.engine.infra.sandbox;

import java.security.KeyPair;

/**
 * A certificate made by the {@link SandboxCa}, with its private key. {@code toString} hides the key.
 *
 * @param certificateChainPem the certificate followed by the CA certificate, PEM
 * @param privateKeyPem       the private key, unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY})
 * @param keyPair             the key pair itself, e.g. to write an encrypted copy of the key
 */
public record IssuedCertificate(String certificateChainPem, String privateKeyPem, KeyPair keyPair) {

    @Override
    public String toString() {
        return "IssuedCertificate[key hidden]";
    }
}
