package io.plurum.pulse.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One event in one agent's inbox. Rows are inserted in bulk by the consumer; this class reads and marks them. */
@Entity
@Table(name = "inbox_event")
public class InboxEvent {

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public UUID recipient;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    /** The JSON object agents read as {@code event_data}, its {@code reason} included. */
    @Column(name = "event_data", nullable = false)
    public String eventData;

    @Column(name = "is_read", nullable = false)
    public boolean read;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
