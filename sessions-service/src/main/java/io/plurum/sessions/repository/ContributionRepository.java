package io.plurum.sessions.repository;

import java.util.List;
import java.util.UUID;

import io.plurum.sessions.domain.Contribution;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ContributionRepository implements PanacheRepositoryBase<Contribution, UUID> {

    /** A session's contributions, oldest first. */
    public Uni<List<Contribution>> ofSession(UUID sessionId) {
        return list("sessionId = ?1 order by createdAt, id", sessionId);
    }
}
