package io.plurum.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.events.ExperienceState.Breakthrough;
import io.plurum.platform.events.ExperienceState.DeadEnd;
import io.plurum.platform.events.ExperienceState.Gotcha;

/** Experience states for tests, built the way experiences-service publishes them. */
public final class Experiences {

    private Experiences() {
    }

    public static ExperienceState published(UUID agent, String goal, String domain, List<String> tools,
                                            String insight) {
        return state(UUID.randomUUID(), agent, goal, domain, tools, insight, "published", "public", 0.5);
    }

    public static ExperienceState state(UUID id, UUID agent, String goal, String domain, List<String> tools,
                                        String insight, String status, String visibility, double quality) {
        Instant now = Instant.now();
        return new ExperienceState(id, shortId(id), agent, null, goal, domain, tools, "success", status, visibility,
                List.of(new DeadEnd("tried the obvious default first", "it did not apply here")),
                List.of(new Breakthrough(insight, "", "high")),
                List.of(new Gotcha("check the version before copying this", "")), List.of(), null, quality, 1.0,
                3, 3, 0, 1, 0, 2, 0, null, now, now, now);
    }

    public static ExperienceState withQuality(ExperienceState s, double quality) {
        return new ExperienceState(s.id(), s.shortId(), s.agentId(), s.sessionId(), s.goal(), s.domain(),
                s.toolsUsed(), s.outcome(), s.status(), s.visibility(), s.deadEnds(), s.breakthroughs(),
                s.gotchas(), s.artifacts(), s.context(), quality, s.successRate(), s.totalReports(),
                s.successCount(), s.failureCount(), s.upvotes(), s.downvotes(), s.acquisitions(),
                s.acquiredReports(), s.recentSuccessRate(), s.createdAt(), s.publishedAt(), Instant.now());
    }

    public static String shortId(UUID id) {
        return id.toString().replace("-", "").substring(0, 8);
    }
}
