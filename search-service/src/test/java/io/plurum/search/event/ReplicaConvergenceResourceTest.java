package io.plurum.search.event;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.plurum.platform.embeddings.EmbeddingModel;
import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.kafka.KafkaSettings;
import io.plurum.platform.kafka.TopicInitializer;
import io.plurum.platform.testing.PlurumTestResource;
import io.plurum.search.Experiences;
import io.plurum.search.KafkaEvents;
import io.plurum.search.config.SearchConfig;
import io.plurum.search.index.SearchIndex;
import io.plurum.search.ranking.HybridSearcher;
import io.plurum.search.service.ExperienceResult;
import io.plurum.search.service.QueryVectors;
import io.plurum.search.service.SearchService;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** A new replica that replays the topics into an index of its own answers exactly as the running one does. */
@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class ReplicaConvergenceResourceTest {

    private static final List<String> QUERIES = List.of("speed up a slow build", "database replication",
            "container networking problem", "flaky tests in CI", "memory leak", "upgrade to a new Java version",
            "secrets in configuration files", "cache invalidation");
    private static final int ROUNDS = 6;

    @Inject
    SearchService running;
    @Inject
    EmbeddingModel model;
    @Inject
    SearchIndex runningIndex;
    @Inject
    QueryVectors queryVectors;
    @Inject
    HybridSearcher searcher;
    @Inject
    KafkaSettings kafka;
    @Inject
    TopicInitializer topics;
    @Inject
    SearchConfig config;

    @BeforeEach
    void waitUntilReplayed() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void shouldAnswerTheSameTopTenAfterReplayingTheTopics() throws Exception {
        List<ExperienceState> corpus = corpus();
        try (KafkaEvents events = new KafkaEvents()) {
            // Half the experiences carry their embedding, as experiences-service publishes them; the others are
            // embedded by each replica.
            for (int i = 0; i < corpus.size(); i++) {
                ExperienceState state = corpus.get(i);
                events.experience(i % 2 == 0 ? state : state.withEmbedding(
                        ExperienceState.encodeEmbedding(model.embed(state.embeddingText())), model.id()));
            }
            // Outcomes and votes keep changing quality long after publishing: counters only, written in place.
            for (int round = 1; round <= ROUNDS; round++) {
                for (int i = 0; i < corpus.size(); i++) {
                    events.experience(Experiences.withQuality(corpus.get(i), quality(i, round)));
                }
            }
            events.tombstone(corpus.get(1).id());
        }
        // The corpus spans partitions: only the last change of each experience shows the running replica has
        // applied every record; comparing earlier would compare two different states. Counter changes show after
        // plurum.search.counter-refresh (200 ms in tests).
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (int i = 0; i < corpus.size(); i++) {
                ExperienceState experience = corpus.get(i);
                List<ExperienceResult> found = running.search(experience.goal(), null, null, null, 50, null).items()
                        .stream().filter(r -> r.experience().id().equals(experience.id())).toList();
                if (i == 1) {
                    assertThat(found).isEmpty();
                } else {
                    double quality = quality(i, ROUNDS);
                    assertThat(found).singleElement().satisfies(r ->
                            assertThat(r.experience().qualityScore()).isEqualTo(quality));
                }
            }
        });

        try (SearchIndex index = SearchIndex.inMemory(model.id(), false)) {
            TopicFeed replica = new TopicFeed(index, model, kafka, topics, config);
            replica.start(null);
            try {
                await().atMost(Duration.ofSeconds(60)).until(replica::isCaughtUp);
                // Compared as both indexes stand, merged or not: the counter updates left no deleted documents in
                // the running index whose BM25 statistics would differ from those of the fresh one.
                SearchService fresh = new SearchService(index, queryVectors, searcher);
                for (String query : QUERIES) {
                    assertThat(ids(fresh, query)).as(query).isEqualTo(ids(running, query)).isNotEmpty();
                    assertThat(qualities(fresh, query)).as(query).isEqualTo(qualities(running, query));
                }
            } finally {
                replica.stop(null);
            }
        }
    }

    /** Each experience ends at a quality of its own: the quality prior orders near-ties unlike at first. */
    private static double quality(int experience, int round) {
        return ((experience * 7 + round * 3) % 20 + 1) / 20.0;
    }

    private static List<Double> qualities(SearchService service, String query) {
        return service.search(query, null, null, null, 10, null).items().stream()
                .map(r -> r.experience().qualityScore()).toList();
    }

    private static List<UUID> ids(SearchService service, String query) {
        return service.search(query, null, null, null, 10, null).items().stream().map(r -> r.experience().id())
                .toList();
    }

    private static List<ExperienceState> corpus() {
        String[][] topics = {
                {"Speed up Maven builds with a build cache", "build-tools", "maven"},
                {"Set up PostgreSQL logical replication", "databases", "postgresql"},
                {"Debug Kubernetes pod DNS failures", "infrastructure", "kubernetes"},
                {"Quarantine flaky integration tests in CI", "testing", "github-actions"},
                {"Find a memory leak in a JVM service with heap dumps", "backend", "java"},
                {"Upgrade a Quarkus application to Java 25", "backend", "quarkus"},
                {"Keep API keys out of Git with environment files", "security", "git"},
                {"Invalidate a CDN cache after deploys", "web", "cloudflare"},
                {"Speed up Docker builds with layer caching", "containers", "docker"},
                {"Replicate Redis with sentinel failover", "databases", "redis"},
                {"Fix container networking between compose services", "containers", "docker-compose"},
                {"CI build cache number 11 for Gradle", "build-tools", "gradle"},
        };
        return java.util.Arrays.stream(topics).map(t -> Experiences.published(UUID.randomUUID(), t[0], t[1],
                List.of(t[2]), "what worked for " + t[0].toLowerCase())).toList();
    }
}
