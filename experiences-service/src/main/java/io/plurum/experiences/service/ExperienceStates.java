package io.plurum.experiences.service;

import java.util.List;

import io.plurum.experiences.domain.Experience;
import io.plurum.experiences.event.ExperienceEvents;
import io.plurum.experiences.mapping.ExperienceMapper;
import io.plurum.experiences.repository.ExperienceRepository;
import io.plurum.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes an experience's full state to plurum.experiences.v1 through the outbox, with its embedding (see
 * {@link ExperienceEmbeddings}). Only published experiences are on the topic: a draft is not searchable and its author
 * alone may read it, so it joins the topic when it is published. No endpoint unpublishes or deletes an experience, so
 * none ever needs a tombstone yet.
 */
@ApplicationScoped
public class ExperienceStates {

    private static final int FLUSH_BATCH = 100;

    private final ExperienceRepository experiences;
    private final ExperienceEmbeddings embeddings;
    private final Outbox outbox;

    public ExperienceStates(ExperienceRepository experiences, ExperienceEmbeddings embeddings, Outbox outbox) {
        this.experiences = experiences;
        this.embeddings = embeddings;
        this.outbox = outbox;
    }

    /** In the caller's transaction, after a change: the state as it is now, which also settles a pending flush. */
    public Uni<Void> changed(Experience experience) {
        experience.statePending = false;
        if (!experience.isPublished()) {
            return Uni.createFrom().voidItem();
        }
        return embeddings.embed(experience)
                .chain(() -> outbox.publish(ExperienceEvents.state(ExperienceMapper.event(experience))));
    }

    /**
     * Publishes the experiences whose acquisitions changed since their last state: one event per experience and
     * interval however many agents acquired it, since acquire is the most frequent call and its count the least urgent.
     */
    @Scheduled(every = "${plurum.experiences.state-flush-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> flushPending() {
        return Panache.withTransaction(() -> experiences.lockPendingState(FLUSH_BATCH).chain(this::changedAll));
    }

    private Uni<Void> changedAll(List<Experience> pending) {
        Uni<Void> written = Uni.createFrom().voidItem();
        for (Experience experience : pending) {
            written = written.chain(() -> changed(experience));
        }
        return written;
    }
}
