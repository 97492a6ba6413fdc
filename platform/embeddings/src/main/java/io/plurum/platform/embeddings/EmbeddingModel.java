package io.plurum.platform.embeddings;

import java.util.List;

/**
 * A sentence-embedding model that runs in this process. Vectors are L2-normalised, so the dot product of two of
 * them is their cosine similarity. Implementations are thread-safe.
 */
public interface EmbeddingModel {

    /** Names the model and its weights; an index built with one id is rebuilt when the id changes. */
    String id();

    int dimensions();

    float[] embed(String text);

    /** One vector per text, in order. */
    List<float[]> embedAll(List<String> texts);
}
