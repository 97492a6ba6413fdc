package io.plurum.search.index;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.BytesRef;

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

    /** The document's result card JSON, as last updated. */
    public static byte[] card(IndexSearcher searcher, int doc) throws IOException {
        LeafReaderContext leaf = leaf(searcher, doc);
        BinaryDocValues cards = DocValues.getBinary(leaf.reader(), Fields.CARD);
        return cards.advanceExact(doc - leaf.docBase) ? BytesRef.deepCopyOf(cards.binaryValue()).bytes : null;
    }
}
