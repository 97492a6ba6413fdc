package io.plurum.experiences.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Whether an experience worked for one agent; one per agent and experience. */
@Entity
@Table(name = "outcome_report")
public class OutcomeReport {

    @Id
    public UUID id;

    @Column(name = "experience_id", nullable = false)
    public UUID experienceId;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    @Column(nullable = false)
    public boolean success;

    @Column(name = "execution_time_ms")
    public Long executionTimeMs;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "context_notes")
    public String contextNotes;

    /** The reporter acquired the experience first: evidence that the report is about this experience. */
    @Column(name = "acquired_before", nullable = false)
    public boolean acquiredBefore;

    /** False for the author's own report, which is kept but does not count toward the stats. */
    @Column(nullable = false)
    public boolean counted;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
