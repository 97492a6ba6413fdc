package io.plurum.platform.embeddings;

import java.util.List;

import dev.langchain4j.data.segment.TextSegment;

/** A langchain4j in-process ONNX model (weights and tokenizer inside its jar) behind Plurum's interface. */
final class OnnxEmbeddingModel implements EmbeddingModel {

    private final String id;
    private final int dimensions;
    private final dev.langchain4j.model.embedding.EmbeddingModel delegate;

    OnnxEmbeddingModel(String id, int dimensions, dev.langchain4j.model.embedding.EmbeddingModel delegate) {
        this.id = id;
        this.dimensions = dimensions;
        this.delegate = delegate;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int dimensions() {
        return dimensions;
    }

    @Override
    public float[] embed(String text) {
        return Vectors.normalize(delegate.embed(text).content().vector());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return delegate.embedAll(segments).content().stream().map(e -> Vectors.normalize(e.vector())).toList();
    }

    @Override
    public String toString() {
        return id + " (" + dimensions + " dimensions)";
    }
}
