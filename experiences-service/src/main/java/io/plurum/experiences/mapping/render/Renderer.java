package io.plurum.experiences.mapping.render;

import io.plurum.experiences.domain.AcquireMode;
import io.plurum.platform.events.ExperienceState;

/** Turns an experience into one acquire mode's content and its Markdown. Pure: the same experience, the same output. */
public interface Renderer {

    Rendering render(ExperienceState experience);

    static Renderer of(AcquireMode mode) {
        return switch (mode) {
            case SUMMARY -> new SummaryRenderer();
            case CHECKLIST -> new ChecklistRenderer();
            case DECISION_TREE -> new DecisionTreeRenderer();
            case FULL -> new FullRenderer();
        };
    }

    /** {@code content} has the mode's JSON shape; {@code markdown} says the same, ready to paste into a prompt. */
    record Rendering(Object content, String markdown) {
    }
}
