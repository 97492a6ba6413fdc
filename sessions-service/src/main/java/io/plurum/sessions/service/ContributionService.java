package io.plurum.sessions.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.plurum.platform.errors.PlurumException;
import io.plurum.platform.ids.Ids;
import io.plurum.platform.json.Json;
import io.plurum.platform.outbox.Outbox;
import io.plurum.sessions.config.SessionsConfig;
import io.plurum.sessions.domain.Contribution;
import io.plurum.sessions.domain.ContributionType;
import io.plurum.sessions.domain.Session;
import io.plurum.sessions.event.SessionEvents;
import io.plurum.sessions.mapping.ContributeRequest;
import io.plurum.sessions.mapping.ContributionList;
import io.plurum.sessions.mapping.ContributionView;
import io.plurum.sessions.mapping.SessionMapper;
import io.plurum.sessions.repository.ContributionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** What agents offer to open sessions: their own, or other agents' public ones. */
@ApplicationScoped
public class ContributionService {

    private final ContributionRepository contributions;
    private final SessionAccess access;
    private final ContentSafety safety;
    private final Outbox outbox;
    private final SessionsConfig config;

    public ContributionService(ContributionRepository contributions, SessionAccess access, ContentSafety safety,
                               Outbox outbox, SessionsConfig config) {
        this.contributions = contributions;
        this.access = access;
        this.safety = safety;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * The session is share-locked: contributions do not wait for one another, but a close waits for them, so none
     * lands on a session that has just closed.
     */
    @WithTransaction
    public Uni<ContributionView> contribute(String identifier, UUID caller, ContributeRequest request) {
        return Uni.createFrom().item(() -> checkedContent(request))
                .chain(json -> access.visible(identifier, caller, LockModeType.PESSIMISTIC_READ)
                        .invoke(session -> SessionAccess.requireOpen(session, "contributed to"))
                        .invoke(session -> {
                            if (session.isPublic()) {
                                safety.requireSafe(Map.of("content", Json.read(json, Map.class)));
                            }
                        })
                        .chain(session -> add(session, caller, request, json)));
    }

    @WithSession
    public Uni<ContributionList> list(String identifier, UUID caller) {
        return access.visible(identifier, caller, LockModeType.NONE)
                .chain(session -> contributions.ofSession(session.id))
                .map(all -> new ContributionList(all.stream().map(SessionMapper::view).toList()));
    }

    private Uni<ContributionView> add(Session session, UUID caller, ContributeRequest request, String json) {
        Contribution contribution = new Contribution();
        contribution.id = Ids.newId();
        contribution.sessionId = session.id;
        contribution.contributorAgentId = caller;
        contribution.content = json;
        contribution.contributionType = request.contributionType() == null ? ContributionType.SUGGESTION
                : ContributionType.parse(request.contributionType()).orElseThrow();
        contribution.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return contributions.persist(contribution)
                .chain(() -> outbox.publish(SessionEvents.contributed(session, contribution)))
                .replaceWith(() -> SessionMapper.view(contribution));
    }

    /** The content as stored: only its text, at most as large as an entry's content. */
    private String checkedContent(ContributeRequest request) {
        String json = Json.write(Map.of("text", request.content().text()));
        int bytes = json.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxContentBytes()) {
            throw new PlurumException.PayloadTooLarge("A contribution's content may hold at most "
                    + config.maxContentBytes() + " bytes of JSON; this one holds " + bytes + ".");
        }
        return json;
    }
}
