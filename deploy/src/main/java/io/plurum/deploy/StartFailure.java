package io.plurum.deploy;

import java.nio.file.Path;

/** A component of the stack did not start; its log, when it has one, tells why. */
final class StartFailure extends RuntimeException {

    private final transient Path log;

    StartFailure(String message, Path log) {
        super(message);
        this.log = log;
    }

    StartFailure(String message, Path log, Throwable cause) {
        super(message, cause);
        this.log = log;
    }

    /** The component's log file, or null. */
    Path log() {
        return log;
    }
}
