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

/** The experience each closed session produced, as soon as experiences-service has published it. */
@ApplicationScoped
public class SessionExperienceRepository {

    public record Produced(UUID experienceId, String experienceShortId) {
    }

    private final Pool pool;

    public SessionExperienceRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Optional<Produced>> of(UUID sessionId) {
        return pool.preparedQuery("select experience_id, experience_short_id from session_experience "
                        + "where session_id = $1")
                .execute(Tuple.of(sessionId))
                .map(rows -> {
                    RowIterator<Row> iterator = rows.iterator();
                    if (!iterator.hasNext()) {
                        return Optional.empty();
                    }
                    Row row = iterator.next();
                    return Optional.of(new Produced(row.getUUID("experience_id"),
                            row.getString("experience_short_id")));
                });
    }

    /**
     * True the first time; an experience's later states (votes, outcomes) change nothing here. Joins the caller's
     * transaction.
     */
    public Uni<Boolean> remember(UUID sessionId, Produced experience) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "insert into session_experience (session_id, experience_id, experience_short_id) "
                                + "values (:session, :experience, :shortId) on conflict do nothing")
                .setParameter("session", sessionId)
                .setParameter("experience", experience.experienceId())
                .setParameter("shortId", experience.experienceShortId())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
