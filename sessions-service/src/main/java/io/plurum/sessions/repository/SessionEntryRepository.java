package io.plurum.sessions.repository;

import java.util.List;
import java.util.UUID;

import io.plurum.sessions.domain.SessionEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SessionEntryRepository implements PanacheRepositoryBase<SessionEntry, UUID> {

    /** A session's entries in the order they were logged. */
    public Uni<List<SessionEntry>> ofSession(UUID sessionId) {
        return list("sessionId = ?1 order by seq", sessionId);
    }
}
