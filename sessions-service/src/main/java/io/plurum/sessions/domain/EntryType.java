package io.plurum.sessions.domain;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import io.plurum.platform.json.WireEnum;
import io.plurum.platform.persistence.WireEnumColumn;

/** The six kinds of journal entry, each with the fields its content may hold. */
public enum EntryType {
    UPDATE(ContentField.required("text")),
    DEAD_END(ContentField.required("what"), ContentField.required("why")),
    BREAKTHROUGH(ContentField.required("insight"), ContentField.optional("detail"),
            ContentField.choice("importance", "medium", List.of("high", "medium", "low"))),
    GOTCHA(ContentField.required("warning"), ContentField.optional("context")),
    ARTIFACT(ContentField.required("code"), ContentField.optional("language"), ContentField.optional("description")),
    NOTE(ContentField.required("text"));

    private final List<ContentField> fields;

    EntryType(ContentField... fields) {
        this.fields = List.of(fields);
    }

    public List<ContentField> fields() {
        return fields;
    }

    @JsonValue
    public String wire() {
        return WireEnum.wire(this);
    }

    public static Optional<EntryType> parse(String wire) {
        return WireEnum.parse(EntryType.class, wire);
    }

    public static final class Column extends WireEnumColumn<EntryType> {
        public Column() {
            super(EntryType.class);
        }
    }

    /**
     * One string field of an entry's content: required, optional, or one of a few values with a default.
     *
     * @param choices allowed values, empty for free text
     * @param fallback the value of an absent choice field, null otherwise
     */
    public record ContentField(String name, boolean required, List<String> choices, String fallback) {

        static ContentField required(String name) {
            return new ContentField(name, true, List.of(), null);
        }

        static ContentField optional(String name) {
            return new ContentField(name, false, List.of(), null);
        }

        static ContentField choice(String name, String fallback, List<String> choices) {
            return new ContentField(name, false, choices, fallback);
        }
    }
}
