package io.plurum.pulse.repository;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import io.plurum.platform.json.Json;
import io.plurum.pulse.service.InterestMatcher;
import io.plurum.pulse.service.InterestMatcher.Evidence;
import io.plurum.pulse.service.InterestMatcher.Kind;
import io.plurum.pulse.service.InterestMatcher.Term;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Interest profiles. Reads go through the reactive pool (arrays, no session needed, so the push feed can route
 * too); writes join the caller's Hibernate transaction, next to the inbox rows of the same event.
 */
@ApplicationScoped
public class InterestRepository {

    /**
     * The top agents by {@link InterestMatcher}'s own score (same weights, cap and tie-breaks), then every shared
     * term of those agents, for the matcher to rank and explain.
     */
    private static final String STRONGEST = """
            with probe as (select * from unnest($1::text[], $2::text[]) as p (kind, term)),
            ranked as (
                select i.agent_id
                from interest i join probe p on p.kind = i.kind and p.term = i.term
                where i.agent_id <> $3
                group by i.agent_id
                order by sum(case i.kind when 'tool' then $4::int when 'topic' then $5::int else $6::int end
                             * least(i.strength, $7::int)) desc,
                         max(i.last_seen) desc, i.agent_id
                limit $8)
            select i.agent_id, i.kind, i.term, i.strength, i.last_seen
            from interest i join probe p on p.kind = i.kind and p.term = i.term
            where i.agent_id in (select agent_id from ranked)""";

    /** Counts a term once per source: a session seen again (updated, closed) adds nothing it already added. */
    private static final String RECORD = """
            with fresh as (
                insert into interest_evidence (agent_id, source_id, kind, term)
                select :agent, :source, t.kind, t.term
                from jsonb_to_recordset(cast(cast(:terms as text) as jsonb)) as t (kind text, term text)
                on conflict do nothing
                returning kind, term)
            insert into interest (kind, term, agent_id, strength, last_seen)
            select kind, term, :agent, 1, :seenAt from fresh
            on conflict (kind, term, agent_id) do update
                set strength = interest.strength + 1, last_seen = greatest(interest.last_seen, excluded.last_seen)""";

    private final Pool pool;

    public InterestRepository(Pool pool) {
        this.pool = pool;
    }

    /** Every shared term of the {@code agents} best-matching agents other than {@code actor}. */
    public Uni<List<Evidence>> strongest(Set<Term> probes, UUID actor, int agents) {
        if (probes.isEmpty() || agents <= 0) {
            return Uni.createFrom().item(List.of());
        }
        String[] kinds = probes.stream().map(term -> term.kind().wire()).toArray(String[]::new);
        String[] terms = probes.stream().map(Term::value).toArray(String[]::new);
        Tuple parameters = Tuple.tuple().addArrayOfString(kinds).addArrayOfString(terms).addUUID(actor)
                .addInteger(Kind.TOOL.weight()).addInteger(Kind.TOPIC.weight()).addInteger(Kind.DOMAIN.weight())
                .addInteger(InterestMatcher.STRENGTH_CAP).addInteger(agents);
        return pool.preparedQuery(STRONGEST).execute(parameters)
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(row -> new Evidence(row.getUUID("agent_id"), Kind.fromWire(row.getString("kind")),
                                row.getString("term"), row.getInteger("strength"),
                                row.getOffsetDateTime("last_seen").toInstant()))
                        .toList());
    }

    /** Adds {@code terms} of one source (a session or an experience) to an agent's profile. */
    public Uni<Void> record(UUID agentId, UUID sourceId, Set<Term> terms, Instant seenAt) {
        if (terms.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String rows = Json.write(terms.stream().map(t -> new TermRow(t.kind().wire(), t.value())).toList());
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                .setParameter("agent", agentId)
                .setParameter("source", sourceId)
                .setParameter("terms", rows)
                .setParameter("seenAt", seenAt)
                .executeUpdate())
                .replaceWithVoid();
    }

    private record TermRow(String kind, String term) {
    }
}
