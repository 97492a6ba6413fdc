package io.plurum.experiences.service;

import java.util.UUID;

import io.plurum.experiences.domain.Experience;
import io.plurum.experiences.domain.NewExperience;
import io.plurum.experiences.domain.Status;
import io.plurum.experiences.event.SessionClosed;
import io.plurum.experiences.repository.ExperienceRepository;
import io.plurum.platform.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Experiences from closed sessions, published at once with the session's visibility. The state event that follows
 * carries {@code session_id}, which is how sessions-service learns which experience its session became.
 *
 * <p>Exactly once per session: the event id is recorded with the experience in one transaction, and a session that
 * already has an experience (the same close delivered under another event id) gets no second one. Session content
 * is not scanned again here: sessions-service refused secrets in public sessions when they were logged.
 */
@ApplicationScoped
public class AssemblyService {

    static final String CONSUMER = "experiences-service.assembly";

    private final IdempotentConsumer consumer;
    private final ExperienceRepository experiences;
    private final ExperienceStates states;

    public AssemblyService(IdempotentConsumer consumer, ExperienceRepository experiences, ExperienceStates states) {
        this.consumer = consumer;
        this.experiences = experiences;
        this.states = states;
    }

    public Uni<Void> assemble(UUID eventId, SessionClosed session) {
        return consumer.applyOnce(CONSUMER, eventId, () -> ExperienceAssembler.assemble(session)
                        .map(this::storeOnce)
                        .orElseGet(() -> Uni.createFrom().voidItem()))
                .replaceWithVoid();
    }

    private Uni<Void> storeOnce(NewExperience values) {
        return experiences.existsForSession(values.sessionId())
                .chain(exists -> exists ? Uni.createFrom().voidItem() : store(values));
    }

    private Uni<Void> store(NewExperience values) {
        Experience experience = Experience.create(values, Status.PUBLISHED, ExperienceService.now());
        return experiences.persist(experience).chain(() -> states.changed(experience));
    }
}
