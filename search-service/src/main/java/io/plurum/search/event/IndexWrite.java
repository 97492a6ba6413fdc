package io.plurum.search.event;

import java.io.IOException;

import io.plurum.search.index.SearchIndex;

/**
 * What one record changes in the index, decided in topic order on the feed's thread and written by another: Lucene
 * takes writes from several threads at once, and writing (text analysis, HNSW insertion) is most of the work.
 */
@FunctionalInterface
interface IndexWrite {

    IndexWrite NONE = index -> {
    };

    void applyTo(SearchIndex index) throws IOException;
}
