package io.plurum.search.event;

import static io.plurum.search.Experiences.published;
import static io.plurum.search.Experiences.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.UUID;

import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.plurum.platform.embeddings.EmbeddingModel;
import io.plurum.platform.embeddings.EmbeddingModels;
import io.plurum.platform.embeddings.Vectors;
import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.json.Json;
import io.plurum.search.Experiences;
import io.plurum.search.index.Documents;
import io.plurum.search.index.ExperienceCard;
import io.plurum.search.index.Fields;
import io.plurum.search.index.SearchIndex;

class IndexUpdaterTest {

    private static final UUID AGENT = UUID.randomUUID();

    private final IndexFixture fixture;
    private final CountingModel model = new CountingModel(IndexFixture.MODEL);
    private final IndexUpdater updater;

    IndexUpdaterTest() throws Exception {
        fixture = new IndexFixture();
        updater = new IndexUpdater(fixture.index(), model);
    }

    @AfterEach
    void close() throws Exception {
        fixture.close();
    }

    @Test
    void shouldEmbedOnlyWhenTheSearchableTextChanges() throws Exception {
        ExperienceState experience = published(AGENT, "Rotate nginx logs with logrotate", "infrastructure",
                List.of("nginx"), "send USR1 to nginx after rotating instead of restarting it");

        apply(experience);
        fixture.index().refresh();
        apply(Experiences.withQuality(experience, 0.9));
        apply(Experiences.withQuality(experience, 0.8));

        assertThat(model.calls).isEqualTo(1);
        assertThat(fixture.index().size()).isEqualTo(1);
    }

    @Test
    void shouldUpdateCountersInPlaceLeavingNoDeletedDocument() throws Exception {
        ExperienceState experience = published(AGENT, "Tune PostgreSQL autovacuum for a write-heavy table",
                "databases", List.of("postgresql"), "lower autovacuum_vacuum_scale_factor on that table alone");
        fixture.add(experience, neighbour());
        String segment = segmentOf(experience);

        fixture.add(Experiences.withQuality(experience, 0.7), Experiences.withQuality(experience, 0.97));

        // Refreshing merges small segments, which would drop a deleted document too: the document staying in its
        // segment shows it was never replaced (a new document goes to a new segment).
        assertThat(segmentOf(experience)).isEqualTo(segment);
        assertThat(deletedDocs()).isZero();
        assertThat(fixture.index().size()).isEqualTo(2);
        assertThat(fixture.service().search("autovacuum write-heavy table", null, null, null, 1, null).items())
                .singleElement().satisfies(r -> {
                    assertThat(r.experience().id()).isEqualTo(experience.id());
                    assertThat(r.experience().qualityScore()).isEqualTo(0.97);
                });
    }

    @Test
    void shouldShowEveryCounterOfTheLatestUpdateInTheCard() throws Exception {
        ExperienceState experience = published(AGENT, "Keep Elasticsearch shards under fifty gigabytes",
                "search", List.of("elasticsearch"), "roll indices over by size, not only by age");
        fixture.add(experience, neighbour());
        ObjectNode changed = (ObjectNode) Json.tree(experience);
        changed.put("quality_score", 0.83).put("success_rate", 0.75).put("total_reports", 8).put("success_count", 6)
                .put("failure_count", 2).put("upvotes", 11).put("downvotes", 4).put("acquisitions", 17)
                .put("updated_at", "2031-02-03T04:05:06.123456789Z");
        ExperienceState updated = Json.convert(changed, ExperienceState.class);

        fixture.add(updated);

        assertThat(deletedDocs()).isZero();
        assertThat(fixture.service().search("elasticsearch shards size", null, null, null, 1, null).items())
                .singleElement().satisfies(r -> assertThat(r.experience()).isEqualTo(cardOf(updated)));
    }

    @Test
    void shouldReplaceTheDocumentWhenOnlyItsStoredCardChanges() throws Exception {
        ExperienceState experience = published(AGENT, "Retry idempotent HTTP calls with jitter", "backend",
                List.of("resilience4j"), "exponential backoff with full jitter");
        fixture.add(experience, neighbour());
        ExperienceState failed = Json.convert(((ObjectNode) Json.tree(experience)).put("outcome", "failure"),
                ExperienceState.class);

        fixture.add(failed);

        assertThat(fixture.service().search("retry HTTP jitter", null, null, null, 1, null).items())
                .singleElement().satisfies(r -> assertThat(r.experience().outcome()).isEqualTo("failure"));
    }

