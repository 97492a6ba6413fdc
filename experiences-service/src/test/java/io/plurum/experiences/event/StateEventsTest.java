package io.plurum.experiences.event;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.experiences.support.Fixtures;
import io.plurum.experiences.support.TestAgents;
import io.plurum.experiences.support.TestAgents.Agent;
import io.plurum.platform.embeddings.EmbeddingModel;
import io.plurum.platform.embeddings.Vectors;
import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.events.Topics;
import io.plurum.platform.json.Json;
import io.plurum.platform.testing.PlurumTestResource;
import io.plurum.platform.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The full state of each published experience on the compacted plurum.experiences.v1, after every change. */
@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class StateEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EmbeddingModel model;

    @Test
    void shouldPublishTheStateAfterEveryChangeFromPublicationOnAndBatchAcquisitions() throws Exception {
        Agent author = TestAgents.create();
        String shortId = Fixtures.draft(author, "public");
        String id = given().auth().oauth2(author.key()).get("/experiences/" + shortId).then().extract().path("id");
        given().auth().oauth2(author.key()).post("/experiences/" + shortId + "/publish").then().statusCode(200);
        TestAgents.create().request().body(Map.of("success", true)).post("/experiences/" + shortId + "/outcome")
                .then().statusCode(201);
        TestAgents.create().request().body(Map.of("vote_type", "up")).post("/experiences/" + shortId + "/vote")
                .then().statusCode(200);
        Agent first = TestAgents.create();
        Agent second = TestAgents.create();
        for (Agent reader : new Agent[] {first, second, first}) {
            reader.request().body(Map.of("mode", "summary")).post("/experiences/" + shortId + "/acquire").then()
                    .statusCode(200);
        }

        List<JsonNode> events = states(id,
                all -> !all.isEmpty() && all.getLast().at("/data/acquisitions").asInt() == 2);

        assertThat(events).allSatisfy(event -> {
            assertThat(event.get("type").asText()).isEqualTo("experience.state");
            assertThat(event.get("producer").asText()).isEqualTo("experiences-service");
            assertThat(event.get("aggregate_id").asText()).isEqualTo(id);
            assertThat(event.at("/data/status").asText()).as("no state as a draft").isEqualTo("published");
        });
        List<JsonNode> data = events.stream().map(event -> event.get("data")).toList();
        assertThat(data.get(0).get("total_reports").asInt()).isZero();
        assertThat(data.get(1).get("total_reports").asInt()).isEqualTo(1);
        assertThat(data.get(1).get("quality_score").asDouble()).isPositive();
        assertThat(data.get(2).get("upvotes").asInt()).isEqualTo(1);
        assertThat(data.size()).as("publish, outcome, vote, then at most one state per flush").isBetween(4, 5);

        JsonNode last = data.getLast();
        List<String> fields = Arrays.stream(ExperienceState.class.getRecordComponents())
                .map(component -> component.getName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase()).toList();
        assertThat(last.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrderElementsOf(fields);
        ExperienceState state = Json.convert(last, ExperienceState.class);
        assertThat(state.shortId()).isEqualTo(shortId);
        assertThat(state.sessionId()).isNull();
        assertThat(state.recentSuccessRate()).isEqualTo(1.0);
        assertThat(state.upvotes()).isEqualTo(1);
        assertThat(state.acquisitions()).isEqualTo(2);
    }

    @Test
    void shouldCarryTheEmbeddingOfTheExperienceComputedOnceWithItsModel() {
        Agent author = TestAgents.create();
        String shortId = Fixtures.published(author, "public");
        String id = given().get("/experiences/" + shortId).then().statusCode(200)
                .body("$", not(hasKey("embedding"))).body("$", not(hasKey("embedding_model"))).extract().path("id");
        TestAgents.create().request().body(Map.of("success", true)).post("/experiences/" + shortId + "/outcome")
                .then().statusCode(201);

        List<JsonNode> data = states(id, all -> all.size() >= 2).stream().map(event -> event.get("data")).toList();

        ExperienceState state = Json.convert(data.getFirst(), ExperienceState.class);
        float[] vector = ExperienceState.decodeEmbedding(state.embedding());
        assertThat(state.embeddingModel()).isEqualTo(model.id());
        assertThat(vector).hasSize(model.dimensions());
        assertThat(Vectors.cosine(vector, model.embed(state.embeddingText()))).isCloseTo(1f, within(1e-4f));
        assertThat(data).extracting(d -> d.get("embedding").asText()).as("the same vector on every event")
                .containsOnly(state.embedding());
    }

    @Test
    void shouldKeepDraftsOffTheTopic() throws Exception {
        Agent author = TestAgents.create();
        String draft = Fixtures.draft(author, "public");
        String draftId = given().auth().oauth2(author.key()).get("/experiences/" + draft).then().extract().path("id");
        String published = Fixtures.published(author, "public");
        String publishedId = given().get("/experiences/" + published).then().extract().path("id");

        try (TopicReader reader = new TopicReader(PlurumTestResource.kafkaBootstrap())) {
            List<ConsumerRecord<String, String>> records = reader.readUntil(Topics.EXPERIENCES.name(),
                    all -> all.stream().anyMatch(r -> publishedId.equals(r.key())), WAIT);
            assertThat(records).noneMatch(r -> draftId.equals(r.key()));
        }
    }

    /** The state events of one experience, in order, once {@code complete} holds for them. */
    private static List<JsonNode> states(String id, Predicate<List<JsonNode>> complete) {
        try (TopicReader reader = new TopicReader(PlurumTestResource.kafkaBootstrap())) {
            return parse(reader.readUntil(Topics.EXPERIENCES.name(), all -> complete.test(parse(all, id)), WAIT), id);
        }
    }

    private static List<JsonNode> parse(List<ConsumerRecord<String, String>> records, String id) {
        return records.stream().filter(r -> id.equals(r.key()) && r.value() != null)
                .map(r -> Json.read(r.value(), JsonNode.class)).toList();
    }
}
