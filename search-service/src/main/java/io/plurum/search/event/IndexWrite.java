package io.plurum.search.event;

import java.io.IOException;

import io.plurum.search.index.SearchIndex;

/**
 * What one record changes in the index, decided in topic order on the feed's thread and written by another: Lucene
 * takes writes from several threads at once, and writing (text analysis, HNSW insertion) is most of the work. The
 * feed refreshes at once after a batch that changed content, and less often after one that changed only counters.
 */
record IndexWrite(Change change, Action action) {

    static final IndexWrite NONE = new IndexWrite(Change.NOTHING, index -> {
    });

    static IndexWrite content(Action action) {
        return new IndexWrite(Change.CONTENT, action);
    }

    static IndexWrite counters(Action action) {
        return new IndexWrite(Change.COUNTERS, action);
    }

    void applyTo(SearchIndex index) throws IOException {
        action.applyTo(index);
    }

    enum Change {
        NOTHING,
        /** Only counters, written as doc-values updates: searching them a few seconds late is fine. */
        COUNTERS,
        /** A document added, replaced or removed: searchable right after its batch. */
        CONTENT
    }

    @FunctionalInterface
    interface Action {
        void applyTo(SearchIndex index) throws IOException;
    }
}
