package io.plurum.search.event;

import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.embeddings.EmbeddingModel;
import io.plurum.platform.json.Json;
import io.plurum.search.index.IndexEntry;
import io.plurum.search.index.SearchIndex;

/**
 * Applies records of the two compacted topics to the index: the latest value of a key is what is searchable, a
 * tombstone (or a state that is not searchable) removes it. Upserts are keyed by id, so a redelivered record
 * changes nothing. Records are taken in topic order by one thread; the {@link IndexWrite}s they make may be applied
 * by others, as long as the writes of one key keep their order.
 *
 * <p>A replay over an index that survived a restart skips records whose state is already indexed, and afterwards
 * removes documents whose keys the topics no longer hold (their tombstones may have been compacted away).
 */
public final class IndexUpdater {

    private static final Logger LOG = Logger.getLogger(IndexUpdater.class);

    private final SearchIndex index;
    private final VectorResolver vectors;
    private Map<String, Long> indexedBeforeReplay;
    private Set<String> seenInReplay;

    public IndexUpdater(SearchIndex index, EmbeddingModel model) {
        this.index = index;
        this.vectors = new VectorResolver(index, model);
    }

    void startReplay() throws IOException {
        indexedBeforeReplay = index.stateHashes();
        seenInReplay = new HashSet<>();
    }

    /** Ends the replay; returns how many documents were removed because no record holds them anymore. */
    int finishReplay() throws IOException {
        int removed = 0;
        for (String id : indexedBeforeReplay.keySet()) {
            if (!seenInReplay.contains(id)) {
                index.delete(id);
                removed++;
            }
        }
        indexedBeforeReplay = null;
        seenInReplay = null;
        return removed;
    }

    public void applyExperience(String key, String value) throws IOException {
        experience(key, value).applyTo(index);
    }

    public void applySession(String key, String value) throws IOException {
        session(key, value).applyTo(index);
    }

    /** The write a record of the experiences topic makes, not yet applied; records must come in topic order. */
    IndexWrite experience(String key, String value) throws IOException {
        return prepare(key, value, StateMapping::experience);
    }

    /** The write a record of the session-state topic makes, not yet applied; records must come in topic order. */
    IndexWrite session(String key, String value) throws IOException {
        return prepare(key, value, StateMapping::session);
    }

    long embedded() {
        return vectors.embedded();
    }

    private IndexWrite prepare(String key, String value, Mapper mapper) throws IOException {
        if (key == null) {
            LOG.warn("skipping a record without key");
            return IndexWrite.NONE;
        }
        JsonNode data = value == null ? null : Json.mapper().readTree(value).path("data");
        Optional<IndexEntry> entry = data == null ? Optional.empty() : mapper.map(data);
        if (entry.isEmpty()) {
            if (replaying()) {
                indexedBeforeReplay.remove(key);
            }
            return target -> target.delete(key);
        }
        IndexEntry indexed = entry.get();
        if (!indexed.id().equals(key)) {
            throw new IllegalArgumentException("record key " + key + " is not the id " + indexed.id());
        }
        if (replaying()) {
            seenInReplay.add(key);
            Long before = indexedBeforeReplay.put(key, indexed.stateHash());
            if (before != null && before == indexed.stateHash()) {
                return IndexWrite.NONE;
            }
        }
        float[] vector = vectors.vectorFor(indexed, data);
        return target -> target.upsert(indexed, vector);
    }

    private boolean replaying() {
        return indexedBeforeReplay != null;
    }

    @FunctionalInterface
    private interface Mapper {
        Optional<IndexEntry> map(JsonNode data);
    }
}
