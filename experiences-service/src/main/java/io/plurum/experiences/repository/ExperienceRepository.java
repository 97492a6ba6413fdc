package io.plurum.experiences.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.plurum.experiences.domain.Experience;
import io.plurum.experiences.domain.Status;
import io.plurum.experiences.domain.Visibility;
import io.plurum.platform.ids.Ids;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class ExperienceRepository implements PanacheRepositoryBase<Experience, UUID> {

    /** The experience that {@code identifier} names by id or short id, or null; {@code lock} as the caller needs. */
    public Uni<Experience> findByIdentifier(String identifier, LockModeType lock) {
        Optional<UUID> id = Ids.parseUuid(identifier);
        if (id.isPresent()) {
            return find("id", id.get()).withLock(lock).firstResult();
        }
        if (Ids.isShortId(identifier)) {
            return find("shortId", identifier).withLock(lock).firstResult();
        }
        return Uni.createFrom().nullItem();
    }

    public Uni<Boolean> existsForSession(UUID sessionId) {
        return count("sessionId", sessionId).map(count -> count > 0);
    }

    /**
     * One page of the listing, newest first: published public experiences, plus every experience of {@code caller}
     * when there is one; after the keyset position ({@code afterCreatedAt}, {@code afterId}) when given.
     * {@code domain} (matched in any case) and {@code status} filter when not null.
     */
    public Uni<List<Experience>> page(UUID caller, String domain, Status status, Instant afterCreatedAt, UUID afterId,
                                      int size) {
        StringBuilder query = new StringBuilder("((visibility = :public and status = :published)");
        Parameters parameters = Parameters.with("public", Visibility.PUBLIC).and("published", Status.PUBLISHED);
        if (caller != null) {
            query.append(" or agentId = :caller");
            parameters.and("caller", caller);
        }
        query.append(')');
        if (domain != null) {
            query.append(" and lower(domain) = lower(:domain)");
            parameters.and("domain", domain);
        }
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (afterCreatedAt != null) {
            query.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            parameters.and("at", afterCreatedAt).and("id", afterId);
        }
        query.append(" order by createdAt desc, id desc");
        return find(query.toString(), parameters).range(0, size - 1).list();
    }

    /**
     * Counts one more acquiring agent in one statement rather than by locking and rewriting the entity, so that the
     * acquisitions of a popular experience hold its row only that long; its state event follows in the next flush.
     */
    public Uni<Integer> countAcquisition(UUID experienceId, Instant now) {
        return update("acquisitions = acquisitions + 1, updatedAt = ?2, statePending = true where id = ?1",
                experienceId, now);
    }

    /**
     * Experiences whose state event is due, locked for this transaction; rows another replica is flushing are skipped.
     */
    public Uni<List<Experience>> lockPendingState(int limit) {
        return getSession().chain(session -> session
                .createNativeQuery("select id from experience where state_pending order by id limit :limit "
                        + "for update skip locked", UUID.class)
                .setParameter("limit", limit)
                .getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Experience>of()) : list("id in ?1", ids));
    }
}
