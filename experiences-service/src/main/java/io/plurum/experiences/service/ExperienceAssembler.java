package io.plurum.experiences.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.experiences.domain.Learnings;
import io.plurum.experiences.domain.NewExperience;
import io.plurum.experiences.domain.Outcome;
import io.plurum.experiences.domain.Tools;
import io.plurum.experiences.domain.Visibility;
import io.plurum.experiences.event.SessionClosed;
import io.plurum.platform.events.ExperienceState.Artifact;
import io.plurum.platform.events.ExperienceState.Breakthrough;
import io.plurum.platform.events.ExperienceState.DeadEnd;
import io.plurum.platform.events.ExperienceState.Gotcha;

/**
 * Turns a closed session into an experience, without storing anything: the goal is the session's topic, dead ends,
 * breakthroughs, gotchas and artifacts come from the entries of those types (in the order they were logged), and
 * updates and notes are kept as context. A session with nothing to learn from makes no experience. An entry that
 * lacks a field its type requires is left out rather than failing the whole session.
 */
public final class ExperienceAssembler {

    private static final Set<String> IMPORTANCE = Set.of("high", "medium", "low");

    private ExperienceAssembler() {
    }

    public static Optional<NewExperience> assemble(SessionClosed session) {
        List<DeadEnd> deadEnds = new ArrayList<>();
        List<Breakthrough> breakthroughs = new ArrayList<>();
        List<Gotcha> gotchas = new ArrayList<>();
        List<Artifact> artifacts = new ArrayList<>();
        List<String> context = new ArrayList<>();
        for (SessionClosed.Entry entry : session.entries()) {
            JsonNode content = entry.content();
            switch (entry.entryType()) {
                case "dead_end" -> {
                    String what = text(content, "what");
                    String why = text(content, "why");
                    if (what != null && why != null) {
                        deadEnds.add(new DeadEnd(what, why));
                    }
                }
                case "breakthrough" -> {
                    String insight = text(content, "insight");
                    String importance = text(content, "importance");
                    if (insight != null) {
                        breakthroughs.add(new Breakthrough(insight, text(content, "detail"),
                                IMPORTANCE.contains(importance) ? importance : "medium"));
                    }
                }
                case "gotcha" -> {
                    String warning = text(content, "warning");
                    if (warning != null) {
                        gotchas.add(new Gotcha(warning, text(content, "context")));
                    }
                }
                case "artifact" -> {
                    JsonNode code = content.path("code");
                    if (code.isTextual() && !code.asText().isBlank()) {
                        artifacts.add(new Artifact(text(content, "language"), code.asText(),
                                text(content, "description")));
                    }
                }
                case "update", "note" -> {
                    String text = text(content, "text");
                    if (text != null) {
                        context.add(text);
                    }
                }
                default -> {
                    // an entry type this service does not know yet teaches nothing it could show
                }
            }
        }
        Learnings learnings = new Learnings(deadEnds, breakthroughs, gotchas, artifacts);
        if (learnings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NewExperience(session.agentId(), session.sessionId(), session.topic(),
                session.domain(), Tools.normalize(session.toolsUsed()),
                session.outcome() == null ? null : Outcome.parse(session.outcome()).orElse(null),
                // anything but an explicit public stays with its author
                "public".equals(session.visibility()) ? Visibility.PUBLIC : Visibility.PRIVATE, learnings,
                context.isEmpty() ? null : String.join("\n\n", context)));
    }

    private static String text(JsonNode content, String field) {
        JsonNode value = content.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }
}
