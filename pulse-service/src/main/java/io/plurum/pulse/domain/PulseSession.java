package io.plurum.pulse.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The current header of a session, kept from the compacted session-state topic. Private ones have no content. */
@Entity
@Table(name = "pulse_session")
public class PulseSession {

    @Id
    public UUID id;

    @Column(name = "short_id", nullable = false)
    public String shortId;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    public String topic;

    public String domain;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "tools_used", nullable = false)
    public List<String> toolsUsed;

    @Column(nullable = false)
    public String visibility;

    @Column(nullable = false)
    public String status;

    public String outcome;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
