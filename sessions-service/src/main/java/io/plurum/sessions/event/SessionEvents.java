package io.plurum.sessions.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.EventType;
import io.plurum.platform.json.Json;
import io.plurum.sessions.domain.Contribution;
import io.plurum.sessions.domain.ContributionType;
import io.plurum.sessions.domain.EntryType;
import io.plurum.sessions.domain.Outcome;
import io.plurum.sessions.domain.Session;
import io.plurum.sessions.domain.SessionEntry;
import io.plurum.sessions.domain.SessionStatus;
import io.plurum.sessions.domain.Visibility;
import io.plurum.sessions.mapping.SessionMapper;

/**
 * Every event sessions-service writes, and the shape of its {@code data}. The aggregate id (and Kafka key) is the
 * session id throughout, so one session's events stay in order.
 *
 * <p>A private session's content never reaches an event that other services could show to other agents: its
 * opened, updated, entry_logged, abandoned, state and contribution events carry a {@link PrivateHeader} and no
 * content. Only session.closed carries a private session's topic and entries, with {@code visibility: private},
 * because experiences-service builds the owner's private experience from it.
 */
public final class SessionEvents {

    static final String PRODUCER = "sessions-service";

    private SessionEvents() {
    }

    /** A public session as other services may show it; also the session part of every session.closed. */
    public record Header(UUID id, String shortId, UUID agentId, String topic, String domain, List<String> toolsUsed,
                         Visibility visibility, SessionStatus status, Outcome outcome, Instant startedAt,
                         Instant closedAt, int entryCount, UUID experienceId, String experienceShortId) {
    }

    /** A private session as other services may know it: that it exists, whose it is, and where it stands. */
    public record PrivateHeader(UUID id, String shortId, UUID agentId, Visibility visibility, SessionStatus status,
                                Instant startedAt, Instant closedAt, UUID experienceId, String experienceShortId) {
    }

    public record Entry(UUID id, int seq, EntryType entryType, JsonNode content, Instant createdAt) {
    }

    /** session.entry_logged of a public session. */
    public record EntryLogged(Header session, Entry entry) {
    }

    /** session.entry_logged of a private session: that an entry was logged, not what it says. */
    public record PrivateEntryLogged(PrivateHeader session, UUID entryId, int seq, Instant createdAt) {
    }

    /** session.closed: everything experiences-service needs to assemble the experience without calling back. */
    public record Closed(Header session, List<Entry> entries) {
    }

    /** contribution.received on a public session. */
    public record ContributionReceived(UUID id, UUID sessionId, String sessionShortId, UUID sessionOwnerId,
                                       UUID contributorAgentId, ContributionType contributionType,
                                       Visibility visibility, JsonNode content, Instant createdAt) {
    }

    /** contribution.received on a private session (only its owner may contribute there): no content. */
    public record PrivateContributionReceived(UUID id, UUID sessionId, String sessionShortId, UUID sessionOwnerId,
                                              UUID contributorAgentId, ContributionType contributionType,
                                              Visibility visibility, Instant createdAt) {
    }

    public static List<EventEnvelope> opened(Session session) {
        return withState(session, event(EventType.SESSION_OPENED, session, header(session)));
    }

    public static List<EventEnvelope> updated(Session session) {
        return withState(session, event(EventType.SESSION_UPDATED, session, header(session)));
    }

    public static List<EventEnvelope> entryLogged(Session session, SessionEntry entry) {
        Object data = session.isPublic()
                ? new EntryLogged(fullHeader(session), entry(entry))
                : new PrivateEntryLogged(privateHeader(session), entry.id, entry.seq, entry.createdAt);
        return withState(session, event(EventType.SESSION_ENTRY_LOGGED, session, data));
    }

    public static List<EventEnvelope> closed(Session session, List<SessionEntry> entries) {
        Closed data = new Closed(fullHeader(session), entries.stream().map(SessionEvents::entry).toList());
        return withState(session, event(EventType.SESSION_CLOSED, session, data));
    }

    public static List<EventEnvelope> abandoned(Session session) {
        return withState(session, event(EventType.SESSION_ABANDONED, session, header(session)));
    }

    public static EventEnvelope contributed(Session session, Contribution contribution) {
        Object data = session.isPublic()
                ? new ContributionReceived(contribution.id, session.id, session.shortId, session.agentId,
                        contribution.contributorAgentId, contribution.contributionType, session.visibility,
                        SessionMapper.content(contribution.content), contribution.createdAt)
                : new PrivateContributionReceived(contribution.id, session.id, session.shortId, session.agentId,
                        contribution.contributorAgentId, contribution.contributionType, session.visibility,
                        contribution.createdAt);
        return event(EventType.CONTRIBUTION_RECEIVED, session, data);
    }

    /** The change's event, then the session's current header on the compacted state topic. */
    private static List<EventEnvelope> withState(Session session, EventEnvelope change) {
        return List.of(change, event(EventType.SESSION_STATE, session, header(session)));
    }

    private static Object header(Session session) {
        return session.isPublic() ? fullHeader(session) : privateHeader(session);
    }

    private static Header fullHeader(Session session) {
        return new Header(session.id, session.shortId, session.agentId, session.topic, session.domain,
                List.copyOf(session.toolsUsed), session.visibility, session.status, session.outcome,
                session.startedAt, session.closedAt, session.entryCount, session.experienceId,
                session.experienceShortId);
    }

    private static PrivateHeader privateHeader(Session session) {
        return new PrivateHeader(session.id, session.shortId, session.agentId, session.visibility, session.status,
                session.startedAt, session.closedAt, session.experienceId, session.experienceShortId);
    }

    private static Entry entry(SessionEntry entry) {
        return new Entry(entry.id, entry.seq, entry.entryType, SessionMapper.content(entry.content),
                entry.createdAt);
    }

    private static EventEnvelope event(EventType type, Session session, Object data) {
        return EventEnvelope.of(type, PRODUCER, session.id.toString(), Json.tree(data));
    }
}
