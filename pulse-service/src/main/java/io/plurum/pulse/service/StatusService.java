package io.plurum.pulse.service;

import java.time.Instant;
import java.util.UUID;

import io.plurum.pulse.config.PulseConfig;
import io.plurum.pulse.domain.PulseSession;
import io.plurum.pulse.event.SessionHeader;
import io.plurum.pulse.mapping.PulseStatus;
import io.plurum.pulse.mapping.StatusSession;
import io.plurum.pulse.repository.PresenceRepository;
import io.plurum.pulse.repository.PulseSessionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** What {@code /pulse/status} shows: presence across replicas, and sessions kept from the session-state topic. */
@ApplicationScoped
public class StatusService {

    private final PresenceRepository presence;
    private final PulseSessionRepository sessions;
    private final PulseConfig.Status config;
    private final PulseConfig.Presence presenceConfig;

    public StatusService(PresenceRepository presence, PulseSessionRepository sessions, PulseConfig config) {
        this.presence = presence;
        this.sessions = sessions;
        this.config = config.status();
        this.presenceConfig = config.presence();
    }

    @WithSession
    public Uni<PulseStatus> status() {
        Instant closedSince = Instant.now().minus(config.recentlyClosed());
        return presence.connected(presenceConfig.expiry(), config.maxAgentIds())
                .chain(connected -> sessions.countOpenPublic()
                        .chain(open -> sessions.recentPublic(closedSince, config.maxSessions())
                                .map(recent -> new PulseStatus(connected.count(), connected.agentIds(), open,
                                        recent.stream().map(StatusSession::of).toList()))));
    }

    /** The latest state of a session replaces what was known of it. */
    @WithTransaction
    public Uni<Void> track(SessionHeader header, Instant updatedAt) {
        PulseSession session = new PulseSession();
        session.id = header.id();
        session.shortId = header.shortId();
        session.agentId = header.agentId();
        session.topic = header.topic();
        session.domain = header.domain();
        session.toolsUsed = header.toolsUsed();
        session.visibility = header.visibility();
        session.status = header.status();
        session.outcome = header.outcome();
        session.startedAt = header.startedAt();
        session.closedAt = header.closedAt();
        session.updatedAt = updatedAt;
        return sessions.save(session);
    }

    /** A tombstone on the state topic: the session is gone. */
    @WithTransaction
    public Uni<Void> forget(UUID sessionId) {
        return sessions.forget(sessionId);
    }
}
