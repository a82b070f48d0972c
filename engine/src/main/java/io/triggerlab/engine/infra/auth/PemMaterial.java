package io.triggerlab.engine.infra.auth;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Collection;

/**
 * Checks certificates and private keys from secrets the way Lambda accepts them (docs/aws-behaviour.md#authentication): certificates in PEM;
 * the key PKCS#8, either {@code BEGIN PRIVATE KEY} or {@code BEGIN ENCRYPTED PRIVATE KEY} with PBES1 encryption.
 * PBES2 (OpenSSL 3's default), PKCS#1/SEC1 ("traditional") keys, a wrong password or a malformed key fail with
 * {@link ConnectionProblem#INVALID_CERTIFICATE_OR_KEY} and a message saying how to convert the key. Messages name
 * the secret and the field, never the material.
 */
public final class PemMaterial {

    /** How to turn any key into one Lambda accepts. */
    public static final String REENCRYPT_HINT = "Convert it to PKCS#8 with PBES1 encryption, e.g. "
            + "'openssl pkcs8 -topk8 -v1 PBE-SHA1-3DES -in key.pem -out key-pbes1.pem' (with OpenSSL 3 add "
            + "'-provider legacy -provider default' if it reports an unsupported algorithm), or leave it unencrypted "
            + "with 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'";

    private static final ASN1ObjectIdentifier PBES2 = PKCSObjectIdentifiers.id_PBES2;

    private PemMaterial() {
    }

    /** Whether a checked key is encrypted (then kafka-clients needs {@code ssl.key.password}). */
    public enum KeyEncryption { NONE, PBES1 }

    /** At least one X.509 certificate in PEM; returns how many. */
    public static int requireCertificates(String pem, String where) {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw invalid(where + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)", null);
        }
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (certificates.isEmpty()) {
                throw invalid(where + " holds no readable certificate", null);
            }
            return certificates.size();
        } catch (CertificateException e) {
            throw invalid(where + " is not a valid PEM certificate chain (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Checks the private key (and its password) as Lambda would; returns how it is encrypted. */
    public static KeyEncryption requirePrivateKey(String pem, String password, String where) {
        return readPrivateKey(pem, password, where).encryption();
    }

    /** The private key, read with the same rules as {@link #requirePrivateKey}. */
    public static PrivateKey privateKey(String pem, String password, String where) {
        return readPrivateKey(pem, password, where).key();
    }

    private record ReadKey(PrivateKey key, KeyEncryption encryption) {
    }

    private static ReadKey readPrivateKey(String pem, String password, String where) {
        Object parsed = parse(pem, where);
        if (parsed instanceof PrivateKeyInfo info) {
            return new ReadKey(decodeKey(info.getPrivateKeyAlgorithm().getAlgorithm().getId(), encoded(info), where),
                    KeyEncryption.NONE);
        }
        if (parsed instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            if (PBES2.equals(encrypted.getEncryptionAlgorithm().getAlgorithm())) {
                throw invalid(where + " is encrypted with PBES2 (OpenSSL 3's default), which Lambda does not accept: "
                        + "only PBES1 is supported. " + REENCRYPT_HINT, null);
            }
            if (password == null) {
                throw invalid(where + " is encrypted (BEGIN ENCRYPTED PRIVATE KEY) but the secret has no "
                        + "\"privateKeyPassword\" field", null);
            }
            return new ReadKey(decryptPbes1(encrypted, password, where), KeyEncryption.PBES1);
        }
        if (parsed instanceof PEMKeyPair || parsed instanceof PEMEncryptedKeyPair) {
            throw invalid(where + " is a traditional (PKCS#1/SEC1, 'BEGIN RSA/EC PRIVATE KEY') key; Lambda needs "
                    + "PKCS#8 ('BEGIN PRIVATE KEY' or 'BEGIN ENCRYPTED PRIVATE KEY'). " + REENCRYPT_HINT, null);
        }
        throw invalid(where + " holds no PEM private key (-----BEGIN PRIVATE KEY----- or -----BEGIN ENCRYPTED "
                + "PRIVATE KEY-----). " + REENCRYPT_HINT, null);
    }

    private static Object parse(String pem, String where) {
        if (pem == null || pem.isBlank()) {
            throw invalid(where + " is empty", null);
        }
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw invalid(where + " is not valid PEM (" + e.getClass().getSimpleName() + "). " + REENCRYPT_HINT, e);
        }
    }

    private static byte[] encoded(PrivateKeyInfo info) {
        try {
            return info.getEncoded();
        } catch (IOException e) {
            throw invalid("The private key cannot be re-encoded", e);
        }
    }

    /** The same JDK route kafka-clients takes: the algorithm name from the key's own parameters. */
    private static PrivateKey decryptPbes1(PKCS8EncryptedPrivateKeyInfo encrypted, String password, String where) {
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(encrypted.getEncoded());
            SecretKeyFactory factory = SecretKeyFactory.getInstance(info.getAlgName());
            Cipher cipher = Cipher.getInstance(info.getAlgName());
            cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(password.toCharArray())),
                    info.getAlgParameters());
            PKCS8EncodedKeySpec spec = info.getKeySpec(cipher);
            PrivateKeyInfo plain = PrivateKeyInfo.getInstance(spec.getEncoded());
            return decodeKey(plain.getPrivateKeyAlgorithm().getAlgorithm().getId(), spec.getEncoded(), where);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof ClientSecurityException cse) {
                throw cse;
            }
            throw invalid(where + " cannot be decrypted with \"privateKeyPassword\": the password is wrong, or the "
                    + "PBES1 scheme is not available in this JVM (" + e.getClass().getSimpleName() + "). "
                    + REENCRYPT_HINT, e);
        }
    }

    private static PrivateKey decodeKey(String algorithmOid, byte[] pkcs8, String where) {
        for (String algorithm : new String[] {"RSA", "EC", "DSA", "Ed25519", "Ed448"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                // Not this algorithm; try the next one.
            }
        }
        throw invalid(where + " is PKCS#8 but not an RSA, EC, DSA or EdDSA key this JVM can read (algorithm "
                + algorithmOid + ")", null);
    }

    private static ClientSecurityException invalid(String message, Throwable cause) {
        return new ClientSecurityException(ConnectionProblem.INVALID_CERTIFICATE_OR_KEY, message, cause);
    }
}
