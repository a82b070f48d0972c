package io.triggerlab.engine.infra.sandbox;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.security.auth.x500.X500Principal;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The sandbox's own certificate authority, made fresh in memory: it signs the broker's certificate and any client
 * certificates, so users can rehearse TLS, mTLS and "private root CA" setups locally. EC P-256 keys (fast to make;
 * Kafka's PEM loader accepts EC). Subjects are built with {@link X500Principal} so Kafka sees {@code CN=…,O=…} in
 * that order (BouncyCastle's X500Name would reverse it).
 */
public final class SandboxCa {

    /** The organisation in every sandbox certificate's subject. */
    public static final String ORGANISATION = "TriggerLab Sandbox";

    private static final Duration VALIDITY = Duration.ofDays(825);

    private final KeyPair keys;
    private final X509Certificate certificate;
    private final SecureRandom random;

    private SandboxCa(KeyPair keys, X509Certificate certificate, SecureRandom random) {
        this.keys = keys;
        this.certificate = certificate;
        this.random = random;
    }

    /** A new self-signed CA named {@code CN=<name>,O=TriggerLab Sandbox}. */
    public static SandboxCa generate(String name) {
        SecureRandom random = new SecureRandom();
        KeyPair keys = newKeyPair(random);
        X500Principal subject = subject(name);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(subject, subject, keys, random)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            return new SandboxCa(keys, sign(builder, keys), random);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create the sandbox CA: " + e.getMessage(), e);
        }
    }

    /**
     * The CA written earlier by {@link #certificatePem()} and {@link #privateKeyPem()}, so that a sandbox keeps its CA
     * across restarts and the truststores and root CA secrets users made from it stay valid.
     *
     * @throws IllegalArgumentException when either text is not what those methods write
     */
    public static SandboxCa fromPem(String certificatePem, String privateKeyPem) {
        Object certificate = readPem(certificatePem, "CA certificate");
        Object key = readPem(privateKeyPem, "CA private key");
        if (!(certificate instanceof X509CertificateHolder holder) || !(key instanceof PrivateKeyInfo info)) {
            throw new IllegalArgumentException("The sandbox CA files hold a " + certificate.getClass().getSimpleName()
                    + " and a " + key.getClass().getSimpleName() + " instead of a certificate and a PKCS#8 key: "
                    + "delete both files and the engine makes a new CA");
        }
        try {
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(holder);
            KeyPair keys = new KeyPair(cert.getPublicKey(), new JcaPEMKeyConverter().getPrivateKey(info));
            return new SandboxCa(keys, cert, new SecureRandom());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("The sandbox CA cannot be read back (" + e.getMessage()
                    + "): delete its files and the engine makes a new CA", e);
        }
    }

    private static Object readPem(String pem, String what) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            if (object == null) {
                throw new IllegalArgumentException("The sandbox " + what + " file holds no PEM block: delete the CA "
                        + "files and the engine makes a new CA");
            }
            return object;
        } catch (IOException e) {
            throw new IllegalArgumentException("The sandbox " + what + " is not valid PEM (" + e.getMessage() + ")", e);
        }
    }

    /** The CA's own key, PKCS#8 PEM: only for {@link SandboxCaFiles} to keep it in an owner-only file. */
    String privateKeyPem() {
        return pkcs8Pem(keys);
    }

    /** The CA certificate as PEM: what a client puts in its truststore or a SERVER_ROOT_CA_CERTIFICATE secret. */
    public String certificatePem() {
        return pem(certificate);
    }

    /** A certificate for a broker, valid for these host names and IP addresses (the SAN a client checks). */
    public IssuedCertificate issueServer(String commonName, List<String> dnsNames, List<String> ipAddresses) {
        List<GeneralName> names = new ArrayList<>();
        dnsNames.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
        ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
        return issue(commonName, new GeneralNames(names.toArray(GeneralName[]::new)),
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth});
    }

    /** A client certificate for mTLS; the broker maps it to the principal {@code User:<commonName>}. */
    public IssuedCertificate issueClient(String commonName) {
        return issue(commonName, null, new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth});
    }

    private IssuedCertificate issue(String commonName, GeneralNames sans, KeyPurposeId[] purposes) {
        KeyPair leafKeys = newKeyPair(random);
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(certificate.getSubjectX500Principal(), subject(commonName),
                    leafKeys, random)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            ext.createAuthorityKeyIdentifier(certificate));
            if (sans != null) {
                builder.addExtension(Extension.subjectAlternativeName, false, sans);
            }
            X509Certificate leaf = sign(builder, keys);
            return new IssuedCertificate(pem(leaf) + pem(certificate), pkcs8Pem(leafKeys), leafKeys);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot issue a sandbox certificate for " + commonName + ": " + e.getMessage(), e);
        }
    }

    private static JcaX509v3CertificateBuilder builder(X500Principal issuer, X500Principal subject, KeyPair subjectKeys,
                                                      SecureRandom random) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(96, random),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject,
                subjectKeys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
            throws GeneralSecurityException {
        try {
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                    .build(signer.getPrivate()));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
    }

    private static X500Principal subject(String commonName) {
        return new X500Principal("CN=" + commonName + ",O=" + ORGANISATION);
    }

    private static KeyPair newKeyPair(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM cannot make EC P-256 keys: " + e.getMessage(), e);
        }
    }

    static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** PKCS#8 ({@code BEGIN PRIVATE KEY}); BouncyCastle would otherwise write a traditional key Kafka rejects. */
    private static String pkcs8Pem(KeyPair keys) {
        try {
            return pem(new JcaPKCS8Generator(keys.getPrivate(), null).generate());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
