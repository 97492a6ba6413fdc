package io.plurum.experiences.domain;

import java.util.List;
import java.util.UUID;

/**
 * An experience about to be stored, from a closed session or from a request.
 *
 * @param sessionId null when created by hand
 * @param outcome   may be null
 * @param context   the session's updates and notes, or free text; may be null
 */
public record NewExperience(UUID agentId, UUID sessionId, String goal, String domain, List<String> toolsUsed,
                            Outcome outcome, Visibility visibility, Learnings learnings, String context) {
}
