package io.plurum.pulse.service;

import java.time.Duration;
import java.time.Instant;

import org.jboss.logging.Logger;

import io.plurum.pulse.config.PulseConfig;
import io.plurum.pulse.repository.InboxRepository;
import io.plurum.pulse.repository.ProcessedEventRepository;
import io.plurum.pulse.repository.PulseSessionRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the database from growing without bound: old inbox events, ended sessions that nothing shows any more, and
 * processed event ids older than any topic keeps (so no redelivery can need them).
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    /** Longer than the 7 days the event topics keep. */
    private static final Duration BEYOND_TOPIC_RETENTION = Duration.ofDays(8);

    private final InboxRepository inbox;
    private final PulseSessionRepository sessions;
    private final ProcessedEventRepository processed;
    private final Duration retention;

    public Housekeeping(InboxRepository inbox, PulseSessionRepository sessions, ProcessedEventRepository processed,
                        PulseConfig config) {
        this.inbox = inbox;
        this.sessions = sessions;
        this.processed = processed;
        this.retention = config.inbox().retention();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        Instant now = Instant.now();
        Instant beyondTopics = now.minus(BEYOND_TOPIC_RETENTION);
        return Panache.withTransaction(() -> inbox.deleteCreatedBefore(now.minus(retention))
                        .chain(() -> sessions.deleteEndedBefore(beyondTopics))
                        .chain(() -> processed.deleteBefore(InboxMaterializer.CONSUMER, beyondTopics)))
                .onFailure().invoke(e -> LOG.warnf("housekeeping failed, next try in an hour: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
