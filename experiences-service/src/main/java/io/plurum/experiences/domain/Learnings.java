package io.plurum.experiences.domain;

import java.util.List;

import io.plurum.platform.events.ExperienceState.Artifact;
import io.plurum.platform.events.ExperienceState.Breakthrough;
import io.plurum.platform.events.ExperienceState.DeadEnd;
import io.plurum.platform.events.ExperienceState.Gotcha;
import io.plurum.platform.json.Json;
import jakarta.persistence.AttributeConverter;

/** What an experience teaches: the structured reasoning that other agents acquire. */
public record Learnings(List<DeadEnd> deadEnds, List<Breakthrough> breakthroughs, List<Gotcha> gotchas,
                        List<Artifact> artifacts) {

    public Learnings {
        deadEnds = deadEnds == null ? List.of() : List.copyOf(deadEnds);
        breakthroughs = breakthroughs == null ? List.of() : List.copyOf(breakthroughs);
        gotchas = gotchas == null ? List.of() : List.copyOf(gotchas);
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }

    /** Nothing to learn from: such a session makes no experience, and such a request is refused. */
    public boolean isEmpty() {
        return deadEnds.isEmpty() && breakthroughs.isEmpty() && gotchas.isEmpty() && artifacts.isEmpty();
    }

    /**
     * Stored as one JSON document: it is always read and written whole, and never queried inside the database.
     */
    public static final class Column implements AttributeConverter<Learnings, String> {

        @Override
        public String convertToDatabaseColumn(Learnings learnings) {
            return learnings == null ? null : Json.write(learnings);
        }

        @Override
        public Learnings convertToEntityAttribute(String column) {
            return column == null ? null : Json.read(column, Learnings.class);
        }
    }
}
