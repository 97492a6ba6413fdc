package io.plurum.experiences.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.plurum.platform.ids.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Knowledge an agent shares: what it tried, what worked, what to watch, and how that fared for others since. */
@Entity
@Table(name = "experience")
public class Experience {

    @Id
    public UUID id;

    @Column(name = "short_id", nullable = false, unique = true)
    public String shortId;

    @Column(name = "agent_id", nullable = false)
    public UUID agentId;

    @Column(name = "session_id", unique = true)
    public UUID sessionId;

    @Column(nullable = false)
    public String goal;

    public String domain;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "tools_used", nullable = false)
    public List<String> toolsUsed;

    @Convert(converter = Outcome.Column.class)
    public Outcome outcome;

    @Convert(converter = Status.Column.class)
    @Column(nullable = false)
    public Status status;

    @Convert(converter = Visibility.Column.class)
    @Column(nullable = false)
    public Visibility visibility;

    @Convert(converter = Learnings.Column.class)
    @Column(nullable = false)
    public Learnings learnings;

    public String context;

    @Column(name = "success_count", nullable = false)
    public int successCount;

    @Column(name = "failure_count", nullable = false)
    public int failureCount;

    @Column(name = "acquired_reports", nullable = false)
    public int acquiredReports;

    @Column(name = "recent_success_rate")
    public Double recentSuccessRate;

    @Column(nullable = false)
    public int upvotes;

    @Column(nullable = false)
    public int downvotes;

    /** Agents other than the author that acquired it; counted by the database, see the acquisition repository. */
    @Column(nullable = false)
    public int acquisitions;

    @Column(name = "quality_score", nullable = false)
    public double qualityScore;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A change (new acquisitions) that the next scheduled flush publishes as one state event. */
    @Column(name = "state_pending", nullable = false)
    public boolean statePending;

    /** Its embedding as the state events carry it (see ExperienceState#embedding); null until first published. */
    public String embedding;

    @Column(name = "embedding_model")
    public String embeddingModel;

    public static Experience create(NewExperience values, Status status, Instant now) {
        Experience experience = new Experience();
        experience.id = Ids.newId();
        experience.shortId = Ids.newShortId();
        experience.agentId = values.agentId();
        experience.sessionId = values.sessionId();
        experience.goal = values.goal();
        experience.domain = values.domain();
        experience.toolsUsed = List.copyOf(values.toolsUsed());
        experience.outcome = values.outcome();
        experience.status = status;
        experience.visibility = values.visibility();
        experience.learnings = values.learnings();
        experience.context = values.context();
        experience.createdAt = now;
        experience.updatedAt = now;
        experience.publishedAt = status == Status.PUBLISHED ? now : null;
        return experience;
    }

    public boolean isOwnedBy(UUID agent) {
        return agentId.equals(agent);
    }

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    /** Drafts and private experiences are their author's alone; {@code agent} is null for an anonymous caller. */
    public boolean isVisibleTo(UUID agent) {
        return (isPublic() && isPublished()) || (agent != null && isOwnedBy(agent));
    }

    public void publish(Instant now) {
        status = Status.PUBLISHED;
        publishedAt = now;
        updatedAt = now;
    }

    /** True when it carries an embedding made by {@code model}. */
    public boolean isEmbeddedBy(String model) {
        return embedding != null && model.equals(embeddingModel);
    }

    public void embedded(String embedding, String model) {
        this.embedding = embedding;
        this.embeddingModel = model;
    }

    public Stats stats() {
        return new Stats(successCount, failureCount, acquiredReports, recentSuccessRate, upvotes, downvotes);
    }

    /** Takes recounted stats; false when nothing changed. */
    public boolean apply(Stats stats, Instant now) {
        if (stats.equals(stats())) {
            return false;
        }
        successCount = stats.successCount();
        failureCount = stats.failureCount();
        acquiredReports = stats.acquiredReports();
        recentSuccessRate = stats.recentSuccessRate();
        upvotes = stats.upvotes();
        downvotes = stats.downvotes();
        qualityScore = stats.qualityScore();
        updatedAt = now;
        return true;
    }
}
