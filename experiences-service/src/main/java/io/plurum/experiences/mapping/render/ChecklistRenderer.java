package io.plurum.experiences.mapping.render;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.plurum.platform.events.ExperienceState;

/** {@code checklist}: {@code {do, dont, watch}} from breakthroughs, dead ends and gotchas, for step-by-step work. */
final class ChecklistRenderer implements Renderer {

    record Content(@JsonProperty("do") List<String> doThis, List<String> dont, List<String> watch) {
    }

    @Override
    public Rendering render(ExperienceState experience) {
        Content content = new Content(
                experience.breakthroughs().stream()
                        .map(b -> b.detail() == null ? b.insight() : b.insight() + ": " + b.detail()).toList(),
                experience.deadEnds().stream().map(d -> d.what() + " - " + d.why()).toList(),
                experience.gotchas().stream()
                        .map(g -> g.context() == null ? g.warning() : g.warning() + " (" + g.context() + ")").toList());
        return new Rendering(content, Markdown.document(experience, markdown(content)));
    }

    private static String markdown(Content content) {
        StringBuilder body = new StringBuilder();
        section(body, "Do", content.doThis());
        section(body, "Don't", content.dont());
        section(body, "Watch out", content.watch());
        return body.isEmpty()
                ? "Nothing to check off: this experience holds only artifacts. Acquire it in full mode for the code."
                : body.toString();
    }

    private static void section(StringBuilder body, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        body.append("## ").append(title).append('\n');
        items.forEach(item -> body.append(Markdown.item("- ", item)).append('\n'));
        body.append('\n');
    }
}
