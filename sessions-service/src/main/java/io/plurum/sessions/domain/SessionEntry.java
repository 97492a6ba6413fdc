package io.plurum.sessions.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One journal entry; {@code seq} numbers a session's entries from 1 in the order they were logged. */
@Entity
@Table(name = "session_entry")
public class SessionEntry {

    @Id
    public UUID id;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(nullable = false)
    public int seq;

    @Convert(converter = EntryType.Column.class)
    @Column(name = "entry_type", nullable = false)
    public EntryType entryType;

    /** The content object as JSON, already reduced to its entry type's fields. */
    @Column(nullable = false)
    public String content;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
