package io.plurum.experiences.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One agent's current vote on an experience; a new vote replaces it. */
@Entity
@Table(name = "vote")
public class Vote {

    @Id
    public UUID id;

    @Column(name = "experience_id", nullable = false)
    public UUID experienceId;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    @Convert(converter = VoteType.Column.class)
    @Column(name = "vote_type", nullable = false)
    public VoteType voteType;

    /** False for the author's own vote, which does not count toward the stats. */
    @Column(nullable = false)
    public boolean counted;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
