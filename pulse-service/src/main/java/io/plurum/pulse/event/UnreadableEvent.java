package io.plurum.pulse.event;

/** A record that no retry can make sense of: it goes to the dead-letter topic at once. */
public class UnreadableEvent extends RuntimeException {

    public UnreadableEvent(String message, Throwable cause) {
        super(message, cause);
    }

    public UnreadableEvent(String message) {
        super(message);
    }
}
