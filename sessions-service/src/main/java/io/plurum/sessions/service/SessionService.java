package io.plurum.sessions.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.plurum.platform.errors.PlurumException;
import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.http.PageQuery;
import io.plurum.platform.ids.Ids;
import io.plurum.platform.json.Json;
import io.plurum.platform.outbox.Outbox;
import io.plurum.sessions.client.SessionMatcher;
import io.plurum.sessions.config.SessionsConfig;
import io.plurum.sessions.domain.EntryContent;
import io.plurum.sessions.domain.EntryType;
import io.plurum.sessions.domain.Outcome;
import io.plurum.sessions.domain.Session;
import io.plurum.sessions.domain.SessionEntry;
import io.plurum.sessions.domain.SessionStatus;
import io.plurum.sessions.domain.ToolList;
import io.plurum.sessions.domain.Visibility;
import io.plurum.sessions.event.SessionEvents;
import io.plurum.sessions.mapping.CloseSessionRequest;
import io.plurum.sessions.mapping.EntryView;
import io.plurum.sessions.mapping.ListQuery;
import io.plurum.sessions.mapping.LogEntryRequest;
import io.plurum.sessions.mapping.OpenSessionRequest;
import io.plurum.sessions.mapping.OpenedSession;
import io.plurum.sessions.mapping.SessionDetail;
import io.plurum.sessions.mapping.SessionMapper;
import io.plurum.sessions.mapping.SessionPage;
import io.plurum.sessions.mapping.SessionView;
import io.plurum.sessions.mapping.UpdateSessionRequest;
import io.plurum.sessions.repository.ContributionRepository;
import io.plurum.sessions.repository.SessionEntryRepository;
import io.plurum.sessions.repository.SessionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Sessions and their entries: every change is one transaction that also writes its events to the outbox. */
@ApplicationScoped
public class SessionService {

    private final SessionRepository sessions;
    private final SessionEntryRepository entries;
    private final ContributionRepository contributions;
    private final SessionAccess access;
    private final ContentSafety safety;
    private final SessionMatcher matcher;
    private final Outbox outbox;
    private final SessionsConfig config;

    public SessionService(SessionRepository sessions, SessionEntryRepository entries,
                          ContributionRepository contributions, SessionAccess access, ContentSafety safety,
                          SessionMatcher matcher, Outbox outbox, SessionsConfig config) {
        this.sessions = sessions;
        this.entries = entries;
        this.contributions = contributions;
        this.access = access;
        this.safety = safety;
        this.matcher = matcher;
        this.outbox = outbox;
        this.config = config;
    }

    /** Search is asked after the commit, so a slow search holds no connection and cannot undo the opening. */
    public Uni<OpenedSession> open(UUID agentId, OpenSessionRequest request) {
        return Uni.createFrom().item(() -> newSession(agentId, request))
                .invoke(session -> {
                    if (session.isPublic()) {
                        safety.requireSafe(headerFields(session.topic, session.domain, session.toolsUsed));
                    }
                })
                .chain(this::persistOpened)
                .chain(session -> matcher.match(session).map(matches -> new OpenedSession(SessionMapper.view(session),
                        matches.experiences(), matches.activeSessions(), matches.degraded())));
    }

    @WithTransaction
    Uni<Session> persistOpened(Session session) {
        return sessions.persist(session)
                .chain(() -> publish(SessionEvents.opened(session)))
                .replaceWith(session);
    }

    @WithSession
    public Uni<SessionPage> list(UUID agentId, ListQuery query) {
        int limit = query.page().limit();
        PageQuery.Cursor after = query.page().after();
        return sessions.pageOf(agentId, query.status(), after == null ? null : after.at(),
                        after == null ? null : after.id(), limit + 1)
                .map(found -> {
                    boolean more = found.size() > limit;
                    List<Session> page = more ? found.subList(0, limit) : found;
                    return new SessionPage(page.stream().map(SessionMapper::view).toList(),
                            more ? ListQuery.cursorAfter(page.getLast()) : null);
                });
    }

    @WithSession
    public Uni<SessionDetail> get(String identifier, UUID caller) {
        return access.visible(identifier, caller, LockModeType.NONE)
                .chain(session -> entries.ofSession(session.id).map(list -> SessionMapper.detail(session, list)));
    }

