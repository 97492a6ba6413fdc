package io.plurum.pulse.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.plurum.platform.json.Json;
import io.plurum.pulse.config.PulseConfig;
import io.plurum.pulse.event.ContributionFacts;
import io.plurum.pulse.event.PulseEvent;
import io.plurum.pulse.event.SessionHeader;
import io.plurum.pulse.repository.AgentNameRepository;
import io.plurum.pulse.repository.ContributorRepository;
import io.plurum.pulse.repository.InterestRepository;
import io.plurum.pulse.repository.PulseSessionRepository;
import io.plurum.pulse.repository.SessionExperienceRepository;
import io.plurum.pulse.repository.SessionExperienceRepository.Produced;
import io.plurum.pulse.service.InterestMatcher.Match;
import io.plurum.pulse.service.Notification.Delivery;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides who hears of an event and what they are shown. A contribution reaches the session's owner; a session
 * opening or closing reaches its contributors, then the agents whose profiles match it best, at most
 * {@code plurum.pulse.routing.max-recipients} in all. The actor never hears of its own act, and a private session
 * reaches nobody but its owner, which is always the actor of its events.
 */
@ApplicationScoped
public class RoutingService {

    static final String YOUR_SESSION = "an agent contributed to your session";
    static final String YOU_CONTRIBUTED = "you contributed to this session";

    private final InterestRepository interests;
    private final ContributorRepository contributors;
    private final AgentNameRepository names;
    private final SessionExperienceRepository experiences;
    private final PulseSessionRepository sessions;
    private final int maxRecipients;

    public RoutingService(InterestRepository interests, ContributorRepository contributors, AgentNameRepository names,
                          SessionExperienceRepository experiences, PulseSessionRepository sessions,
                          PulseConfig config) {
        this.interests = interests;
        this.contributors = contributors;
        this.names = names;
        this.experiences = experiences;
        this.sessions = sessions;
        this.maxRecipients = config.routing().maxRecipients();
    }

    public Uni<Notification> route(PulseEvent event) {
        return switch (event) {
            case PulseEvent.SessionOpened opened ->
                    session(opened, opened.session(), Uni.createFrom().item(Optional.empty()));
            case PulseEvent.SessionClosed closed ->
                    session(closed, closed.session(), experiences.of(closed.sessionId()));
            case PulseEvent.ContributionReceived received -> contribution(received, received.contribution());
        };
    }

    private Uni<Notification> session(PulseEvent event, SessionHeader session, Uni<Optional<Produced>> experience) {
        if (!session.isPublic()) {
            return Uni.createFrom().item(new Notification(event, sessionIds(session), List.of()));
        }
        Set<InterestMatcher.Term> probes = InterestMatcher.probes(
                InterestMatcher.describe(session.topic(), session.domain(), session.toolsUsed()));
        Uni<List<Match>> matches = interests.strongest(probes, session.agentId(), maxRecipients)
                .map(evidence -> InterestMatcher.rank(evidence, maxRecipients));
        return Uni.combine().all().unis(names.username(session.agentId()), contributors.of(session.id()), matches,
                        experience)
                .with((username, contributorIds, matched, produced) -> new Notification(event,
                        sessionData(event, session, username, produced),
                        recipients(session.agentId(), contributorIds, matched)));
    }

    private List<Delivery> recipients(UUID actor, List<UUID> contributorIds, List<Match> matches) {
        List<Delivery> deliveries = new ArrayList<>();
        Set<UUID> chosen = new HashSet<>();
        chosen.add(actor);
        for (UUID contributor : contributorIds) {
            if (deliveries.size() < maxRecipients && chosen.add(contributor)) {
                deliveries.add(new Delivery(contributor, YOU_CONTRIBUTED));
            }
        }
        for (Match match : matches) {
            if (deliveries.size() < maxRecipients && chosen.add(match.agentId())) {
                deliveries.add(new Delivery(match.agentId(), match.reason()));
            }
        }
        return deliveries;
    }

    private Uni<Notification> contribution(PulseEvent event, ContributionFacts contribution) {
        if (contribution.sessionOwnerId().equals(contribution.contributorAgentId())) {
            return Uni.createFrom().item(new Notification(event, Json.mapper().createObjectNode(), List.of()));
        }
        List<Delivery> owner = List.of(new Delivery(contribution.sessionOwnerId(), YOUR_SESSION));
        return Uni.combine().all().unis(names.username(contribution.contributorAgentId()),
                        sessions.header(contribution.sessionId()))
                .with((username, session) -> new Notification(event,
                        contributionData(contribution, username, session), owner));
    }

    private static ObjectNode sessionData(PulseEvent event, SessionHeader session, Optional<String> username,
                                          Optional<Produced> experience) {
        ObjectNode data = sessionIds(session);
        username.ifPresent(name -> data.put("username", name));
        data.put("topic", session.topic());
        data.put("domain", session.domain());
        ArrayNode tools = data.putArray("tools_used");
        session.toolsUsed().forEach(tools::add);
        if (event instanceof PulseEvent.SessionClosed) {
            data.put("outcome", session.outcome());
            experience.ifPresent(produced -> {
                data.put("experience_id", produced.experienceId().toString());
                data.put("experience_short_id", produced.experienceShortId());
            });
        }
        return data;
    }

    private static ObjectNode sessionIds(SessionHeader session) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("session_id", session.id().toString());
        data.put("short_id", session.shortId());
        data.put("agent_id", session.agentId().toString());
        return data;
    }

    private static ObjectNode contributionData(ContributionFacts contribution, Optional<String> username,
                                               Optional<SessionHeader> session) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("id", contribution.id().toString());
        data.put("session_id", contribution.sessionId().toString());
        data.put("short_id", contribution.sessionShortId());
        session.filter(SessionHeader::isPublic).ifPresent(s -> data.put("topic", s.topic()));
        data.put("contributor_agent_id", contribution.contributorAgentId().toString());
        username.ifPresent(name -> data.put("contributor_username", name));
        if (contribution.content() != null && !contribution.content().isNull()) {
            data.set("content", contribution.content());
        }
        data.put("contribution_type", contribution.contributionType());
        data.put("created_at", contribution.createdAt() == null ? null : contribution.createdAt().toString());
        return data;
    }
}
