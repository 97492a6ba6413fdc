package io.plurum.pulse.repository;

import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Usernames from the agents topic, so that an inbox event can say who acted. */
@ApplicationScoped
public class AgentNameRepository {

    private final Pool pool;

    public AgentNameRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<String>> username(UUID agentId) {
        return pool.preparedQuery("select username from agent_name where agent_id = $1").execute(Tuple.of(agentId))
                .map(rows -> {
                    RowIterator<Row> iterator = rows.iterator();
                    return iterator.hasNext() ? Optional.of(iterator.next().getString("username")) : Optional.empty();
                });
    }

    /** Joins the caller's transaction. */
    public Uni<Void> save(UUID agentId, String username) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into agent_name (agent_id, username) values (:agent, :username) "
                                + "on conflict (agent_id) do update set username = excluded.username")
                .setParameter("agent", agentId)
                .setParameter("username", username)
                .executeUpdate())
                .replaceWithVoid();
    }
}