    /**
     * Changes the given fields of an open session. A session that becomes public is scanned whole first (topic,
     * entries, contributions), since everything it holds becomes readable by every agent at once.
     */
    @WithTransaction
    public Uni<SessionView> update(String identifier, UUID caller, UpdateSessionRequest request) {
        return Uni.createFrom().item(() -> Patch.of(request))
                .chain(patch -> access.owned(identifier, caller)
                        .invoke(session -> SessionAccess.requireOpen(session, "changed"))
                        .call(session -> requireSafePatch(session, patch))
                        .chain(session -> apply(session, patch)));
    }

    @WithTransaction
    public Uni<EntryView> logEntry(String identifier, UUID caller, LogEntryRequest request) {
        return Uni.createFrom().item(() -> NewEntry.of(request, config.maxContentBytes()))
                .chain(entry -> access.owned(identifier, caller)
                        .invoke(session -> SessionAccess.requireOpen(session, "written to"))
                        .invoke(session -> requireRoom(session, entry))
                        .invoke(session -> {
                            if (session.isPublic()) {
                                safety.requireSafe(Map.of("content", Json.convert(entry.content(), Map.class)));
                            }
                        })
                        .chain(session -> append(session, entry)));
    }

    @WithTransaction
    public Uni<SessionView> close(String identifier, UUID caller, CloseSessionRequest request) {
        Outcome outcome = Outcome.parse(request.outcome()).orElseThrow();
        return access.owned(identifier, caller)
                .invoke(session -> SessionAccess.requireOpen(session, "closed"))
                .chain(session -> entries.ofSession(session.id).chain(all -> {
                    Instant now = now();
                    session.status = SessionStatus.CLOSED;
                    session.outcome = outcome;
                    session.closedAt = now;
                    session.updatedAt = now;
                    return publish(SessionEvents.closed(session, all)).replaceWith(SessionMapper.view(session));
                }));
    }

    @WithTransaction
    public Uni<SessionView> abandon(String identifier, UUID caller) {
        return access.owned(identifier, caller)
                .invoke(session -> SessionAccess.requireOpen(session, "abandoned"))
                .chain(session -> {
                    Instant now = now();
                    session.status = SessionStatus.ABANDONED;
                    session.closedAt = now;
                    session.updatedAt = now;
                    return publish(SessionEvents.abandoned(session)).replaceWith(SessionMapper.view(session));
                });
    }

    private static Session newSession(UUID agentId, OpenSessionRequest request) {
        Instant now = now();
        Session session = new Session();
        session.id = Ids.newId();
        session.shortId = Ids.newShortId();
        session.agentId = agentId;
        session.topic = request.topic().strip();
        session.domain = blankToNull(request.domain());
        session.toolsUsed = ToolList.normalize(request.toolsUsed());
        session.visibility = request.visibility() == null ? Visibility.PUBLIC
                : Visibility.parse(request.visibility()).orElseThrow();
        session.status = SessionStatus.OPEN;
        session.startedAt = now;
        session.updatedAt = now;
        return session;
    }

    private Uni<Void> requireSafePatch(Session session, Patch patch) {
        Visibility after = patch.visibility() == null ? session.visibility : patch.visibility();
        if (after != Visibility.PUBLIC) {
            return Uni.createFrom().voidItem();
        }
        if (session.isPublic()) {
            safety.requireSafe(patch.fields());
            return Uni.createFrom().voidItem();
        }
        return entries.ofSession(session.id).chain(all -> contributions.ofSession(session.id).invoke(offered -> {
            Map<String, Object> fields = headerFields(patch.topic() == null ? session.topic : patch.topic(),
                    patch.domain() == null ? session.domain : patch.domain(),
                    patch.toolsUsed() == null ? session.toolsUsed : patch.toolsUsed());
            for (int i = 0; i < all.size(); i++) {
                fields.put("entries[" + i + "].content", Json.read(all.get(i).content, Map.class));
            }
            for (int i = 0; i < offered.size(); i++) {
                fields.put("contributions[" + i + "].content", Json.read(offered.get(i).content, Map.class));
            }
            safety.requireSafe(fields);
        })).replaceWithVoid();
    }

