package io.plurum.platform.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

class EmbeddingModelsTest {

    private static final EmbeddingModel MODEL = EmbeddingModels.load(EmbeddingModels.DEFAULT);

    @Test
    void shouldEmbedIntoNormalisedVectorsOfTheDeclaredSize() {
        float[] vector = MODEL.embed("set up PostgreSQL streaming replication");

        assertThat(MODEL.id()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(MODEL.dimensions()).isEqualTo(384);
        assertThat(vector).hasSize(384);
        assertThat(Vectors.cosine(vector, vector)).isCloseTo(1f, within(1e-4f));
    }

    @Test
    void shouldPlaceTheSameIntentCloserThanAnUnrelatedTask() {
        float[] question = MODEL.embed("my docker container cannot resolve hostnames");
        float[] sameIntent = MODEL.embed("DNS lookups fail inside a Docker container");
        float[] unrelated = MODEL.embed("center a div horizontally with CSS flexbox");

        assertThat(Vectors.cosine(question, sameIntent)).isGreaterThan(Vectors.cosine(question, unrelated) + 0.2f);
    }

    @Test
    void shouldEmbedABatchAsItEmbedsEachText() {
        List<String> texts = List.of("rotate nginx logs daily", "pin a Python dependency version");

        List<float[]> batch = MODEL.embedAll(texts);

        assertThat(batch).hasSize(2);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(Vectors.cosine(batch.get(i), MODEL.embed(texts.get(i)))).isCloseTo(1f, within(1e-4f));
        }
        assertThat(MODEL.embedAll(List.of())).isEmpty();
    }

    @Test
    void shouldEmbedAsLangchain4jDoesWithTheSameFiles() {
        var reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        String beyondTruncation = "the replication slot keeps WAL segments until the standby has them. ".repeat(20);

        for (String text : List.of("my docker container cannot resolve hostnames", beyondTruncation)) {
            float[] expected = Vectors.normalize(reference.embed(text).content().vector());
            assertThat(Vectors.cosine(MODEL.embed(text), expected)).as(text).isCloseTo(1f, within(1e-5f));
        }
    }

    @Test
    void shouldLoadTheFullPrecisionModelWithTheSameGeometry() {
        EmbeddingModel fp32 = EmbeddingModels.load(EmbeddingModels.MINILM_L6_V2);
        String text = "retry a flaky HTTP call with exponential backoff";

        assertThat(fp32.dimensions()).isEqualTo(384);
        assertThat(Vectors.cosine(fp32.embed(text), MODEL.embed(text))).isGreaterThan(0.9f);
    }

    @Test
    void shouldRefuseAnUnknownModel() {
        assertThatThrownBy(() -> EmbeddingModels.load("gpt-embeddings"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("all-minilm-l6-v2-q");
    }
}
