package io.plurum.sessions.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.plurum.platform.ids.Ids;
import io.plurum.sessions.domain.Session;
import io.plurum.sessions.domain.SessionStatus;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, UUID> {

    /** The session that {@code identifier} names by id or short id, or null; {@code lock} as the caller needs. */
    public Uni<Session> findByIdentifier(String identifier, LockModeType lock) {
        Optional<UUID> id = Ids.parseUuid(identifier);
        if (id.isPresent()) {
            return find("id", id.get()).withLock(lock).firstResult();
        }
        if (Ids.isShortId(identifier)) {
            return find("shortId", identifier).withLock(lock).firstResult();
        }
        return Uni.createFrom().nullItem();
    }

    /**
     * One page of an agent's sessions, newest first, after the keyset position ({@code afterStartedAt},
     * {@code afterId}) when given.
     */
    public Uni<List<Session>> pageOf(UUID agentId, SessionStatus status, Instant afterStartedAt, UUID afterId,
                                     int size) {
        StringBuilder query = new StringBuilder("agentId = :agent");
        Parameters parameters = Parameters.with("agent", agentId);
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (afterStartedAt != null) {
            query.append(" and (startedAt < :at or (startedAt = :at and id < :id))");
            parameters.and("at", afterStartedAt).and("id", afterId);
        }
        query.append(" order by startedAt desc, id desc");
        return find(query.toString(), parameters).range(0, size - 1).list();
    }
}
