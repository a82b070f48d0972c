package io.triggerlab.engine.infra.secrets;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * AES-256-GCM for the vault file: {@code "TLVAULT1" | 12-byte random IV | ciphertext+tag}. A fresh IV per write;
 * the header is authenticated too, so a swapped or truncated file fails to open instead of decrypting to junk.
 */
final class VaultCipher {

    static final int KEY_BYTES = 32;
    private static final byte[] MAGIC = "TLVAULT1".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    VaultCipher(byte[] keyBytes, SecureRandom random) {
        if (keyBytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("The vault key must be " + KEY_BYTES + " bytes, not " + keyBytes.length);
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.random = random;
    }

    byte[] encrypt(byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(MAGIC);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(MAGIC.length + IV_BYTES + sealed.length).put(MAGIC).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new SecretAccessException("Cannot encrypt the secrets vault: " + e.getMessage(), e);
        }
    }

    byte[] decrypt(byte[] file, String where) {
        if (file.length < MAGIC.length + IV_BYTES || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            throw new SecretAccessException("The secrets vault " + where + " is not a TriggerLab vault file "
                    + "(wrong header): restore it from a backup or remove it to start an empty vault", null);
        }
        byte[] iv = Arrays.copyOfRange(file, MAGIC.length, MAGIC.length + IV_BYTES);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(MAGIC);
            return cipher.doFinal(file, MAGIC.length + IV_BYTES, file.length - MAGIC.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new SecretAccessException("The secrets vault " + where + " cannot be decrypted with its key file: "
                    + "the file was changed or the key file replaced. Restore both from the same backup", e);
        } catch (GeneralSecurityException e) {
            throw new SecretAccessException("Cannot decrypt the secrets vault " + where + ": " + e.getMessage(), e);
        }
    }
}
