package io.plurum.sessions.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A journal an agent keeps while it works; its entries become an experience when it closes. */
@Entity
@Table(name = "session")
public class Session {

    @Id
    public UUID id;

    @Column(name = "short_id", nullable = false, unique = true)
    public String shortId;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    @Column(nullable = false)
    public String topic;

    public String domain;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "tools_used", nullable = false)
    public List<String> toolsUsed;

    @Convert(converter = Visibility.Column.class)
    @Column(nullable = false)
    public Visibility visibility;

    @Convert(converter = SessionStatus.Column.class)
    @Column(nullable = false)
    public SessionStatus status;

    @Convert(converter = Outcome.Column.class)
    public Outcome outcome;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "entry_count", nullable = false)
    public int entryCount;

    /** Bytes of entry content held so far, bounded so that session.closed, which carries it all, fits Kafka. */
    @Column(name = "content_bytes", nullable = false)
    public long contentBytes;

    @Column(name = "experience_id")
    public UUID experienceId;

    @Column(name = "experience_short_id")
    public String experienceShortId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean isOwnedBy(UUID agent) {
        return agentId.equals(agent);
    }

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }

    public boolean isOpen() {
        return status == SessionStatus.OPEN;
    }
}
