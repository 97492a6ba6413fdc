package io.plurum.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * The launcher's own java.util.logging setup (SLF4J lands there too): the terminal shows warnings only, and the
 * embedded PostgreSQL, which runs inside the launcher and logs its server's output through SLF4J, gets a log file like
 * every other component.
 */
final class LauncherLogging {

    // JUL holds loggers weakly; a collected logger would lose the handler and level set here.
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger POSTGRES = Logger.getLogger("io.zonky");

    private LauncherLogging() {
    }

    static void quietConsole() {
        ROOT.setLevel(Level.WARNING);
    }

    static void routePostgresTo(Path postgresLog) throws IOException {
        Files.createDirectories(postgresLog.getParent());
        OutputStream file = Files.newOutputStream(postgresLog, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Handler handler = new StreamHandler(file, new LineFormatter()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        handler.setLevel(Level.ALL);
        POSTGRES.setLevel(Level.INFO);
        POSTGRES.setUseParentHandlers(false);
        POSTGRES.addHandler(handler);
    }

    private static final class LineFormatter extends Formatter {

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder()
                    .append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                    .append(record.getLevel()).append(' ')
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                line.append(record.getThrown()).append(System.lineSeparator());
            }
            return line.toString();
        }
    }
}
