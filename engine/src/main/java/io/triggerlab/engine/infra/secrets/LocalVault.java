package io.triggerlab.engine.infra.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * TriggerLab's local stand-in for Secrets Manager: JSON secrets by ARN, encrypted at rest with AES-256-GCM in one
 * file ({@value #VAULT_FILE}). The key is 32 random bytes in {@value #KEY_FILE}, created readable by its owner only
 * (POSIX 600, directory 700). Nothing is ever written in plain text; values live in memory only while in use.
 * <p>
 * Every read goes to the file, so a running engine sees what {@code triggerlab secret put} wrote from another process
 * (writes are atomic renames under an OS file lock). Secret values never appear in logs or exception messages.
 */
public final class LocalVault implements SecretProvider {

    public static final String KEY_FILE = "vault.key";
    public static final String VAULT_FILE = "vault.enc";
    static final String LOCK_FILE = "vault.lock";

    private static final Logger log = LoggerFactory.getLogger(LocalVault.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final VaultCipher cipher;
    private final Clock clock;

    private LocalVault(Path directory, VaultCipher cipher, Clock clock) {
        this.directory = directory;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Opens the vault in this directory, creating the directory and a new random key on first use. */
    public static LocalVault open(Path directory, Clock clock) {
        SecureRandom random = new SecureRandom();
        byte[] key = OwnerOnlyFiles.readOrCreateKey(directory, KEY_FILE, VaultCipher.KEY_BYTES, random);
        return new LocalVault(directory, new VaultCipher(key, random), clock);
    }

    public Path directory() {
        return directory;
    }

    /**
     * Stores or replaces a secret after checking its ARN, size and shape.
     *
     * @throws InvalidSecretException naming the problem (never the value)
     */
    public SecretMetadata put(String secretArn, SecretValue value) {
        SecretShapes.requireValidArn(secretArn);
        List<String> fields = SecretShapes.requireStorable(secretArn, value);
        SecretMetadata metadata = new SecretMetadata(secretArn, fields, value.sizeBytes(), clock.instant());
        modify(entries -> entries.put(secretArn, new Entry(value, metadata)));
        log.info("Secret {} stored in the local vault ({} bytes, fields {})", secretArn, metadata.sizeBytes(), fields);
        return metadata;
    }

    /** Removes a secret; false if there was none with that ARN. */
    public boolean remove(String secretArn) {
        boolean[] removed = new boolean[1];
        modify(entries -> removed[0] = entries.remove(secretArn) != null);
        if (removed[0]) {
            log.info("Secret {} removed from the local vault", secretArn);
        }
        return removed[0];
    }

    /** Every stored secret's ARN, field names, size and update time, by ARN; never a value. */
    public List<SecretMetadata> list() {
        List<SecretMetadata> out = new ArrayList<>();
        read().values().forEach(e -> out.add(e.metadata()));
        out.sort(Comparator.comparing(SecretMetadata::arn));
        return out;
    }

    public boolean contains(String secretArn) {
        return read().containsKey(secretArn);
    }

    @Override
    public SecretValue secretValue(String secretArn) {
        Entry entry = read().get(secretArn);
        if (entry == null) {
            throw new SecretNotFoundException(secretArn, "Secret " + secretArn + " is not in the local vault ("
                    + directory + "). Add it with: triggerlab secret put " + secretArn + " --file <secret.json>");
        }
        return entry.value();
    }

    private record Entry(SecretValue value, SecretMetadata metadata) {
    }

    @FunctionalInterface
    private interface Change {
        void apply(Map<String, Entry> entries);
    }

    /** Read, change and write back under the vault's file lock, so two processes never lose each other's writes. */
    private synchronized void modify(Change change) {
        try (FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lock(channel)) {
            Map<String, Entry> entries = read();
            change.apply(entries);
            write(entries);
        } catch (IOException e) {
            throw new SecretAccessException("Cannot update the secrets vault in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Waits for the lock; another vault object in this JVM holding it shows up as an overlap, so wait for it too. */
    private static FileLock lock(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("the vault stayed locked for 30 s", e);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    private Map<String, Entry> read() {
        Path file = directory.resolve(VAULT_FILE);
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try {
            JsonNode root = JSON.readTree(cipher.decrypt(Files.readAllBytes(file), file.toString()));
            for (JsonNode s : root.path("secrets")) {
                String arn = s.get("arn").asText();
                List<String> fields = new ArrayList<>();
                s.path("fields").forEach(f -> fields.add(f.asText()));
                SecretValue value = new SecretValue(s.get("value").asText());
                entries.put(arn, new Entry(value, new SecretMetadata(arn, fields, value.sizeBytes(),
                        Instant.parse(s.get("updated").asText()))));
            }
            return entries;
        } catch (IOException e) {
            throw new SecretAccessException("Cannot read the secrets vault " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private void write(Map<String, Entry> entries) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        ArrayNode secrets = root.putArray("secrets");
        for (Entry e : entries.values()) {
            ObjectNode s = secrets.addObject();
            s.put("arn", e.metadata().arn());
            e.metadata().fields().forEach(s.putArray("fields")::add);
            s.put("value", e.value().json());
            s.put("updated", e.metadata().updated().toString());
        }
        byte[] sealed = cipher.encrypt(JSON.writeValueAsBytes(root));
        Path temp = OwnerOnlyFiles.createTempFile(directory, VAULT_FILE);
        try {
            Files.write(temp, sealed, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temp, directory.resolve(VAULT_FILE), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
