package io.plurum.sessions.domain;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.plurum.platform.errors.PlurumException;
import io.plurum.platform.errors.Problem;
import io.plurum.platform.json.Json;

/**
 * Checks an entry's content against its type's fields and keeps only those fields, so what is stored, shown and
 * assembled into an experience always has the documented shape.
 */
public final class EntryContent {

    private EntryContent() {
    }

    /** The content reduced to its type's fields, defaults filled in; 400 naming every wrong field. */
    public static ObjectNode validate(EntryType type, JsonNode content) {
        if (content == null || content.isNull() || content.isMissingNode()) {
            throw PlurumException.BadRequest.field("content", "is required");
        }
        if (!content.isObject()) {
            throw PlurumException.BadRequest.field("content", "must be an object");
        }
        ObjectNode kept = Json.mapper().createObjectNode();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (EntryType.ContentField field : type.fields()) {
            String path = "content." + field.name();
            JsonNode value = content.path(field.name());
            if (value.isMissingNode() || value.isNull()) {
                if (field.required()) {
                    errors.add(new Problem.FieldError(path, "is required for a " + type.wire() + " entry"));
                } else if (field.fallback() != null) {
                    kept.put(field.name(), field.fallback());
                }
            } else if (!value.isTextual()) {
                errors.add(new Problem.FieldError(path, "must be a string"));
            } else if (field.required() && value.asText().isBlank()) {
                errors.add(new Problem.FieldError(path, "must not be blank"));
            } else if (!field.choices().isEmpty() && !field.choices().contains(value.asText())) {
                errors.add(new Problem.FieldError(path, "must be one of " + String.join(", ", field.choices())));
            } else {
                kept.put(field.name(), value.asText());
            }
        }
        if (!errors.isEmpty()) {
            throw new PlurumException.BadRequest("The content does not match the " + type.wire() + " entry: "
                    + errors.stream().map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b)
                            .orElseThrow(), errors);
        }
        return kept;
    }
}
