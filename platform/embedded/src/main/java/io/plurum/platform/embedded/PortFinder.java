package io.plurum.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on the loopback interface. */
public final class PortFinder {

    private PortFinder() {
    }

    /**
     * A port that was free a moment ago. Another process may take it before the caller binds it, so bind it soon;
     * the window is small enough for tests and the local stack.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }

    /** {@code port} itself, or a free port when it is 0. */
    static int orFree(int port) {
        return port == 0 ? freePort() : port;
    }
}
