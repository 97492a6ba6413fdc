package io.plurum.pulse.event;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.EventType;
import io.plurum.pulse.service.InboxMaterializer;
import io.plurum.pulse.service.StatusService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The shared consumer group: each event is applied by one replica. Offsets are committed after the side effect;
 * a failing event is retried with back-off (the database may be restarting), and one that cannot be read at all, or
 * keeps failing, goes to its topic's dead-letter topic while the consumer carries on.
 */
@ApplicationScoped
public class InboxConsumer {

    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);
    private static final int RETRIES = 5;
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(200);
    private static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);

    private final InboxMaterializer materializer;
    private final StatusService status;

    public InboxConsumer(InboxMaterializer materializer, StatusService status) {
        this.materializer = materializer;
        this.status = status;
    }

    @Incoming("sessions")
    public Uni<Void> session(ConsumerRecord<String, String> record) {
        return apply(record, this::sessionEvent);
    }

    @Incoming("contributions")
    public Uni<Void> contribution(ConsumerRecord<String, String> record) {
        return apply(record, event -> IncomingEvents.pulseEvent(event).map(materializer::materialise)
                .orElseGet(() -> Uni.createFrom().item(Boolean.FALSE)));
    }

    @Incoming("session-state")
    public Uni<Void> sessionState(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return retried(record, Uni.createFrom().deferred(() -> status.forget(sessionId(record))));
        }
        return apply(record, event -> status.track(IncomingEvents.header(event), event.occurredAt()));
    }

    @Incoming("experiences")
    public Uni<Void> experience(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        return apply(record, event -> materializer.experience(IncomingEvents.experience(event), event.occurredAt()));
    }

    @Incoming("agents")
    public Uni<Void> agent(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        return apply(record, event -> materializer.agentNamed(IncomingEvents.agent(event)));
    }

    private Uni<?> sessionEvent(EventEnvelope event) {
        Optional<EventType> type = IncomingEvents.type(event);
        if (type.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return switch (type.get()) {
            case SESSION_OPENED, SESSION_CLOSED -> materializer.materialise(IncomingEvents.pulseEvent(event)
                    .orElseThrow());
            case SESSION_UPDATED -> materializer.sessionUpdated(event.eventId(), event.occurredAt(),
                    IncomingEvents.header(event));
            default -> Uni.createFrom().voidItem();
        };
    }

    private static UUID sessionId(ConsumerRecord<String, String> record) {
        try {
            return UUID.fromString(record.key());
        } catch (RuntimeException e) {
            throw new UnreadableEvent("tombstone without a session id", e);
        }
    }

    private Uni<Void> apply(ConsumerRecord<String, String> record, Function<EventEnvelope, Uni<?>> effect) {
        return Uni.createFrom().item(() -> IncomingEvents.envelope(record.value()))
                .chain(event -> retried(record, Uni.createFrom().deferred(() -> effect.apply(event))));
    }

    private static Uni<Void> retried(ConsumerRecord<String, String> record, Uni<?> effect) {
        return effect
                .onFailure(failure -> !(failure instanceof UnreadableEvent)).retry()
                .withBackOff(FIRST_BACK_OFF, MAX_BACK_OFF).atMost(RETRIES)
                .onFailure().invoke(failure -> LOG.warnf(failure, "dead-lettering %s-%d@%d", record.topic(),
                        record.partition(), record.offset()))
                .replaceWithVoid();
    }
}
