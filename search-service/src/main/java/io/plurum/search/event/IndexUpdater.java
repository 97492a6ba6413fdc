package io.plurum.search.event;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
 * <p>Most records of a published experience change only its counters (outcomes, votes, quality). The updater
 * remembers the content hash of what it indexed for each id ({@link SearchIndex#contentHash}); a record with the
 * same hash is written as doc-values updates, which leave no deleted document behind. Deleted documents count in BM25
 * statistics until a merge drops them, so replacing documents would make a long-running replica rank differently
 * from a new one that replayed only the latest records. A record of an id it does not know is indexed whole.
 *
 * <p>A replay over an index that survived a restart skips records whose state is already indexed, and afterwards
 * removes documents whose keys the topics no longer hold (their tombstones may have been compacted away).
 */
public final class IndexUpdater {

    private static final Logger LOG = Logger.getLogger(IndexUpdater.class);

    private final SearchIndex index;
    private final VectorResolver vectors;
    private final IndexedIds indexed = new IndexedIds();

    /** Reads what the index holds (as of its last refresh) to know which records change only counters. */
    public IndexUpdater(SearchIndex index, EmbeddingModel model) throws IOException {
        this.index = index;
        this.vectors = new VectorResolver(index, model);
        index.forEachDocument((id, contentHash, stateHash) ->
                indexed.put(UUID.fromString(id), contentHash, stateHash));
    }

    void startReplay() {
        indexed.clearMarks();
    }

    /** Ends the replay; returns how many documents were removed because no record holds them anymore. */
    int finishReplay() throws IOException {
        List<UUID> stale = indexed.unmarked();
        for (UUID id : stale) {
            index.delete(id.toString());
            indexed.remove(id);
        }
        return stale.size();
    }

    /**
     * Forgets what was indexed for a key whose write failed: whatever the index holds for it now, its next record is
     * indexed whole.
     */
    void forget(String key) {
        indexed.remove(UUID.fromString(key));
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
            forget(key);
            return IndexWrite.content(target -> target.delete(key));
        }
        IndexEntry next = entry.get();
        if (!next.id().equals(key)) {
            throw new IllegalArgumentException("record key " + key + " is not the id " + next.id());
        }
        UUID id = UUID.fromString(key);
        IndexedIds.Indexed before = indexed.get(id);
        if (before != null && before.stateHash() == next.stateHash()) {
            indexed.put(id, before.contentHash(), before.stateHash());
            return IndexWrite.NONE;
        }
        float[] vector = vectors.vectorFor(next, data);
        long contentHash = SearchIndex.contentHash(next, vector);
        indexed.put(id, contentHash, next.stateHash());
        if (before != null && before.contentHash() == contentHash) {
            return IndexWrite.counters(target -> target.updateCounters(next));
        }
        return IndexWrite.content(target -> target.upsert(next, vector));
    }

    @FunctionalInterface
    private interface Mapper {
        Optional<IndexEntry> map(JsonNode data);
    }
}
