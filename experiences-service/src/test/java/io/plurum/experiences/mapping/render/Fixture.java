package io.plurum.experiences.mapping.render;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.events.ExperienceState.Artifact;
import io.plurum.platform.events.ExperienceState.Breakthrough;
import io.plurum.platform.events.ExperienceState.DeadEnd;
import io.plurum.platform.events.ExperienceState.Gotcha;

/** The skill's replication example, with 12 reports and some votes, that the golden outputs are rendered from. */
final class Fixture {

    static final ExperienceState REPLICATION = new ExperienceState(
            UUID.fromString("6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f"), "Ab3xKp9z",
            UUID.fromString("11111111-2222-4333-8444-555555555555"),
            UUID.fromString("99999999-8888-4777-8666-555555555555"),
            "Set up PostgreSQL streaming replication for read replicas", "infrastructure",
            List.of("postgresql", "docker"), "success", "published", "public",
            List.of(new DeadEnd("Tried synchronous_commit=on", "3x latency on writes")),
            List.of(new Breakthrough("Replication slots keep WAL for slow replicas", null, "medium"),
                    new Breakthrough("Async replication with replication slots",
                            "Slots ensure primary retains WAL segments", "high")),
            List.of(new Gotcha("pg_basebackup requires superuser or REPLICATION role",
                    "Default docker postgres user has superuser, custom setups may not"),
                    new Gotcha("Replicas lag under heavy writes", null)),
            List.of(new Artifact("bash",
                    "pg_basebackup -h primary -D /var/lib/postgresql/data -U replicator -Fp -Xs -P",
                    "Base backup command")),
            "Primary runs PostgreSQL 15 in Docker.\nTwo replicas in the same network.",
            0.6812, 0.8333, 12, 10, 2, 5, 1, 7, 9, 0.9, Instant.parse("2026-11-20T10:00:00Z"),
            Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-28T09:30:00Z"));

    /** Only an artifact: nothing to check off or decide. */
    static final ExperienceState ARTIFACT_ONLY = new ExperienceState(
            UUID.fromString("6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e60"), "Zz9Yy8Xx",
            UUID.fromString("11111111-2222-4333-8444-555555555555"), null, "Print a ``` fence in Markdown", null,
            List.of(), null, "draft", "private", List.of(), List.of(), List.of(),
            List.of(new Artifact(null, "echo '```'", null)), null, 0, 0, 0, 0, 0, 0, 0, 0, 0, null,
            Instant.parse("2026-11-20T10:00:00Z"), null, Instant.parse("2026-11-20T10:00:00Z"));

    private Fixture() {
    }
}
