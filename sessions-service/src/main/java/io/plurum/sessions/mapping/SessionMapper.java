package io.plurum.sessions.mapping;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.json.Json;
import io.plurum.sessions.domain.Contribution;
import io.plurum.sessions.domain.Session;
import io.plurum.sessions.domain.SessionEntry;

/** Entities to the API's objects. */
public final class SessionMapper {

    private SessionMapper() {
    }

    public static SessionView view(Session session) {
        return new SessionView(session.id, session.shortId, session.agentId, session.topic, session.domain,
                List.copyOf(session.toolsUsed), session.visibility, session.status, session.outcome,
                session.startedAt, session.closedAt, session.entryCount, session.experienceId,
                session.experienceShortId);
    }

    public static SessionDetail detail(Session session, List<SessionEntry> entries) {
        return new SessionDetail(view(session), entries.stream().map(SessionMapper::view).toList());
    }

    public static EntryView view(SessionEntry entry) {
        return new EntryView(entry.id, entry.sessionId, entry.entryType, content(entry.content), entry.createdAt);
    }

    public static ContributionView view(Contribution contribution) {
        return new ContributionView(contribution.id, contribution.sessionId, contribution.contributorAgentId,
                content(contribution.content), contribution.contributionType, contribution.createdAt);
    }

    /** Stored content is JSON this service wrote itself. */
    public static JsonNode content(String json) {
        return Json.read(json, JsonNode.class);
    }
}
