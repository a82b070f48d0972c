package io.triggerlab.engine.invoke.runtime;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The runtime process's output (stdout and stderr merged, as Lambda sends both to CloudWatch), written by the process
 * straight into a file that each invocation reads on from where the previous one stopped.
 *
 * <p>Why a file and not a pipe: a runtime prints its invocation's lines before it asks for the next invocation, so by
 * then they are in the file, and the invocation's log is complete without waiting; a pipe's reader thread could still
 * be behind, and asking a pipe how much it holds blocks while that thread reads. What the runtime printed while
 * initializing goes to the first invocation, before its {@code START} line, where Lambda puts it. Each take returns at
 * most {@link #MAX_CHARS}, the newest part, because the end of a log is what explains a failure.
 */
final class ProcessOutput implements AutoCloseable {

    static final int MAX_CHARS = 256 * 1024;
    /** Past this size, a fully read file is emptied (the process appends, so it goes on writing at the new end). */
    private static final long TRUNCATE_AT = 8L * 1024 * 1024;

    private final Path file;
    private final RandomAccessFile reader;
    private long offset;

    private ProcessOutput(Path file) throws IOException {
        this.file = file;
        this.reader = new RandomAccessFile(file.toFile(), "rw");
    }

    /** A new, empty output file for a process to append to. */
    static ProcessOutput create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file);
        return new ProcessOutput(file);
    }

    Path file() {
        return file;
    }

    /** Everything written since the previous call. */
    synchronized String take() {
        try {
            long end = reader.length();
            if (end < offset) {
                offset = 0; // emptied
            }
            long skipped = Math.max(0, end - offset - MAX_CHARS * 4L);
            byte[] bytes = new byte[(int) (end - offset - skipped)];
            reader.seek(offset + skipped);
            reader.readFully(bytes);
            offset = end;
            if (end > TRUNCATE_AT) {
                reader.setLength(0);
                offset = 0;
            }
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (skipped > 0 || text.length() > MAX_CHARS) {
                text = "[earlier output dropped]\n" + text.substring(Math.max(0, text.length() - MAX_CHARS));
            }
            return text;
        } catch (IOException e) {
            return "[the runtime's output could not be read: " + e.getMessage() + "]\n";
        }
    }

    @Override
    public synchronized void close() {
        try {
            reader.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the file stays in the work directory; the next environment of that name replaces it
        }
    }
}
