package io.plurum.pulse.repository;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who is connected where, shared by every replica. Liveness is per replica (one heartbeat row each), and times come
 * from the database clock, so replicas with skewed clocks still agree on what has expired.
 */
@ApplicationScoped
public class PresenceRepository {

    public record Connected(long count, List<UUID> agentIds) {
    }

    private static final String LIVE_REPLICA = "heartbeat_at > now() - make_interval(secs => $1)";
    /** True when the row had to be created: the replica was expired meanwhile, and its presence rows with it. */
    private static final String HEARTBEAT = """
            insert into pulse_replica (replica_id, heartbeat_at) values ($1, now())
            on conflict (replica_id) do update set heartbeat_at = excluded.heartbeat_at
            returning xmax = 0 as created""";
    private static final String ADD = """
            insert into presence (replica_id, agent_id) select $1, agent_id from unnest($2::uuid[]) as a (agent_id)
            on conflict do nothing""";

    private final Pool pool;

    public PresenceRepository(Pool pool) {
        this.pool = pool;
    }

    /** Keeps this replica alive; true when its presence rows were gone and must be written again. */
    public Uni<Boolean> heartbeat(String replicaId) {
        return heartbeat(pool, replicaId);
    }

    public Uni<Void> add(String replicaId, Collection<UUID> agents) {
        if (agents.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery(ADD).execute(Tuple.of(replicaId, agents.toArray(UUID[]::new))).replaceWithVoid();
    }

    public Uni<Void> remove(String replicaId, Collection<UUID> agents) {
        if (agents.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("delete from presence where replica_id = $1 and agent_id = any($2::uuid[])")
                .execute(Tuple.of(replicaId, agents.toArray(UUID[]::new))).replaceWithVoid();
    }

    /** Makes this replica alive and its rows exactly {@code agents}. */
    public Uni<Void> replace(String replicaId, Collection<UUID> agents) {
        UUID[] ids = agents.toArray(UUID[]::new);
        return pool.withTransaction(connection -> heartbeat(connection, replicaId)
                .chain(() -> connection.preparedQuery(
                                "delete from presence where replica_id = $1 and not (agent_id = any($2::uuid[]))")
                        .execute(Tuple.of(replicaId, ids)))
                .chain(() -> connection.preparedQuery(ADD).execute(Tuple.of(replicaId, ids))))
                .replaceWithVoid();
    }

    /** Replicas that stopped heartbeating (crashed, or cut off from the database), with their rows. */
    public Uni<Integer> deleteExpired(Duration expiry) {
        return pool.preparedQuery("delete from pulse_replica where not (" + LIVE_REPLICA + ")")
                .execute(Tuple.of(seconds(expiry))).map(rows -> rows.rowCount());
    }

    public Uni<Void> removeReplica(String replicaId) {
        return pool.preparedQuery("delete from pulse_replica where replica_id = $1").execute(Tuple.of(replicaId))
                .replaceWithVoid();
    }

    /** Distinct agents connected to a live replica: their number and up to {@code maxIds} of them. */
    public Uni<Connected> connected(Duration expiry, int maxIds) {
        String live = "from presence p join pulse_replica r on r.replica_id = p.replica_id where r." + LIVE_REPLICA;
        Uni<Long> count = pool.preparedQuery("select count(distinct p.agent_id) as total " + live)
                .execute(Tuple.of(seconds(expiry)))
                .map(rows -> rows.iterator().next().getLong("total"));
        Uni<List<UUID>> ids = pool.preparedQuery("select distinct p.agent_id " + live + " order by p.agent_id limit $2")
                .execute(Tuple.of(seconds(expiry), maxIds))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(row -> row.getUUID("agent_id"))
                        .toList());
        return Uni.combine().all().unis(count, ids).with(Connected::new);
    }

    private static Uni<Boolean> heartbeat(SqlClient client, String replicaId) {
        return client.preparedQuery(HEARTBEAT).execute(Tuple.of(replicaId))
                .map(rows -> rows.iterator().next().getBoolean("created"));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
