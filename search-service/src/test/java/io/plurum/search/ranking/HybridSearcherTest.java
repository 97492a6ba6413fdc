package io.plurum.search.ranking;

import static io.plurum.search.Experiences.published;
import static io.plurum.search.Experiences.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.plurum.platform.embeddings.Vectors;
import io.plurum.platform.events.ExperienceState;
import io.plurum.search.event.IndexFixture;
import io.plurum.search.service.ExperienceResult;
import io.plurum.search.service.SearchService;

class HybridSearcherTest {

    private static final UUID ALICE = UUID.randomUUID();
    private static final UUID BOB = UUID.randomUUID();
    private static final ExperienceState REPLICATION = published(ALICE, "Set up PostgreSQL streaming replication",
            "databases", List.of("postgresql"), "use a replication slot so the primary keeps WAL for the standby");
    private static final ExperienceState DOCKER_DNS = published(ALICE, "Fix DNS resolution inside Docker containers",
            "infrastructure", List.of("docker"), "containers use the embedded DNS server 127.0.0.11 on user networks");
    private static final ExperienceState FLEXBOX = published(BOB, "Center a div with CSS flexbox", "frontend",
            List.of("css"), "justify-content and align-items on the parent, not the child");
    private static final ExperienceState PRIVATE_REPLICATION = state(UUID.randomUUID(), BOB,
            "PostgreSQL replication lag on our private cluster", "databases", List.of("postgresql"),
            "replication slot retained WAL filled the disk", "published", "private", 0.5);
    private static final ExperienceState DRAFT_REPLICATION = state(UUID.randomUUID(), ALICE,
            "Draft notes on PostgreSQL replication failover", "databases", List.of("postgresql"),
            "promote the standby with pg_ctl promote", "draft", "public", 0.5);
    private static final ExperienceState PROVEN_REPLICATION = state(UUID.randomUUID(), BOB,
            "Configure logical replication between PostgreSQL clusters", "databases",
            List.of("postgresql", "pglogical"), "publications and subscriptions replace triggers", "published",
            "public", 0.95);

    private static IndexFixture fixture;
    private static SearchService search;

    @BeforeAll
    static void index() throws Exception {
        fixture = new IndexFixture().add(REPLICATION, DOCKER_DNS, FLEXBOX, PRIVATE_REPLICATION, DRAFT_REPLICATION,
                PROVEN_REPLICATION);
        search = fixture.service();
    }

    @AfterAll
    static void close() throws Exception {
        fixture.close();
    }

    @Test
    void shouldNeverShowAPrivateExperienceToAnotherAgentOrToAnonymousCallers() {
        assertThat(ids(search.search("postgresql replication", null, null, null, 50, null).items()))
                .doesNotContain(PRIVATE_REPLICATION.id());
        assertThat(ids(search.search("postgresql replication", null, null, null, 50, ALICE).items()))
                .doesNotContain(PRIVATE_REPLICATION.id());
        assertThat(ids(search.search("postgresql replication", null, null, null, 50, BOB).items()))
                .contains(PRIVATE_REPLICATION.id());
    }

    @Test
    void shouldNeverShowDrafts() {
        assertThat(ids(search.search("replication failover promote standby", null, null, null, 50, ALICE).items()))
                .doesNotContain(DRAFT_REPLICATION.id());
    }

    @Test
    void shouldFindTheSameIntentPhrasedInOtherWords() {
        List<ExperienceResult> results = search.search("my containers cannot look up hostnames", null, null, null, 3,
                null).items();

        assertThat(results).isNotEmpty();
        assertThat(results.getFirst().experience().id()).isEqualTo(DOCKER_DNS.id());
    }

    @Test
    void shouldFilterByDomainInsideTheQuery() {
        List<ExperienceResult> results = search.search("postgresql replication in docker", "Infrastructure", null,
                null, 10, null).items();

        assertThat(results).isNotEmpty().extracting(r -> r.experience().domain()).containsOnly("infrastructure");
    }

    @Test
    void shouldFilterByMinimumQuality() {
        List<ExperienceResult> results = search.search("postgresql replication", null, null, 0.9, 10, null).items();

        assertThat(ids(results)).containsExactly(PROVEN_REPLICATION.id());
    }

