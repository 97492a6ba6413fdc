package io.plurum.deploy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of a log file, for an error message: only this run's lines (logs grow across runs, and each run starts
 * with a {@value #RUN_MARKER} line), without stack frames, which would crowd out the messages that explain.
 */
final class LogTail {

    static final String RUN_MARKER = "=== ";

    private static final int MAX_BYTES = 256 * 1024;

    private LogTail() {
    }

    static List<String> of(Path log, int lines) {
        if (log == null || !Files.isReadable(log)) {
            return List.of();
        }
        List<String> kept = new ArrayList<>();
        for (String line : lastBytes(log).split("\\R")) {
            if (line.startsWith(RUN_MARKER)) {
                kept.clear();
            } else if (!line.isBlank() && !line.stripLeading().startsWith("at ")
                    && !line.stripLeading().startsWith("... ")) {
                kept.add(line);
            }
        }
        return kept.subList(Math.max(0, kept.size() - lines), kept.size());
    }

    private static String lastBytes(Path log) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }
}
