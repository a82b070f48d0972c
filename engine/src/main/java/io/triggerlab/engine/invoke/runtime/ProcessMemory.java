package io.triggerlab.engine.invoke.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's peak resident memory, for {@code Max Memory Used}: Linux tells ({@code VmHWM}); elsewhere unknown. */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /** Peak resident set in MB, or {@code null} when the OS does not say. */
    static Long peakMb(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.isReadable(status)) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.substring(6).replace("kB", "").trim());
                    return Math.max(1, (kb + 1023) / 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return null; // the process is gone, or the kernel's format is not the one we know
        }
        return null;
    }
}