    @Test
    void shouldBoostExperiencesByTheShareOfRequestedToolsTheyUsed() {
        String query = "replicate a postgres database to another server";
        Map<UUID, Double> plain = scores(search.search(query, null, null, null, 5, null).items());
        Map<UUID, Double> boosted = scores(search.search(query, null, List.of("PgLogical", "barman"), null, 5,
                null).items());

        double quality = PROVEN_REPLICATION.qualityScore();
        assertThat(boosted.get(PROVEN_REPLICATION.id()) / plain.get(PROVEN_REPLICATION.id()))
                .isCloseTo((1 + 0.1 * 0.5 + 0.05 * quality) / (1 + 0.05 * quality), offset(1e-9));
        assertThat(boosted.get(REPLICATION.id())).isEqualTo(plain.get(REPLICATION.id()));
    }

    @Test
    void shouldReportTheCosineOfQueryAndExperienceAsSimilarity() {
        String query = "center a div horizontally";
        ExperienceResult top = search.search(query, null, null, null, 1, null).items().getFirst();
        String embedded = String.join("\n", FLEXBOX.goal(), FLEXBOX.breakthroughs().getFirst().insight(),
                FLEXBOX.gotchas().getFirst().warning(), FLEXBOX.deadEnds().getFirst().what() + " "
                        + FLEXBOX.deadEnds().getFirst().why());

        assertThat(top.experience().id()).isEqualTo(FLEXBOX.id());
        assertThat(top.similarity()).isCloseTo(Vectors.cosine(IndexFixture.MODEL.embed(query),
                IndexFixture.MODEL.embed(embedded)), offset(1e-3));
    }

    @Test
    void shouldRankQuantizedVectorsByTheirExactCosine() throws Exception {
        String query = "replicate a postgres database to another server";
        try (IndexFixture quantized = new IndexFixture(true)) {
            quantized.add(REPLICATION, DOCKER_DNS, FLEXBOX, PRIVATE_REPLICATION, DRAFT_REPLICATION,
                    PROVEN_REPLICATION);

            List<ExperienceResult> exact = search.search(query, null, null, null, 10, null).items();
            List<ExperienceResult> int8 = quantized.service().search(query, null, null, null, 10, null).items();

            assertThat(ids(int8)).isEqualTo(ids(exact));
            for (int i = 0; i < exact.size(); i++) {
                assertThat(int8.get(i).similarity()).isCloseTo(exact.get(i).similarity(), offset(1e-4));
            }
        }
    }

    @Test
    void shouldRankAlikeWhateverOrderTheDocumentsWereIndexedIn() throws Exception {
        List<ExperienceState> states = new ArrayList<>(List.of(REPLICATION, DOCKER_DNS, FLEXBOX,
                PROVEN_REPLICATION));
        for (int i = 0; i < 4; i++) {
            states.add(published(ALICE, "Tune PostgreSQL autovacuum for write-heavy tables", "databases",
                    List.of("postgresql"), "lower autovacuum_vacuum_scale_factor on the hot tables"));
        }
        String query = "postgresql autovacuum on busy tables";
        try (IndexFixture forwards = new IndexFixture(); IndexFixture backwards = new IndexFixture()) {
            forwards.add(states.toArray(ExperienceState[]::new));
            backwards.add(states.reversed().toArray(ExperienceState[]::new));

            List<UUID> ranked = ids(forwards.service().search(query, null, null, null, 10, null).items());

            assertThat(ranked).isEqualTo(ids(backwards.service().search(query, null, null, null, 10, null).items()));
            assertThat(ranked.subList(0, 4).stream().map(UUID::toString).toList()).as("equal twins, by id")
                    .isSorted();
        }
    }

    @Test
    void shouldReturnNothingForAnUnrelatedQuery() {
        assertThat(search.search("bake sourdough bread at home", null, null, null, 10, null).items()).isEmpty();
    }

    private static Map<UUID, Double> scores(List<ExperienceResult> results) {
        return results.stream().collect(Collectors.toMap(r -> r.experience().id(), ExperienceResult::combinedScore));
    }

    private static List<UUID> ids(List<ExperienceResult> results) {
        return results.stream().map(r -> r.experience().id()).toList();
    }
}
