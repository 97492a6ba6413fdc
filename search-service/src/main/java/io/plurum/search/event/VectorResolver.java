package io.plurum.search.event;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.embeddings.EmbeddingModel;
import io.plurum.platform.embeddings.Vectors;
import io.plurum.platform.events.ExperienceState;
import io.plurum.search.index.IndexEntry;
import io.plurum.search.index.SearchIndex;

/**
 * Finds the vector of an entry without embedding when it can: embedding a whole experience costs about 11 ms, and
 * most events change only counters (votes, reports), not the text. In order: the vector the event carries when it
 * was made by the same model; a recently computed vector of the same text; the vector the index already holds for
 * that document if its text did not change; only then the model.
 */
final class VectorResolver {

    private static final Logger LOG = Logger.getLogger(VectorResolver.class);
    private static final int RECENT = 10_000;

    private final SearchIndex index;
    private final EmbeddingModel model;
    private final Map<Long, float[]> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, float[]> eldest) {
            return size() > RECENT;
        }
    };
    private long embedded;

    VectorResolver(SearchIndex index, EmbeddingModel model) {
        this.index = index;
        this.model = model;
    }

    float[] vectorFor(IndexEntry entry, JsonNode data) throws IOException {
        long hash = entry.text().embeddingHash();
        float[] vector = carried(data);
        if (vector == null) {
            vector = recent.get(hash);
        }
        if (vector == null) {
            vector = index.storedVector(entry.id()).filter(stored -> stored.textHash() == hash)
                    .map(SearchIndex.StoredVector::vector).orElse(null);
        }
        if (vector == null) {
            vector = model.embed(entry.text().embeddingText());
            embedded++;
        }
        recent.put(hash, vector);
        return vector;
    }

    /** How many texts this replica embedded itself. */
    long embedded() {
        return embedded;
    }

    /**
     * The event's vector (see ExperienceState#embedding) if this replica's model made it, else null. A vector that
     * cannot be right is not worth losing the experience over: the model embeds the text instead.
     */
    private float[] carried(JsonNode data) {
        String embedding = data.path("embedding").asText(null);
        if (embedding == null || !model.id().equals(data.path("embedding_model").asText(null))) {
            return null;
        }
        try {
            float[] vector = ExperienceState.decodeEmbedding(embedding);
            if (vector.length == model.dimensions()) {
                return Vectors.normalize(vector);
            }
            LOG.warnf("carried embedding of %s has %d dimensions, not %d: embedding %s here", model.id(),
                    vector.length, model.dimensions(), data.path("id").asText());
        } catch (IllegalArgumentException e) {
            LOG.warnf("carried embedding of %s unreadable (%s): embedding %s here", model.id(), e.getMessage(),
                    data.path("id").asText());
        }
        return null;
    }
}
