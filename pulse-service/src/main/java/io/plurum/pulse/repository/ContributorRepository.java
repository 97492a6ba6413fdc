package io.plurum.pulse.repository;

import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Who contributed to which session: they hear when it opens again or closes. */
@ApplicationScoped
public class ContributorRepository {

    private final Pool pool;

    public ContributorRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<UUID>> of(UUID sessionId) {
        return pool.preparedQuery("select agent_id from session_contributor where session_id = $1 order by agent_id")
                .execute(Tuple.of(sessionId))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> row.getUUID("agent_id"))
                        .toList());
    }

    /** Joins the caller's transaction. */
    public Uni<Void> add(UUID sessionId, UUID agentId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into session_contributor (session_id, agent_id) values (:session, :agent) "
                                + "on conflict do nothing")
                .setParameter("session", sessionId)
                .setParameter("agent", agentId)
                .executeUpdate())
                .replaceWithVoid();
    }
}
