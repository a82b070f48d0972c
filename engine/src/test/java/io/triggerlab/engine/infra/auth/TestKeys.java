package io.triggerlab.engine.infra.auth;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.util.io.pem.PemObject;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import java.io.StringWriter;
import java.security.PrivateKey;
import java.security.SecureRandom;

/** Private keys written the ways users bring them: PBES1 (what Lambda accepts), PBES2 (OpenSSL 3's default), PKCS#1. */
final class TestKeys {

    private TestKeys() {
    }

    /** PBES1 {@code PBEWithSHA1AndDESede}, as {@code openssl pkcs8 -topk8 -v1 PBE-SHA1-3DES} writes it. */
    static String pbes1(PrivateKey key, String password) throws Exception {
        byte[] salt = new byte[8];
        new SecureRandom().nextBytes(salt);
        String algorithm = "PBEWithSHA1AndDESede";
        SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.ENCRYPT_MODE, factory.generateSecret(new PBEKeySpec(password.toCharArray())),
                new PBEParameterSpec(salt, 2048));
        byte[] encrypted = cipher.doFinal(key.getEncoded());
        return pem(new PemObject("ENCRYPTED PRIVATE KEY",
                new EncryptedPrivateKeyInfo(cipher.getParameters(), encrypted).getEncoded()));
    }

    /** PBES2 AES-256-CBC, as OpenSSL 3's {@code openssl pkcs8 -topk8} writes it by default. */
    static String pbes2(PrivateKey key, String password) throws Exception {
        return pem(new JcaPKCS8Generator(key, new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                .setProvider(new BouncyCastleProvider()).setPassword(password.toCharArray()).build()).generate());
    }

    /** A traditional key ({@code BEGIN EC/RSA PRIVATE KEY}), as BouncyCastle and old OpenSSL write it. */
    static String traditional(java.security.KeyPair keys) throws Exception {
        return pem(keys);
    }

    private static String pem(Object object) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