    @Test
    void shouldFilterByTheQualityOfTheLatestCounterUpdate() throws Exception {
        ExperienceState experience = published(AGENT, "Bound Kafka consumer lag alerts by time, not offsets",
                "streaming", List.of("kafka"), "alert on the age of the oldest unconsumed record");
        fixture.add(experience);
        assertThat(fixture.service().search("kafka consumer lag alerts", null, null, 0.9, 10, null).items())
                .isEmpty();

        fixture.add(Experiences.withQuality(experience, 0.95));

        assertThat(fixture.service().search("kafka consumer lag alerts", null, null, 0.9, 10, null).items())
                .extracting(r -> r.experience().id()).containsExactly(experience.id());
    }

    @Test
    void shouldReplaceTheDocumentWhenItsSearchableContentChanges() throws Exception {
        ExperienceState experience = published(AGENT, "Speed up Gradle configuration", "build-tools",
                List.of("gradle"), "enable the configuration cache");
        fixture.add(experience, neighbour());
        String segment = segmentOf(experience);

        fixture.add(state(experience.id(), AGENT, "Speed up Gradle configuration with lazy task registration",
                "build-tools", List.of("gradle"), "tasks.register instead of tasks.create", "published", "public",
                0.5));

        assertThat(segmentOf(experience)).isNotEqualTo(segment);
        assertThat(fixture.index().size()).isEqualTo(2);
        Query newGoal = new QueryBuilder(SearchIndex.analyzer())
                .createPhraseQuery(Fields.GOAL, "lazy task registration");
        assertThat(fixture.index().<Integer>search(s -> s.count(newGoal))).isEqualTo(1);
    }

    @Test
    void shouldIndexWholeARecordOfAnIdItHasNotIndexed() throws Exception {
        ExperienceState experience = published(AGENT, "Rotate TLS certificates without downtime", "security",
                List.of("cert-manager"), "let cert-manager renew thirty days ahead");

        fixture.add(Experiences.withQuality(experience, 0.8));

        assertThat(fixture.goals("rotate TLS certificates")).containsExactly(experience.goal());
        assertThat(fixture.service().search("rotate TLS certificates", null, null, 0.75, 10, null).items())
                .extracting(r -> r.experience().qualityScore()).containsExactly(0.8);
    }

    @Test
    void shouldKnowWhatTheIndexHoldsAfterARestart() throws Exception {
        ExperienceState experience = published(AGENT, "Cap JVM heap inside containers", "backend",
                List.of("java"), "MaxRAMPercentage instead of a fixed Xmx");
        fixture.add(experience, neighbour());
        fixture.index().commit();
        String segment = segmentOf(experience);

        IndexUpdater restarted = new IndexUpdater(fixture.index(), model);
        restarted.applyExperience(experience.id().toString(),
                IndexFixture.experienceEvent(Experiences.withQuality(experience, 0.9)));
        fixture.index().refresh();

        assertThat(segmentOf(experience)).isEqualTo(segment);
        assertThat(deletedDocs()).isZero();
        assertThat(fixture.service().search("JVM heap containers", null, null, 0.85, 10, null).items())
                .extracting(r -> r.experience().id()).containsExactly(experience.id());
    }

    @Test
    void shouldUseTheVectorAnEventCarriesWhenTheSameModelMadeIt() throws Exception {
        ExperienceState experience = published(AGENT, "Cache pip wheels in CI", "ci", List.of("pip"),
                "mount the pip cache directory between jobs");
        float[] carried = IndexFixture.MODEL.embed("pip cache in CI");

        apply(experience.withEmbedding(ExperienceState.encodeEmbedding(carried), model.id()));
        fixture.index().refresh();

        assertThat(model.calls).isZero();
        assertThat(storedVector(experience)).containsExactly(carried, within(1e-6f));
    }

    @Test
    void shouldEmbedItselfWhenTheEventCarriesAnotherModelsVector() throws Exception {
        ExperienceState experience = published(AGENT, "Pin Terraform provider versions", "infrastructure",
                List.of("terraform"), "a lock file per root module, committed");
        float[] otherModels = IndexFixture.MODEL.embed("something else entirely");

        apply(experience.withEmbedding(ExperienceState.encodeEmbedding(otherModels), EmbeddingModels.MINILM_L6_V2));
        fixture.index().refresh();

        assertThat(model.calls).isEqualTo(1);
        assertThat(Vectors.cosine(storedVector(experience), IndexFixture.MODEL.embed(experience.embeddingText())))
                .isCloseTo(1f, within(1e-4f));
    }

    @Test
    void shouldEmbedItselfWhenTheCarriedVectorCannotBeRight() throws Exception {
        ExperienceState wrongSize = published(AGENT, "Shrink Docker build contexts", "containers",
                List.of("docker"), "a .dockerignore that excludes node_modules and .git");
        ExperienceState unreadable = published(AGENT, "Speed up npm ci", "ci", List.of("npm"),
                "cache ~/.npm, not node_modules");

        apply(wrongSize.withEmbedding(ExperienceState.encodeEmbedding(new float[] {0.6f, 0.8f}), model.id()));
        apply(unreadable.withEmbedding("not base64!", model.id()));
        fixture.index().refresh();

        assertThat(model.calls).isEqualTo(2);
        assertThat(fixture.index().size()).isEqualTo(2);
    }

