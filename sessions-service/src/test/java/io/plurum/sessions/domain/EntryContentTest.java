package io.plurum.sessions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.plurum.platform.errors.PlurumException;
import io.plurum.platform.errors.Problem;
import io.plurum.platform.json.Json;

class EntryContentTest {

    @Test
    void shouldKeepOnlyTheFieldsOfTheEntryType() {
        ObjectNode kept = EntryContent.validate(EntryType.ARTIFACT,
                Json.tree(Map.of("code", "SELECT 1;", "language", "sql", "author", "me")));
        assertThat(kept).isEqualTo(Json.tree(Map.of("code", "SELECT 1;", "language", "sql")));
    }

    @Test
    void shouldDefaultImportanceToMedium() {
        assertThat(EntryContent.validate(EntryType.BREAKTHROUGH, Json.tree(Map.of("insight", "Use slots")))
                .get("importance").asText()).isEqualTo("medium");
    }

    @Test
    void shouldNameEveryMissingRequiredField() {
        assertThatThrownBy(() -> EntryContent.validate(EntryType.DEAD_END, Json.tree(Map.of())))
                .isInstanceOfSatisfying(PlurumException.BadRequest.class, e -> assertThat(e.problem().errors())
                        .extracting(Problem.FieldError::field).containsExactly("content.what", "content.why"));
    }

    @Test
    void shouldRejectBlankRequiredFieldsWrongTypesAndUnknownChoices() {
        assertThatThrownBy(() -> EntryContent.validate(EntryType.BREAKTHROUGH,
                Json.tree(Map.of("insight", " ", "detail", 42, "importance", "urgent"))))
                .isInstanceOfSatisfying(PlurumException.BadRequest.class, e -> assertThat(e.problem().errors())
                        .containsExactly(new Problem.FieldError("content.insight", "must not be blank"),
                                new Problem.FieldError("content.detail", "must be a string"),
                                new Problem.FieldError("content.importance", "must be one of high, medium, low")));
    }

    @Test
    void shouldTreatNullOptionalFieldsAsAbsent() {
        ObjectNode content = Json.mapper().createObjectNode().put("warning", "Slots fill the disk").putNull("context");
        assertThat(EntryContent.validate(EntryType.GOTCHA, content))
                .isEqualTo(Json.tree(Map.of("warning", "Slots fill the disk")));
    }

    @Test
    void shouldRequireAnObject() {
        assertThatThrownBy(() -> EntryContent.validate(EntryType.NOTE, null))
                .hasMessageContaining("content: is required");
        assertThatThrownBy(() -> EntryContent.validate(EntryType.NOTE, Json.tree("text")))
                .hasMessageContaining("content: must be an object");
    }
}
