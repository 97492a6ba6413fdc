package io.plurum.pulse.repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.plurum.pulse.domain.PulseSession;
import io.plurum.pulse.event.SessionHeader;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PulseSessionRepository implements PanacheRepositoryBase<PulseSession, UUID> {

    private static final String PUBLIC_RECENT = "visibility = 'public' and (status = 'open' "
            + "or (status = 'closed' and closedAt > ?1))";

    private final Pool pool;

    public PulseSessionRepository(Pool pool) {
        this.pool = pool;
    }

    /** The session as routing needs it, without a Hibernate session (the push feed routes on its own thread). */
    public Uni<Optional<SessionHeader>> header(UUID id) {
        return pool.preparedQuery("select * from pulse_session where id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    RowIterator<Row> iterator = rows.iterator();
                    return iterator.hasNext() ? Optional.of(header(iterator.next())) : Optional.empty();
                });
    }

    /** Public sessions that are open or closed after {@code closedSince}, latest activity first. */
    public Uni<List<PulseSession>> recentPublic(Instant closedSince, int limit) {
        return find(PUBLIC_RECENT + " order by coalesce(closedAt, startedAt) desc, id", closedSince)
                .range(0, limit - 1).list();
    }

    public Uni<Long> countOpenPublic() {
        return count("visibility = 'public' and status = 'open'");
    }

    /** Inserts or replaces the row; joins the caller's transaction. */
    public Uni<Void> save(PulseSession session) {
        return Panache.getSession().chain(s -> s.merge(session)).replaceWithVoid();
    }

    public Uni<Void> forget(UUID id) {
        return deleteById(id).replaceWithVoid();
    }

    /** Sessions that ended before {@code cutoff}: nothing shows or routes them any more. */
    public Uni<Long> deleteEndedBefore(Instant cutoff) {
        return delete("status <> 'open' and updatedAt < ?1", cutoff);
    }

    private static SessionHeader header(Row row) {
        return new SessionHeader(row.getUUID("id"), row.getString("short_id"), row.getUUID("agent_id"),
                row.getString("topic"), row.getString("domain"), List.of(row.getArrayOfStrings("tools_used")),
                row.getString("visibility"), row.getString("status"), row.getString("outcome"),
                row.getOffsetDateTime("started_at").toInstant(),
                Optional.ofNullable(row.getOffsetDateTime("closed_at")).map(t -> t.toInstant()).orElse(null));
    }
}
