package io.plurum.pulse.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.plurum.platform.json.Json;
import io.plurum.pulse.domain.InboxEvent;
import io.plurum.pulse.service.Notification;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Inbox events and their unread counts. Every statement that inserts, marks or deletes events moves the counts by
 * exactly the rows it changed, in the same statement, so concurrent writers never make the counts drift.
 */
@ApplicationScoped
public class InboxRepository {

    /** One row per recipient, its reason merged into the shared event data; a redelivered event adds nothing. */
    private static final String INSERT = """
            with inserted as (
                insert into inbox_event (id, event_id, recipient, event_type, session_id, event_data, created_at)
                select gen_random_uuid(), :eventId, r.recipient, :eventType, :sessionId,
                       (cast(cast(:data as text) as jsonb) || jsonb_build_object('reason', r.reason))::text,
                       :createdAt
                from jsonb_to_recordset(cast(cast(:recipients as text) as jsonb)) as r (recipient uuid, reason text)
                on conflict (event_id, recipient) do nothing
                returning recipient)
            insert into inbox_unread (recipient, unread)
            select recipient, count(*) from inserted group by recipient
            on conflict (recipient) do update set unread = inbox_unread.unread + excluded.unread""";

    /** The count row always comes back; the events are joined to it (none: one row of nulls). */
    private static final String PAGE = """
            select u.unread, e.id, e.event_type, e.event_data, e.is_read, e.created_at
            from (select coalesce((select unread from inbox_unread where recipient = $1), 0) as unread) u
            left join lateral (
                select id, event_type, event_data, is_read, created_at from inbox_event
                where recipient = $1 %s %s
                order by created_at desc, id desc
                limit $2) e on true
            order by e.created_at desc, e.id desc""";

    private static final String MARK_READ = """
            with marked as (
                update inbox_event set is_read = true
                where recipient = :recipient and not is_read %s
                returning id),
            counted as (
                update inbox_unread set unread = unread - (select count(*) from marked)
                where recipient = :recipient)
            select count(*) from marked""";

    private static final String DELETE_BEFORE = """
            with deleted as (
                delete from inbox_event where created_at < :cutoff returning recipient, is_read),
            counted as (
                update inbox_unread u set unread = u.unread - d.unread
                from (select recipient, count(*) as unread from deleted where not is_read group by recipient) d
                where u.recipient = d.recipient)
            select count(*) from deleted""";

    private static final String ATTACH_EXPERIENCE = """
            update inbox_event
            set event_data = (cast(event_data as jsonb)
                              || jsonb_build_object('experience_id', cast(:experienceId as text),
                                                    'experience_short_id', cast(:shortId as text)))::text
            where session_id = :sessionId and event_type = 'session_closed'""";

    private final Pool pool;

    public InboxRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * One page of an agent's inbox, newest first, strictly after the keyset position ({@code afterCreatedAt},
     * {@code afterId}) when given, with the agent's unread count: one statement, one round trip (the heartbeat's
     * most frequent call). The count comes back even when the page is empty.
     */
    public Uni<Page> page(UUID recipient, boolean unreadOnly, Instant afterCreatedAt, UUID afterId, int size) {
        boolean after = afterCreatedAt != null;
        String sql = PAGE.formatted(unreadOnly ? "and not is_read" : "",
                after ? "and (created_at, id) < ($3, $4)" : "");
        Tuple parameters = Tuple.of(recipient, size);
        if (after) {
            parameters.addOffsetDateTime(afterCreatedAt.atOffset(ZoneOffset.UTC)).addUUID(afterId);
        }
        return pool.preparedQuery(sql).execute(parameters).map(rows -> {
            long unread = 0;
            List<InboxEvent> events = new ArrayList<>(rows.size());
            for (Row row : rows) {
                unread = row.getInteger("unread");
                if (row.getUUID("id") != null) {
                    events.add(new InboxEvent(row.getUUID("id"), row.getString("event_type"),
                            row.getString("event_data"), row.getBoolean("is_read"),
                            row.getOffsetDateTime("created_at").toInstant()));
                }
            }
            return new Page(events, unread);
        });
    }

    /** A page of events and the recipient's unread count. */
    public record Page(List<InboxEvent> events, long unread) {
    }

    public Uni<Long> unreadCount(UUID recipient) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select unread from inbox_unread where recipient = :recipient", Integer.class)
                .setParameter("recipient", recipient)
                .getResultList())
                .map(counts -> counts.isEmpty() ? 0L : counts.getFirst().longValue());
    }

    /** Marks those of {@code ids} that are the recipient's and unread; others' ids match nothing. */
    public Uni<Integer> markRead(UUID recipient, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().chain(session -> session
                .createNativeQuery(MARK_READ.formatted("and id in (:ids)"), Long.class)
                .setParameter("recipient", recipient)
                .setParameter("ids", ids)
                .getSingleResult())
                .map(Long::intValue);
    }

    public Uni<Integer> markAllRead(UUID recipient) {
        return Panache.getSession().chain(session -> session.createNativeQuery(MARK_READ.formatted(""), Long.class)
                .setParameter("recipient", recipient)
                .getSingleResult())
                .map(Long::intValue);
    }

    /** Joins the caller's transaction. */
    public Uni<Void> insert(Notification notification) {
        if (notification.deliveries().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("eventId", notification.event().eventId())
                .setParameter("eventType", notification.event().wireType())
                .setParameter("sessionId", notification.event().sessionId())
                .setParameter("data", Json.write(notification.data()))
                .setParameter("createdAt", notification.event().occurredAt())
                .setParameter("recipients", Json.write(notification.deliveries()))
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Adds the experience a session produced to the session_closed events already delivered about it. */
    public Uni<Void> attachExperience(UUID sessionId, SessionExperienceRepository.Produced experience) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ATTACH_EXPERIENCE)
                .setParameter("sessionId", sessionId)
                .setParameter("experienceId", experience.experienceId().toString())
                .setParameter("shortId", experience.experienceShortId())
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Joins the caller's transaction. */
    public Uni<Long> deleteCreatedBefore(Instant cutoff) {
        return Panache.getSession().chain(session -> session.createNativeQuery(DELETE_BEFORE, Long.class)
                .setParameter("cutoff", cutoff)
                .getSingleResult());
    }
}
