package io.plurum.search.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.plurum.platform.embeddings.EmbeddingModel;

class QueryVectorsTest {

    private final CountingModel model = new CountingModel();
    private final QueryVectors vectors = new QueryVectors(model, Runnable::run);

    @Test
    void shouldEmbedARepeatedQueryOnce() {
        float[] first = vectors.embed("docker dns does not resolve").join();
        float[] again = vectors.embed("docker dns does not resolve").join();

        assertThat(again).isSameAs(first);
        assertThat(model.calls).isEqualTo(1);
    }

    @Test
    void shouldForgetTheLeastRecentlyUsedQueriesFirst() {
        vectors.embed("kept because asked again").join();
        for (int i = 0; i < 5000; i++) {
            vectors.embed("query " + i).join();
            if (i % 1000 == 0) {
                vectors.embed("kept because asked again").join();
            }
        }
        int calls = model.calls;

        vectors.embed("kept because asked again").join();
        vectors.embed("query 0").join();

        assertThat(model.calls).isEqualTo(calls + 1);
    }

    private static final class CountingModel implements EmbeddingModel {
        private int calls;

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public int dimensions() {
            return 2;
        }

        @Override
        public float[] embed(String text) {
            calls++;
            return new float[] {0.6f, 0.8f};
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(this::embed).toList();
        }
    }
}
