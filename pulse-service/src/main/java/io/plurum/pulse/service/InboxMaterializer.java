package io.plurum.pulse.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.plurum.platform.consumer.IdempotentConsumer;
import io.plurum.pulse.event.ContributionFacts;
import io.plurum.pulse.event.ExperienceFacts;
import io.plurum.pulse.event.IncomingEvents.AgentName;
import io.plurum.pulse.event.PulseEvent;
import io.plurum.pulse.event.SessionHeader;
import io.plurum.pulse.repository.AgentNameRepository;
import io.plurum.pulse.repository.ContributorRepository;
import io.plurum.pulse.repository.InboxRepository;
import io.plurum.pulse.repository.PulseSessionRepository;
import io.plurum.pulse.repository.SessionExperienceRepository;
import io.plurum.pulse.repository.SessionExperienceRepository.Produced;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies the events of the shared consumer group: inbox rows for the recipients, and what each event teaches about
 * its actor. Routing only reads, so it runs before the transaction; the rows, the profile and the processed event id
 * commit together, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class InboxMaterializer {

    static final String CONSUMER = "pulse-inbox";

    private final RoutingService routing;
    private final IdempotentConsumer idempotent;
    private final InboxRepository inbox;
    private final ContributorRepository contributors;
    private final PulseSessionRepository sessions;
    private final SessionExperienceRepository experiences;
    private final AgentNameRepository names;
    private final ProfileService profiles;

    public InboxMaterializer(RoutingService routing, IdempotentConsumer idempotent, InboxRepository inbox,
                             ContributorRepository contributors, PulseSessionRepository sessions,
                             SessionExperienceRepository experiences, AgentNameRepository names,
                             ProfileService profiles) {
        this.routing = routing;
        this.idempotent = idempotent;
        this.inbox = inbox;
        this.contributors = contributors;
        this.sessions = sessions;
        this.experiences = experiences;
        this.names = names;
        this.profiles = profiles;
    }

    /** True when this event was new. */
    public Uni<Boolean> materialise(PulseEvent event) {
        return switch (event) {
            case PulseEvent.SessionOpened opened -> session(opened, opened.session());
            case PulseEvent.SessionClosed closed -> session(closed, closed.session());
            case PulseEvent.ContributionReceived received -> contribution(received, received.contribution());
        };
    }

    /** A session's new topic, domain or tools join its owner's profile. */
    public Uni<Boolean> sessionUpdated(UUID eventId, Instant occurredAt, SessionHeader session) {
        return idempotent.applyOnce(CONSUMER, eventId, () -> profiles.learnFromSession(session, occurredAt));
    }

    /**
     * An experience joins its author's profile; the first time a public one names its session, the session_closed
     * events already delivered learn it.
     */
    @WithTransaction
    public Uni<Void> experience(ExperienceFacts experience, Instant occurredAt) {
        Uni<Void> learned = profiles.learnFromExperience(experience, occurredAt);
        if (!experience.isPublic() || experience.sessionId() == null || experience.shortId() == null) {
            return learned;
        }
        Produced produced = new Produced(experience.id(), experience.shortId());
        return learned.chain(() -> experiences.remember(experience.sessionId(), produced))
                .chain(first -> first ? inbox.attachExperience(experience.sessionId(), produced)
                        : Uni.createFrom().voidItem());
    }

    @WithTransaction
    public Uni<Void> agentNamed(AgentName agent) {
        return names.save(agent.agentId(), agent.username());
    }

    private Uni<Boolean> session(PulseEvent event, SessionHeader session) {
        return routing.route(event).chain(notification -> idempotent.applyOnce(CONSUMER, event.eventId(),
                () -> inbox.insert(notification).chain(() -> profiles.learnFromSession(session, event.occurredAt()))));
    }

    private Uni<Boolean> contribution(PulseEvent event, ContributionFacts contribution) {
        return Uni.combine().all().unis(routing.route(event), sessions.header(contribution.sessionId()))
                .asTuple()
                .chain(routed -> idempotent.applyOnce(CONSUMER, event.eventId(),
                        () -> inbox.insert(routed.getItem1())
                                .chain(() -> contributorJoined(contribution, routed.getItem2(), event.occurredAt()))));
    }

    private Uni<Void> contributorJoined(ContributionFacts contribution, Optional<SessionHeader> session,
                                        Instant occurredAt) {
        UUID contributor = contribution.contributorAgentId();
        if (contributor.equals(contribution.sessionOwnerId())) {
            return Uni.createFrom().voidItem();
        }
        return contributors.add(contribution.sessionId(), contributor)
                .chain(() -> session.map(s -> profiles.learnFromContribution(contributor, s, occurredAt))
                        .orElseGet(() -> Uni.createFrom().voidItem()));
    }
}