    @Test
    void shouldRemoveOnTombstoneOrWhenNoLongerPublished() throws Exception {
        ExperienceState kept = published(AGENT, "Kept experience about Redis eviction", "databases",
                List.of("redis"), "allkeys-lru when every key is a cache entry");
        ExperienceState tombstoned = published(AGENT, "Tombstoned experience about Kafka", "streaming",
                List.of("kafka"), "compaction keeps the last value per key");
        ExperienceState unpublished = published(AGENT, "Unpublished experience about Helm", "infrastructure",
                List.of("helm"), "helm diff before upgrade");
        apply(kept);
        apply(tombstoned);
        apply(unpublished);

        updater.applyExperience(tombstoned.id().toString(), null);
        apply(state(unpublished.id(), AGENT, unpublished.goal(), "infrastructure", List.of("helm"), "helm diff",
                "draft", "public", 0.5));
        fixture.index().refresh();

        assertThat(fixture.index().size()).isEqualTo(1);
        assertThat(fixture.index().storedVector(kept.id().toString())).isPresent();
    }

    @Test
    void shouldSkipUnchangedRecordsOnReplayAndDropDocumentsNoRecordHoldsAnymore() throws Exception {
        ExperienceState still = published(AGENT, "Experience still on the topic", "testing", List.of("junit"),
                "parameterized tests for edge cases");
        ExperienceState gone = published(AGENT, "Experience whose tombstone was compacted away", "testing",
                List.of("junit"), "tombstones disappear after delete.retention.ms");
        apply(still);
        apply(gone);
        fixture.index().refresh();
        int embeddedBefore = model.calls;

        updater.startReplay();
        apply(still);
        int removed = updater.finishReplay();
        fixture.index().refresh();

        assertThat(removed).isEqualTo(1);
        assertThat(model.calls).isEqualTo(embeddedBefore);
        assertThat(fixture.index().storedVector(gone.id().toString())).isEmpty();
        assertThat(fixture.index().storedVector(still.id().toString())).isPresent();
    }

    @Test
    void shouldRefuseARecordWhoseKeyIsNotItsId() {
        ExperienceState experience = published(AGENT, "Mismatched key", "testing", List.of(), "keys matter");

        assertThatThrownBy(() -> updater.applyExperience(UUID.randomUUID().toString(),
                IndexFixture.experienceEvent(experience))).isInstanceOf(IllegalArgumentException.class);
    }

    private void apply(ExperienceState state) throws Exception {
        updater.applyExperience(state.id().toString(), IndexFixture.experienceEvent(state));
    }

    private static ExperienceState neighbour() {
        return published(AGENT, "Unrelated neighbour about Ansible", "infrastructure", List.of("ansible"),
                "check mode before every run");
    }

    private String segmentOf(ExperienceState state) throws Exception {
        return fixture.index().search(s -> {
            int doc = s.search(new TermQuery(new Term(Fields.ID, state.id().toString())), 1).scoreDocs[0].doc;
            return ((SegmentReader) Documents.leaf(s, doc).reader()).getSegmentName();
        });
    }

    private static ExperienceCard cardOf(ExperienceState s) {
        return new ExperienceCard(s.id(), s.shortId(), s.agentId(), s.sessionId(), s.goal(), s.domain(),
                s.toolsUsed(), s.status(), s.visibility(), s.outcome(), s.qualityScore(), s.successRate(),
                s.totalReports(), s.successCount(), s.failureCount(), s.upvotes(), s.downvotes(), s.acquisitions(),
                s.createdAt(), s.publishedAt(), s.updatedAt());
    }

    private int deletedDocs() throws Exception {
        return fixture.index().search(s -> s.getIndexReader().numDeletedDocs());
    }

    private float[] storedVector(ExperienceState state) throws Exception {
        return fixture.index().storedVector(state.id().toString()).orElseThrow().vector();
    }

    private static final class CountingModel implements EmbeddingModel {
        private final EmbeddingModel delegate;
        private int calls;

        CountingModel(EmbeddingModel delegate) {
            this.delegate = delegate;
        }

        @Override
        public String id() {
            return delegate.id();
        }

        @Override
        public int dimensions() {
            return delegate.dimensions();
        }

        @Override
        public float[] embed(String text) {
            calls++;
            return delegate.embed(text);
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            calls += texts.size();
            return delegate.embedAll(texts);
        }
    }
}
