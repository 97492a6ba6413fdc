package io.plurum.search.index;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

import io.plurum.platform.json.Json;

/** Reads what a document holds for results, by its searcher-wide doc id. */
public final class Documents {

    private Documents() {
    }

    public static LeafReaderContext leaf(IndexSearcher searcher, int doc) {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        return leaves.get(ReaderUtil.subIndex(doc, leaves));
    }

    /** The document's full-precision vector (kept beside quantized ones), or null if it has none. */
    public static float[] vector(IndexSearcher searcher, int doc) throws IOException {
        LeafReaderContext leaf = leaf(searcher, doc);
        FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
        if (values == null) {
            return null;
        }
        KnnVectorValues.DocIndexIterator iterator = values.iterator();
        int target = doc - leaf.docBase;
        return iterator.advance(target) == target ? values.vectorValue(iterator.index()).clone() : null;
    }

    /** An experience's result card: what its document stores, with its counters as last updated. */
    public static ExperienceCard experienceCard(IndexSearcher searcher, int doc) throws IOException {
        ExperienceHeader header = storedCard(searcher, doc, ExperienceHeader.class);
        LeafReaderContext leaf = leaf(searcher, doc);
        return ExperienceCard.of(header, CounterFields.read(leaf.reader(), doc - leaf.docBase));
    }

    /** An open session's result card, as its document stores it. */
    public static SessionCard sessionCard(IndexSearcher searcher, int doc) throws IOException {
        return storedCard(searcher, doc, SessionCard.class);
    }

    private static <T> T storedCard(IndexSearcher searcher, int doc, Class<T> type) throws IOException {
        BytesRef card = searcher.storedFields().document(doc, Set.of(Fields.CARD)).getBinaryValue(Fields.CARD);
        return Json.mapper().readValue(card.bytes, card.offset, card.length, type);
    }
}
