package io.plurum.experiences.mapping.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.events.ExperienceState.Artifact;
import io.plurum.platform.events.ExperienceState.Breakthrough;

/** {@code summary}: one paragraph, {@code {summary}}, for quick context. */
final class SummaryRenderer implements Renderer {

    record Content(String summary) {
    }

    @Override
    public Rendering render(ExperienceState experience) {
        String summary = summary(experience);
        return new Rendering(new Content(summary), Markdown.document(experience, summary));
    }

    private static String summary(ExperienceState experience) {
        List<String> sentences = new ArrayList<>();
        sentences.add("Goal: " + Markdown.clause(experience.goal()));
        experience.breakthroughs().stream().min(Comparator.comparingInt(SummaryRenderer::rank))
                .ifPresent(top -> sentences.add("Key insight: " + Markdown.clause(top.insight())));
        experience.deadEnds().stream().findFirst().ifPresent(deadEnd -> sentences.add("Avoid: "
                + Markdown.clause(deadEnd.what()) + " (" + Markdown.clause(deadEnd.why()) + ")"));
        experience.gotchas().stream().findFirst()
                .ifPresent(gotcha -> sentences.add("Watch out: " + Markdown.clause(gotcha.warning())));
        if (!experience.artifacts().isEmpty()) {
            sentences.add(artifacts(experience.artifacts()));
        }
        if (experience.outcome() != null) {
            sentences.add("Outcome: " + experience.outcome());
        }
        if (experience.totalReports() > 0) {
            sentences.add("Success rate: " + Markdown.percent(experience.successRate()) + " over "
                    + experience.totalReports() + (experience.totalReports() == 1 ? " report" : " reports"));
        }
        return String.join(". ", sentences) + ".";
    }

    /** The most important breakthrough leads; among equals, the first one logged. */
    private static int rank(Breakthrough breakthrough) {
        return switch (Objects.requireNonNullElse(breakthrough.importance(), "medium")) {
            case "high" -> 0;
            case "low" -> 2;
            default -> 1;
        };
    }

    private static String artifacts(List<Artifact> artifacts) {
        List<String> languages = artifacts.stream().map(Artifact::language).filter(Objects::nonNull).distinct()
                .toList();
        return "Includes " + artifacts.size() + (artifacts.size() == 1 ? " artifact" : " artifacts")
                + (languages.isEmpty() ? "" : " (" + String.join(", ", languages) + ")")
                + "; acquire in full mode for the code";
    }
}
