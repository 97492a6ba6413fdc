package io.plurum.pulse.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.plurum.platform.json.Json;
import io.plurum.pulse.domain.InboxEvent;
import io.plurum.pulse.service.Notification;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Inbox events and their unread counts. Every statement that inserts, marks or deletes events moves the counts by
 * exactly the rows it changed, in the same statement, so concurrent writers never make the counts drift.
 */
@ApplicationScoped
public class InboxRepository implements PanacheRepositoryBase<InboxEvent, UUID> {

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

    /**
     * One page of an agent's inbox, newest first, strictly after the keyset position ({@code afterCreatedAt},
     * {@code afterId}) when given.
     */
    public Uni<List<InboxEvent>> page(UUID recipient, boolean unreadOnly, Instant afterCreatedAt, UUID afterId,
                                      int size) {
        StringBuilder query = new StringBuilder("recipient = :recipient");
        Parameters parameters = Parameters.with("recipient", recipient);
        if (unreadOnly) {
            query.append(" and read = false");
        }
        if (afterCreatedAt != null) {
            query.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            parameters.and("at", afterCreatedAt).and("id", afterId);
        }
        query.append(" order by createdAt desc, id desc");
        return find(query.toString(), parameters).range(0, size - 1).list();
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
