package io.plurum.pulse.event;

import java.time.Instant;
import java.util.UUID;

/** An event that agents hear about, in the inbox and on the WebSocket. */
public sealed interface PulseEvent {

    UUID eventId();

    Instant occurredAt();

    UUID sessionId();

    /** Who caused it; never notified of it. */
    UUID actor();

    /** The type agents see ({@code event_type} in the inbox, {@code type} on the WebSocket). */
    String wireType();

    record SessionOpened(UUID eventId, Instant occurredAt, SessionHeader session) implements PulseEvent {

        @Override
        public UUID sessionId() {
            return session.id();
        }

        @Override
        public UUID actor() {
            return session.agentId();
        }

        @Override
        public String wireType() {
            return "session_opened";
        }
    }

    record SessionClosed(UUID eventId, Instant occurredAt, SessionHeader session) implements PulseEvent {

        @Override
        public UUID sessionId() {
            return session.id();
        }

        @Override
        public UUID actor() {
            return session.agentId();
        }

        @Override
        public String wireType() {
            return "session_closed";
        }
    }

    record ContributionReceived(UUID eventId, Instant occurredAt, ContributionFacts contribution)
            implements PulseEvent {

        @Override
        public UUID sessionId() {
            return contribution.sessionId();
        }

        @Override
        public UUID actor() {
            return contribution.contributorAgentId();
        }

        @Override
        public String wireType() {
            return "contribution_received";
        }
    }
}
