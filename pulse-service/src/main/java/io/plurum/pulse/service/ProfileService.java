package io.plurum.pulse.service;

import java.time.Instant;
import java.util.UUID;

import io.plurum.pulse.event.ExperienceFacts;
import io.plurum.pulse.event.SessionHeader;
import io.plurum.pulse.repository.InterestRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps interest profiles from what agents do in public: their sessions, experiences and contributions. Private
 * work teaches nothing here, so the pulse database holds no private content at all. Every method joins the
 * caller's transaction.
 */
@ApplicationScoped
public class ProfileService {

    private final InterestRepository interests;

    public ProfileService(InterestRepository interests) {
        this.interests = interests;
    }

    /** The owner of a session works on what it is about. */
    public Uni<Void> learnFromSession(SessionHeader session, Instant seenAt) {
        return session.isPublic() ? learn(session.agentId(), session.id(), session, seenAt)
                : Uni.createFrom().voidItem();
    }

    /** A contributor knows about what the session is about. */
    public Uni<Void> learnFromContribution(UUID contributor, SessionHeader session, Instant seenAt) {
        return session.isPublic() ? learn(contributor, session.id(), session, seenAt) : Uni.createFrom().voidItem();
    }

    public Uni<Void> learnFromExperience(ExperienceFacts experience, Instant seenAt) {
        if (!experience.isPublic()) {
            return Uni.createFrom().voidItem();
        }
        return interests.record(experience.agentId(), experience.source(),
                InterestMatcher.describe(experience.goal(), experience.domain(), experience.toolsUsed()), seenAt);
    }

    private Uni<Void> learn(UUID agentId, UUID sourceId, SessionHeader session, Instant seenAt) {
        return interests.record(agentId, sourceId,
                InterestMatcher.describe(session.topic(), session.domain(), session.toolsUsed()), seenAt);
    }
}
