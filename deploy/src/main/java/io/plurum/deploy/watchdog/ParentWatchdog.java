package io.plurum.deploy.watchdog;

import java.io.IOException;
import java.io.InputStream;

/**
 * A Java agent ({@code -javaagent:plurum-launcher-watchdog.jar}) that ends its JVM once the launcher that started it is
 * gone. The launcher holds the write end of this JVM's stdin pipe and never writes to it; the kernel closes that end
 * however the launcher dies, SIGKILL included, so end-of-file on stdin is a reliable death notice that needs no
 * polling and no change to the service itself.
 *
 * <p>{@code System.exit} runs the service's shutdown hooks, so it still stops cleanly; if they hang, a halt follows.
 */
public final class ParentWatchdog {

    private static final long HALT_AFTER_MILLIS = 30_000;

    private ParentWatchdog() {
    }

    public static void premain(String args) {
        Thread watcher = new Thread(ParentWatchdog::exitAtEndOfStdin, "plurum-parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void exitAtEndOfStdin() {
        try (InputStream in = System.in) {
            while (in.read() != -1) {
                // The launcher never writes; only the end of the stream means something.
            }
        } catch (IOException e) {
            // A broken pipe says the same as end-of-file: the launcher is gone.
        }
        Thread halter = new Thread(ParentWatchdog::haltLater, "plurum-parent-watchdog-halt");
        halter.setDaemon(true);
        halter.start();
        System.exit(0);
    }

    private static void haltLater() {
        try {
            Thread.sleep(HALT_AFTER_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(1);
    }
}
