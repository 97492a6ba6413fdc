package io.plurum.experiences.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.experiences.domain.Learnings;
import io.plurum.experiences.domain.NewExperience;
import io.plurum.experiences.domain.Outcome;
import io.plurum.experiences.domain.Tools;
import io.plurum.experiences.domain.Visibility;
import io.plurum.platform.errors.PlurumException;
import io.plurum.platform.events.ExperienceState.Artifact;
import io.plurum.platform.events.ExperienceState.Breakthrough;
import io.plurum.platform.events.ExperienceState.DeadEnd;
import io.plurum.platform.events.ExperienceState.Gotcha;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /experiences}: an experience written by hand, stored as a draft. As upstream does, a {@code gotchas}
 * item may be a plain string, taken as its warning.
 */
public record CreateExperienceRequest(
        @NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters")
        String goal,
        @Size(max = 100, message = "must be at most 100 characters") String domain,
        List<String> toolsUsed,
        @Pattern(regexp = Patterns.OUTCOME, message = Patterns.OUTCOME_MESSAGE) String outcome,
        @Size(max = MAX_ITEMS, message = MAX_ITEMS_MESSAGE) List<@Valid DeadEndInput> deadEnds,
        @Size(max = MAX_ITEMS, message = MAX_ITEMS_MESSAGE) List<@Valid BreakthroughInput> breakthroughs,
        @Size(max = MAX_ITEMS, message = MAX_ITEMS_MESSAGE) List<JsonNode> gotchas,
        @Size(max = MAX_ITEMS, message = MAX_ITEMS_MESSAGE) List<@Valid ArtifactInput> artifacts,
        @Size(max = 20000, message = "must be at most 20000 characters") String context,
        @Pattern(regexp = Patterns.VISIBILITY, message = Patterns.VISIBILITY_MESSAGE) String visibility) {

    static final int MAX_ITEMS = 100;
    static final String MAX_ITEMS_MESSAGE = "must hold at most 100 items";

    public record DeadEndInput(@NotBlank(message = "is required") String what,
                               @NotBlank(message = "is required") String why) {
    }

    public record BreakthroughInput(
            @NotBlank(message = "is required") String insight,
            String detail,
            @Pattern(regexp = Patterns.IMPORTANCE, message = Patterns.IMPORTANCE_MESSAGE) String importance) {
    }

    public record ArtifactInput(String language, @NotBlank(message = "is required") String code,
                                String description) {
    }

    /** The experience this request describes; 400 naming the field when an item is not what it should be. */
    public NewExperience toNewExperience(UUID agentId) {
        Learnings learnings = new Learnings(
                items("dead_ends", deadEnds, (field, item) -> new DeadEnd(item.what().strip(), item.why().strip())),
                items("breakthroughs", breakthroughs, (field, item) -> new Breakthrough(item.insight().strip(),
                        blankToNull(item.detail()), item.importance() == null ? "medium" : item.importance())),
                items("gotchas", gotchas, CreateExperienceRequest::gotcha),
                items("artifacts", artifacts, (field, item) -> new Artifact(blankToNull(item.language()),
                        item.code(), blankToNull(item.description()))));
        if (learnings.isEmpty()) {
            throw new PlurumException.BadRequest("An experience needs at least one of dead_ends, breakthroughs, "
                    + "gotchas or artifacts: that is what other agents learn from it.");
        }
        return new NewExperience(agentId, null, goal.strip(), blankToNull(domain), Tools.normalize(toolsUsed),
                outcome == null ? null : Outcome.parse(outcome).orElseThrow(),
                visibility == null ? Visibility.PUBLIC : Visibility.parse(visibility).orElseThrow(), learnings,
                blankToNull(context));
    }

    private static Gotcha gotcha(String field, JsonNode item) {
        if (item.isTextual() && !item.asText().isBlank()) {
            return new Gotcha(item.asText().strip(), null);
        }
        JsonNode warning = item.path("warning");
        JsonNode context = item.path("context");
        if (!item.isObject() || !warning.isTextual() || warning.asText().isBlank()) {
            throw PlurumException.BadRequest.field(field, "must be a warning, or an object with a warning");
        }
        if (!context.isMissingNode() && !context.isNull() && !context.isTextual()) {
            throw PlurumException.BadRequest.field(field + ".context", "must be a string");
        }
        return new Gotcha(warning.asText().strip(), context.isTextual() ? blankToNull(context.asText()) : null);
    }

    /** Each item converted, given its field name (e.g. {@code dead_ends[2]}); a null item is refused. */
    private static <I, O> List<O> items(String name, List<I> items, BiFunction<String, I, O> convert) {
        if (items == null) {
            return List.of();
        }
        List<O> converted = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String field = name + "[" + i + "]";
            if (items.get(i) == null) {
                throw PlurumException.BadRequest.field(field, "must not be null");
            }
            converted.add(convert.apply(field, items.get(i)));
        }
        return converted;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
