package io.plurum.experiences.mapping.render;

import java.util.List;
import java.util.function.Function;

import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.events.ExperienceState.Artifact;
import io.plurum.platform.events.ExperienceState.Breakthrough;
import io.plurum.platform.events.ExperienceState.DeadEnd;
import io.plurum.platform.events.ExperienceState.Gotcha;

/** {@code full}: the whole reasoning with its stats, for deep understanding. */
final class FullRenderer implements Renderer {

    record Content(String goal, String domain, List<String> toolsUsed, String outcome, List<DeadEnd> deadEnds,
                   List<Breakthrough> breakthroughs, List<Gotcha> gotchas, String context, List<Artifact> artifacts,
                   Stats stats) {
    }

    record Stats(double qualityScore, double successRate, int totalReports, int successCount, int failureCount,
                 Double recentSuccessRate, int acquiredReports, int upvotes, int downvotes, int acquisitions) {
    }

    @Override
    public Rendering render(ExperienceState experience) {
        Stats stats = new Stats(experience.qualityScore(), experience.successRate(), experience.totalReports(),
                experience.successCount(), experience.failureCount(), experience.recentSuccessRate(),
                experience.acquiredReports(), experience.upvotes(), experience.downvotes(), experience.acquisitions());
        Content content = new Content(experience.goal(), experience.domain(), experience.toolsUsed(),
                experience.outcome(), experience.deadEnds(), experience.breakthroughs(), experience.gotchas(),
                experience.context(), experience.artifacts(), stats);
        return new Rendering(content, Markdown.document(experience, markdown(experience)));
    }

    private static String markdown(ExperienceState experience) {
        StringBuilder body = new StringBuilder();
        if (!experience.deadEnds().isEmpty()) {
            body.append("## Dead ends\n");
            numbered(body, experience.deadEnds(), DeadEnd::what, d -> "Why not: " + d.why());
        }
        if (!experience.breakthroughs().isEmpty()) {
            body.append("## Breakthroughs\n");
            numbered(body, experience.breakthroughs(),
                    b -> b.importance() == null ? b.insight() : b.insight() + " (importance: " + b.importance() + ")",
                    Breakthrough::detail);
        }
        if (!experience.gotchas().isEmpty()) {
            body.append("## Gotchas\n");
            for (Gotcha gotcha : experience.gotchas()) {
                body.append(Markdown.item("- ", gotcha.warning())).append('\n');
                if (gotcha.context() != null) {
                    body.append(Markdown.item("  ", "When: " + gotcha.context())).append('\n');
                }
            }
            body.append('\n');
        }
        if (experience.context() != null) {
            body.append("## Context\n").append(experience.context().strip()).append("\n\n");
        }
        if (!experience.artifacts().isEmpty()) {
            body.append("## Artifacts\n");
            for (int i = 0; i < experience.artifacts().size(); i++) {
                Artifact artifact = experience.artifacts().get(i);
                String title = artifact.description() == null ? "Artifact " + (i + 1)
                        : Markdown.oneLine(artifact.description());
                body.append("### ").append(title)
                        .append(artifact.language() == null ? "" : " (" + artifact.language() + ")").append('\n')
                        .append(Markdown.codeBlock(artifact.language(), artifact.code())).append("\n\n");
            }
        }
        return body.toString();
    }

    /** A numbered list whose items have a first line and, when there is one, an indented second part. */
    private static <T> void numbered(StringBuilder body, List<T> items, Function<T, String> first,
                                     Function<T, String> second) {
        for (int i = 0; i < items.size(); i++) {
            String marker = (i + 1) + ". ";
            body.append(Markdown.item(marker, first.apply(items.get(i)))).append('\n');
            String more = second.apply(items.get(i));
            if (more != null) {
                body.append(Markdown.item(" ".repeat(marker.length()), more)).append('\n');
            }
        }
        body.append('\n');
    }
}
