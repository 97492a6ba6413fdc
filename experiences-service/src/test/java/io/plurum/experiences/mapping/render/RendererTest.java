package io.plurum.experiences.mapping.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.experiences.domain.AcquireMode;
import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.json.Json;

/** Golden outputs: the content and Markdown of each mode for one fixed experience, character for character. */
class RendererTest {

    private static final String HEADER = """
            # Set up PostgreSQL streaming replication for read replicas

            Plurum experience `Ab3xKp9z` · outcome: success · domain: infrastructure · tools: postgresql, docker

            Quality 0.68 · 10 of 12 reports succeeded (83%) · last 10: 90% · 9 from agents that acquired it · 5 up, \
            1 down

            """;
    private static final String FOOTER = """

            ---
            Used this? Report the outcome: `POST /experiences/Ab3xKp9z/outcome` with `{"success": true}` or \
            `{"success": false, "error_message": "..."}`.
            """;

    @Test
    void shouldRenderSummaryAsOneParagraphLeadingWithTheMostImportantInsight() {
        String summary = "Goal: Set up PostgreSQL streaming replication for read replicas. Key insight: Async "
                + "replication with replication slots. Avoid: Tried synchronous_commit=on (3x latency on writes). "
                + "Watch out: pg_basebackup requires superuser or REPLICATION role. Includes 1 artifact (bash); "
                + "acquire in full mode for the code. Outcome: success. Success rate: 83% over 12 reports.";
        assertRendering(Fixture.REPLICATION, AcquireMode.SUMMARY,
                "{\"summary\": \"" + summary + "\"}",
                HEADER + summary + "\n" + FOOTER);
    }

    @Test
    void shouldRenderChecklistAsDoDontAndWatch() {
        assertRendering(Fixture.REPLICATION, AcquireMode.CHECKLIST, """
                {"do": ["Replication slots keep WAL for slow replicas",
                        "Async replication with replication slots: Slots ensure primary retains WAL segments"],
                 "dont": ["Tried synchronous_commit=on - 3x latency on writes"],
                 "watch": ["pg_basebackup requires superuser or REPLICATION role (Default docker postgres user has \
                superuser, custom setups may not)", "Replicas lag under heavy writes"]}
                """, HEADER + """
                ## Do
                - Replication slots keep WAL for slow replicas
                - Async replication with replication slots: Slots ensure primary retains WAL segments

                ## Don't
                - Tried synchronous_commit=on - 3x latency on writes

                ## Watch out
                - pg_basebackup requires superuser or REPLICATION role (Default docker postgres user has superuser, \
                custom setups may not)
                - Replicas lag under heavy writes
                """ + FOOTER);
    }

    @Test
    void shouldRenderDecisionTreeWithOneBranchPerLearning() {
        assertRendering(Fixture.REPLICATION, AcquireMode.DECISION_TREE, """
                {"decisions": [
                  {"condition": "If working on: Set up PostgreSQL streaming replication for read replicas",
                   "action": "Replication slots keep WAL for slow replicas", "detail": "", "type": "do"},
                  {"condition": "If working on: Set up PostgreSQL streaming replication for read replicas",
                   "action": "Async replication with replication slots",
                   "detail": "Slots ensure primary retains WAL segments", "type": "do"},
                  {"condition": "If considering: Tried synchronous_commit=on", "action": "Avoid this approach",
                   "detail": "3x latency on writes", "type": "avoid"},
                  {"condition": "Default docker postgres user has superuser, custom setups may not",
                   "action": "Watch out: pg_basebackup requires superuser or REPLICATION role", "detail": "",
                   "type": "warning"},
                  {"condition": "When: Set up PostgreSQL streaming replication for read replicas",
                   "action": "Watch out: Replicas lag under heavy writes", "detail": "", "type": "warning"}]}
                """, HEADER + """
                ## Decisions
                1. **If working on: Set up PostgreSQL streaming replication for read replicas** → Replication slots \
                keep WAL for slow replicas
                2. **If working on: Set up PostgreSQL streaming replication for read replicas** → Async replication \
                with replication slots
                   Slots ensure primary retains WAL segments
                3. **If considering: Tried synchronous_commit=on** → Avoid this approach
                   3x latency on writes
                4. **Default docker postgres user has superuser, custom setups may not** → Watch out: pg_basebackup \
                requires superuser or REPLICATION role
                5. **When: Set up PostgreSQL streaming replication for read replicas** → Watch out: Replicas lag under \
                heavy writes
                """ + FOOTER);
    }

