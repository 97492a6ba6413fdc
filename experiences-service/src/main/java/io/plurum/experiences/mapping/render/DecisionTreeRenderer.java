package io.plurum.experiences.mapping.render;

import java.util.ArrayList;
import java.util.List;

import io.plurum.platform.events.ExperienceState;

/**
 * {@code decision_tree}: {@code {decisions: [{condition, action, detail, type}]}}, one if/then per breakthrough
 * ({@code do}), dead end ({@code avoid}) and gotcha ({@code warning}), for problems that branch.
 */
final class DecisionTreeRenderer implements Renderer {

    record Content(List<Decision> decisions) {
    }

    record Decision(String condition, String action, String detail, String type) {
    }

    @Override
    public Rendering render(ExperienceState experience) {
        List<Decision> decisions = new ArrayList<>();
        String goal = Markdown.oneLine(experience.goal());
        experience.breakthroughs().forEach(b -> decisions.add(new Decision("If working on: " + goal, b.insight(),
                b.detail() == null ? "" : b.detail(), "do")));
        experience.deadEnds().forEach(d -> decisions.add(new Decision("If considering: " + d.what(),
                "Avoid this approach", d.why(), "avoid")));
        experience.gotchas().forEach(g -> decisions.add(new Decision(
                g.context() == null ? "When: " + goal : g.context(), "Watch out: " + g.warning(), "", "warning")));
        return new Rendering(new Content(decisions), Markdown.document(experience, markdown(decisions)));
    }

    private static String markdown(List<Decision> decisions) {
        if (decisions.isEmpty()) {
            return "No decisions to make: this experience holds only artifacts. Acquire it in full mode for the code.";
        }
        StringBuilder body = new StringBuilder("## Decisions\n");
        for (int i = 0; i < decisions.size(); i++) {
            Decision decision = decisions.get(i);
            String marker = (i + 1) + ". ";
            body.append(Markdown.item(marker, "**" + Markdown.oneLine(decision.condition()) + "** → "
                    + Markdown.oneLine(decision.action())));
            if (!decision.detail().isBlank()) {
                body.append('\n').append(Markdown.item(" ".repeat(marker.length()), decision.detail()));
            }
            body.append('\n');
        }
        return body.toString();
    }
}