    /** A session's own fields by their API names, for the content scanner (which skips nulls). */
    private static Map<String, Object> headerFields(String topic, String domain, List<String> toolsUsed) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("topic", topic);
        fields.put("domain", domain);
        fields.put("tools_used", toolsUsed);
        return fields;
    }

    private Uni<SessionView> apply(Session session, Patch patch) {
        boolean changed = false;
        if (patch.topic() != null && !patch.topic().equals(session.topic)) {
            session.topic = patch.topic();
            changed = true;
        }
        if (patch.domain() != null && !Objects.equals(blankToNull(patch.domain()), session.domain)) {
            session.domain = blankToNull(patch.domain());
            changed = true;
        }
        if (patch.toolsUsed() != null && !patch.toolsUsed().equals(session.toolsUsed)) {
            session.toolsUsed = patch.toolsUsed();
            changed = true;
        }
        if (patch.visibility() != null && patch.visibility() != session.visibility) {
            session.visibility = patch.visibility();
            changed = true;
        }
        if (!changed) {
            return Uni.createFrom().item(SessionMapper.view(session));
        }
        session.updatedAt = now();
        return publish(SessionEvents.updated(session)).replaceWith(SessionMapper.view(session));
    }

    private void requireRoom(Session session, NewEntry entry) {
        if (session.entryCount >= config.maxEntries()) {
            throw new PlurumException.Conflict("This session already holds " + config.maxEntries()
                    + " entries, the most a session may hold. Close it and open a new session to go on.");
        }
        if (session.contentBytes + entry.bytes() > config.maxSessionContentBytes()) {
            throw new PlurumException.Conflict("This entry would take the session past "
                    + config.maxSessionContentBytes() + " bytes of content in total, the most a session may hold. "
                    + "Close it and open a new session to go on.");
        }
    }

    private Uni<EntryView> append(Session session, NewEntry request) {
        SessionEntry entry = new SessionEntry();
        entry.id = Ids.newId();
        entry.sessionId = session.id;
        entry.seq = session.entryCount + 1;
        entry.entryType = request.type();
        entry.content = request.json();
        entry.createdAt = now();
        session.entryCount = entry.seq;
        session.contentBytes += request.bytes();
        session.updatedAt = entry.createdAt;
        return entries.persist(entry)
                .chain(() -> publish(SessionEvents.entryLogged(session, entry)))
                .replaceWith(() -> SessionMapper.view(entry));
    }

    /**
     * Records the experience assembled from a closed session (told by experiences-service's state topic) and
     * republishes the session's state with the link. Idempotent: the same link again changes nothing.
     */
    @WithTransaction
    public Uni<Void> linkExperience(UUID sessionId, UUID experienceId, String experienceShortId) {
        return sessions.findByIdentifier(sessionId.toString(), LockModeType.PESSIMISTIC_WRITE)
                .chain(session -> {
                    if (session == null || experienceId.equals(session.experienceId)) {
                        return Uni.createFrom().voidItem();
                    }
                    session.experienceId = experienceId;
                    session.experienceShortId = experienceShortId;
                    session.updatedAt = now();
                    return publish(SessionEvents.updated(session));
                });
    }

    /** One after another: the events of one change keep their order in the outbox. */
    private Uni<Void> publish(List<EventEnvelope> events) {
        Uni<Void> written = Uni.createFrom().voidItem();
        for (EventEnvelope event : events) {
            written = written.chain(() -> outbox.publish(event));
        }
        return written;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A PATCH body, normalised; null fields stay as they are, a blank domain clears it. */
    private record Patch(String topic, String domain, List<String> toolsUsed, Visibility visibility) {

        static Patch of(UpdateSessionRequest request) {
            return new Patch(request.topic() == null ? null : request.topic().strip(), request.domain(),
                    request.toolsUsed() == null ? null : ToolList.normalize(request.toolsUsed()),
                    request.visibility() == null ? null : Visibility.parse(request.visibility()).orElseThrow());
        }

        /** The fields this PATCH sets, for the content scanner. */
        Map<String, Object> fields() {
            return headerFields(topic, domain, toolsUsed);
        }
    }

    /** A checked entry: its type, its content reduced to the type's fields, and that content's size as JSON. */
    private record NewEntry(EntryType type, ObjectNode content, String json, int bytes) {

        static NewEntry of(LogEntryRequest request, int maxBytes) {
            EntryType type = EntryType.parse(request.entryType()).orElseThrow();
            ObjectNode content = EntryContent.validate(type, request.content());
            String json = Json.write(content);
            int bytes = json.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxBytes) {
                throw new PlurumException.PayloadTooLarge("An entry's content may hold at most " + maxBytes
                        + " bytes of JSON; this one holds " + bytes + ".");
            }
            return new NewEntry(type, content, json, bytes);
        }
    }
}
