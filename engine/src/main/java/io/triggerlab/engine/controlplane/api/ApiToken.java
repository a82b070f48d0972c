package io.triggerlab.engine.controlplane.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local API's token for network clients: 32 characters of A–Z and 2–7 (160 random bits), kept in the data
 * directory's {@value #FILE_NAME}, readable by its owner only. A client sends it either as
 * {@code Authorization: Bearer <token>}, or — because the AWS CLI and SDKs cannot add headers but always sign — as its
 * AWS access key id ({@code AWS_ACCESS_KEY_ID=<token>}), which SigV4 puts in the clear in
 * {@code Authorization: AWS4-HMAC-SHA256 Credential=<token>/…}. The signature itself is not checked.
 */
public final class ApiToken {

    public static final String FILE_NAME = "api-token";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int LENGTH = 32;
    private static final Pattern BEARER = Pattern.compile("Bearer\\s+(\\S+)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIGV4 = Pattern.compile("AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/.*",
            Pattern.CASE_INSENSITIVE);

    private ApiToken() {
    }

    /** The token in {@code file}, created with owner-only permissions on first use. */
    static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                String token = generate(new SecureRandom());
                try {
                    Files.writeString(Files.createFile(file, ownerOnly(file)), token, StandardCharsets.US_ASCII);
                    return token;
                } catch (FileAlreadyExistsException raced) {
                    // Another engine process created it first: use theirs.
                }
            }
            String token = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!token.matches("[" + ALPHABET + "]{" + LENGTH + "}")) {
                throw new IllegalStateException("The API token file " + file + " is damaged: delete it and restart the"
                        + " engine to make a new token");
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the API token file " + file + ": " + e.getMessage(), e);
        }
    }

    static String generate(SecureRandom random) {
        StringBuilder token = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return token.toString();
    }

    private static FileAttribute<?>[] ownerOnly(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        return Files.getFileStore(dir).supportsFileAttributeView("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /** Whether an {@code Authorization} header carries {@code token}, as a bearer token or as a SigV4 access key id. */
    static boolean presentIn(String authorization, String token) {
        if (authorization == null) {
            return false;
        }
        Matcher bearer = BEARER.matcher(authorization);
        Matcher sigv4 = SIGV4.matcher(authorization);
        String sent = bearer.matches() ? bearer.group(1) : sigv4.matches() ? sigv4.group(1) : null;
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.US_ASCII),
                token.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