    @Test
    void shouldRenderFullReasoningWithStatsAndFencedCode() {
        assertRendering(Fixture.REPLICATION, AcquireMode.FULL, """
                {"goal": "Set up PostgreSQL streaming replication for read replicas", "domain": "infrastructure",
                 "tools_used": ["postgresql", "docker"], "outcome": "success",
                 "dead_ends": [{"what": "Tried synchronous_commit=on", "why": "3x latency on writes"}],
                 "breakthroughs": [
                   {"insight": "Replication slots keep WAL for slow replicas", "detail": null, "importance": "medium"},
                   {"insight": "Async replication with replication slots",
                    "detail": "Slots ensure primary retains WAL segments", "importance": "high"}],
                 "gotchas": [
                   {"warning": "pg_basebackup requires superuser or REPLICATION role",
                    "context": "Default docker postgres user has superuser, custom setups may not"},
                   {"warning": "Replicas lag under heavy writes", "context": null}],
                 "context": "Primary runs PostgreSQL 15 in Docker.\\nTwo replicas in the same network.",
                 "artifacts": [{"language": "bash", "description": "Base backup command",
                   "code": "pg_basebackup -h primary -D /var/lib/postgresql/data -U replicator -Fp -Xs -P"}],
                 "stats": {"quality_score": 0.6812, "success_rate": 0.8333, "total_reports": 12, "success_count": 10,
                   "failure_count": 2, "recent_success_rate": 0.9, "acquired_reports": 9, "upvotes": 5,
                   "downvotes": 1, "acquisitions": 7}}
                """, HEADER + """
                ## Dead ends
                1. Tried synchronous_commit=on
                   Why not: 3x latency on writes

                ## Breakthroughs
                1. Replication slots keep WAL for slow replicas (importance: medium)
                2. Async replication with replication slots (importance: high)
                   Slots ensure primary retains WAL segments

                ## Gotchas
                - pg_basebackup requires superuser or REPLICATION role
                  When: Default docker postgres user has superuser, custom setups may not
                - Replicas lag under heavy writes

                ## Context
                Primary runs PostgreSQL 15 in Docker.
                Two replicas in the same network.

                ## Artifacts
                ### Base backup command (bash)
                ```bash
                pg_basebackup -h primary -D /var/lib/postgresql/data -U replicator -Fp -Xs -P
                ```
                """ + FOOTER);
    }

    @Test
    void shouldFenceCodeThatHoldsBackticksAndSayWhenThereIsNothingToCheck() {
        ExperienceState artifactOnly = Fixture.ARTIFACT_ONLY;
        String header = """
                # Print a ``` fence in Markdown

                Plurum experience `Zz9Yy8Xx`

                Quality 0.00 · no outcome reports yet

                """;
        String footer = """

                ---
                Used this? Report the outcome: `POST /experiences/Zz9Yy8Xx/outcome` with `{"success": true}` or \
                `{"success": false, "error_message": "..."}`.
                """;
        assertThat(Renderer.of(AcquireMode.FULL).render(artifactOnly).markdown()).isEqualTo(header + """
                ## Artifacts
                ### Artifact 1
                ````
                echo '```'
                ````
                """ + footer);
        assertRendering(artifactOnly, AcquireMode.CHECKLIST, "{\"do\": [], \"dont\": [], \"watch\": []}", header
                + "Nothing to check off: this experience holds only artifacts. Acquire it in full mode for the code.\n"
                + footer);
        assertRendering(artifactOnly, AcquireMode.DECISION_TREE, "{\"decisions\": []}", header
                + "No decisions to make: this experience holds only artifacts. Acquire it in full mode for the code.\n"
                + footer);
    }

    private static void assertRendering(ExperienceState experience, AcquireMode mode, String content,
                                        String markdown) {
        Renderer.Rendering rendering = Renderer.of(mode).render(experience);
        JsonNode expected = Json.read(content, JsonNode.class);
        assertThat(Json.tree(rendering.content())).isEqualTo(expected);
        assertThat(rendering.markdown()).isEqualTo(markdown);
    }
}
