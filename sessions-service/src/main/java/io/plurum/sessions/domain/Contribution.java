package io.plurum.sessions.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What an agent offered to a session (its own, or another agent's public one). */
@Entity
@Table(name = "contribution")
public class Contribution {

    @Id
    public UUID id;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "contributor_agent_id", nullable = false)
    public UUID contributorAgentId;

    /** The content object as JSON. */
    @Column(nullable = false)
    public String content;

    @Convert(converter = ContributionType.Column.class)
    @Column(name = "contribution_type", nullable = false)
    public ContributionType contributionType;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
