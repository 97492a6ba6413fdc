package io.plurum.experiences.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.experiences.domain.NewExperience;
import io.plurum.experiences.domain.Outcome;
import io.plurum.experiences.domain.Visibility;
import io.plurum.experiences.event.SessionClosed;
import io.plurum.platform.events.ExperienceState.Artifact;
import io.plurum.platform.events.ExperienceState.Breakthrough;
import io.plurum.platform.events.ExperienceState.DeadEnd;
import io.plurum.platform.events.ExperienceState.Gotcha;
import io.plurum.platform.json.Json;

class ExperienceAssemblerTest {

    private static final UUID SESSION = UUID.fromString("0d9a3f5e-1c2b-4a6d-9e8f-7a6b5c4d3e2f");
    private static final UUID AGENT = UUID.fromString("5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716");

    /** A session.closed {@code data} as sessions-service writes it, with the given visibility and entries. */
    static JsonNode closed(String visibility, String entries) {
        return Json.read("""
                {"session": {"id": "%s", "short_id": "Qw3rTy7u", "agent_id": "%s",
                  "topic": "Set up PostgreSQL replication for high availability", "domain": "infrastructure",
                  "tools_used": ["postgresql", "docker"], "visibility": "%s", "status": "closed",
                  "outcome": "success", "started_at": "2026-11-28T10:00:00Z", "closed_at": "2026-11-28T11:00:00Z",
                  "entry_count": 7, "some_future_field": {"ignored": true}},
                 "entries": %s}
                """.formatted(SESSION, AGENT, visibility, entries), JsonNode.class);
    }

    private static Optional<NewExperience> assemble(JsonNode data) {
        return ExperienceAssembler.assemble(SessionClosed.from(data));
    }

    @Test
    void shouldAssembleEveryKindOfEntryInTheOrderLogged() {
        NewExperience experience = assemble(closed("public", """
                [{"id": "e7", "seq": 7, "entry_type": "note", "content": {"text": "Replicas are read-only."},
                  "created_at": "2026-11-28T10:50:00Z"},
                 {"seq": 2, "entry_type": "dead_end", "content": {"what": "Tried synchronous_commit=on",
                  "why": "Caused 3x latency increase on writes"}},
                 {"seq": 1, "entry_type": "update", "content": {"text": "Primary is up."}},
                 {"seq": 3, "entry_type": "breakthrough", "content": {"insight": "Async replication works",
                  "detail": "Slots keep WAL", "importance": "high"}},
                 {"seq": 4, "entry_type": "gotcha", "content": {"warning": "pg_basebackup needs REPLICATION",
                  "context": "Custom users"}},
                 {"seq": 5, "entry_type": "artifact", "content": {"code": "pg_basebackup -h primary -P\\n",
                  "language": "bash", "description": "Base backup"}},
                 {"seq": 6, "entry_type": "breakthrough", "content": {"insight": "Monitor lag",
                  "importance": "urgent"}}]
                """)).orElseThrow();

        assertThat(experience.sessionId()).isEqualTo(SESSION);
        assertThat(experience.agentId()).isEqualTo(AGENT);
        assertThat(experience.goal()).isEqualTo("Set up PostgreSQL replication for high availability");
        assertThat(experience.domain()).isEqualTo("infrastructure");
        assertThat(experience.toolsUsed()).containsExactly("postgresql", "docker");
        assertThat(experience.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(experience.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(experience.learnings().deadEnds())
                .containsExactly(new DeadEnd("Tried synchronous_commit=on", "Caused 3x latency increase on writes"));
        assertThat(experience.learnings().breakthroughs()).containsExactly(
                new Breakthrough("Async replication works", "Slots keep WAL", "high"),
                new Breakthrough("Monitor lag", null, "medium"));
        assertThat(experience.learnings().gotchas())
                .containsExactly(new Gotcha("pg_basebackup needs REPLICATION", "Custom users"));
        assertThat(experience.learnings().artifacts())
                .containsExactly(new Artifact("bash", "pg_basebackup -h primary -P\n", "Base backup"));
        assertThat(experience.context()).isEqualTo("Primary is up.\n\nReplicas are read-only.");
    }

    @Test
    void shouldMakeNoExperienceFromASessionWithoutLearnings() {
        assertThat(assemble(closed("public", """
                [{"seq": 1, "entry_type": "update", "content": {"text": "Started"}},
                 {"seq": 2, "entry_type": "note", "content": {"text": "Nothing found"}}]
                """))).isEmpty();
        assertThat(assemble(closed("public", "[]"))).isEmpty();
    }

    @Test
    void shouldLeaveOutEntriesThatLackWhatTheirTypeRequires() {
        assertThat(assemble(closed("public", """
                [{"seq": 1, "entry_type": "dead_end", "content": {"what": "Only what"}},
                 {"seq": 2, "entry_type": "gotcha", "content": {"context": "no warning"}},
                 {"seq": 3, "entry_type": "artifact", "content": {"code": "   "}},
                 {"seq": 4, "entry_type": "breakthrough", "content": {"insight": 42}},
                 {"seq": 5, "entry_type": "hologram", "content": {"text": "from the future"}},
                 {"seq": 6, "entry_type": "gotcha", "content": "not an object"}]
                """))).isEmpty();
    }

    @Test
    void shouldKeepAPrivateSessionPrivateAndTreatAnUnknownVisibilityAsPrivate() {
        String entries = "[{\"seq\": 1, \"entry_type\": \"gotcha\", \"content\": {\"warning\": \"Careful\"}}]";
        assertThat(assemble(closed("private", entries)).orElseThrow().visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(assemble(closed("secret", entries)).orElseThrow().visibility()).isEqualTo(Visibility.PRIVATE);
    }

    @Test
    void shouldRefuseAnEventWithoutTheSessionsIdentity() {
        assertThatThrownBy(() -> SessionClosed.from(Json.read("{\"entries\": []}", JsonNode.class)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionClosed.from(Json.read(
                "{\"session\": {\"id\": \"nope\", \"agent_id\": \"" + AGENT + "\", \"topic\": \"t\"}}",
                JsonNode.class))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionClosed.from(Json.read(
                "{\"session\": {\"id\": \"" + SESSION + "\", \"agent_id\": \"" + AGENT + "\"}}", JsonNode.class)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
