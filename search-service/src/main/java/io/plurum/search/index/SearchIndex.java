package io.plurum.search.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

/**
 * The Lucene index of one replica: experiences and open public sessions, with BM25 text fields and an HNSW vector
 * field. Writes become visible to searches at the next {@link #refresh()} (near-real-time, no commit needed).
 *
 * <p>Every commit records the embedding model that made the vectors; opened with another model (or another
 * schema) the index starts empty and is rebuilt from the topics, because vectors of two models do not compare.
 */
public final class SearchIndex implements Closeable {

    static final String MODEL_KEY = "embedding_model";
    static final String SCHEMA_KEY = "schema";
    /** Bump when documents change shape: an index of an older schema is rebuilt. */
    static final String SCHEMA = "3";

    private static final Analyzer ANALYZER = new EnglishAnalyzer();

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final String modelId;
    private final boolean wiped;

    private SearchIndex(Directory directory, String modelId, boolean quantized) throws IOException {
        this.directory = directory;
        this.modelId = modelId;
        IndexWriterConfig config = new IndexWriterConfig(ANALYZER)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setCodec(codec(quantized))
                .setRAMBufferSizeMB(writeBufferMb());
        boolean existed = DirectoryReader.indexExists(directory);
        this.writer = new IndexWriter(directory, config);
        Map<String, String> built = new HashMap<>();
        var commitData = writer.getLiveCommitData();
        if (commitData != null) {
            commitData.forEach(e -> built.put(e.getKey(), e.getValue()));
        }
        boolean foreign = !modelId.equals(built.get(MODEL_KEY)) || !SCHEMA.equals(built.get(SCHEMA_KEY));
        if (foreign) {
            writer.deleteAll();
        }
        this.wiped = existed && foreign;
        writer.setLiveCommitData(Map.of(MODEL_KEY, modelId, SCHEMA_KEY, SCHEMA).entrySet());
        writer.commit();
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Segments as large as a replay can afford: merging small ones means re-inserting their vectors into HNSW
     * graphs, as costly as indexing them was. A quarter of the heap, at most 256 MB; live updates never come near.
     */
    private static double writeBufferMb() {
        return Math.min(256, Runtime.getRuntime().maxMemory() / 4.0 / (1 << 20));
    }

    /** Opens (or creates) the index in a directory of its own. */
    public static SearchIndex open(Path path, String modelId, boolean quantized) throws IOException {
        Files.createDirectories(path);
        return new SearchIndex(FSDirectory.open(path), modelId, quantized);
    }

    /** An index in memory, for tests and benchmarks. */
    public static SearchIndex inMemory(String modelId, boolean quantized) throws IOException {
        return new SearchIndex(new ByteBuffersDirectory(), modelId, quantized);
    }

    public static Analyzer analyzer() {
        return ANALYZER;
    }

    public String modelId() {
        return modelId;
    }

    /** True when the directory held an index of another model or schema, and this one started empty. */
    public boolean wasWiped() {
        return wiped;
    }

    /** Indexes the entry whole, replacing the document of its id if there is one. */
    public void upsert(IndexEntry entry, float[] vector) throws IOException {
        Document doc = new Document();
        doc.add(new KeywordField(Fields.ID, entry.id(), Store.NO));
        doc.add(new StringField(Fields.KIND, entry.kind().value(), Store.NO));
        addKeyword(doc, Fields.SHORT_ID, entry.shortId());
        addKeyword(doc, Fields.AGENT, entry.agentId());
        addKeyword(doc, Fields.STATUS, entry.status());
        addKeyword(doc, Fields.VISIBILITY, entry.visibility());
        if (entry.domain() != null && !entry.domain().isBlank()) {
            doc.add(new StringField(Fields.DOMAIN, normalizeLabel(entry.domain()), Store.NO));
        }
        for (String tool : new LinkedHashSet<>(entry.tools().stream().map(SearchIndex::normalizeLabel).toList())) {
            doc.add(new KeywordField(Fields.TOOL, tool, Store.NO));
        }
        SearchableText text = entry.text();
        addText(doc, Fields.GOAL, text.goal());
        addText(doc, Fields.BREAKTHROUGHS, text.breakthroughs());
        addText(doc, Fields.DEAD_ENDS, text.deadEnds());
        addText(doc, Fields.GOTCHAS, text.gotchas());
        addText(doc, Fields.ARTIFACTS, text.artifacts());
        addText(doc, Fields.TOOLS_TEXT, text.tools());
        addText(doc, Fields.DOMAIN_TEXT, text.domain());
        doc.add(new KnnFloatVectorField(Fields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        doc.add(new NumericDocValuesField(Fields.TEXT_HASH, text.embeddingHash()));
        doc.add(new NumericDocValuesField(Fields.CONTENT_HASH, contentHash(entry, vector)));
        doc.add(new StoredField(Fields.CARD, entry.card()));
        updatable(entry).forEach(doc::add);
        writer.updateDocument(new Term(Fields.ID, entry.id()), doc);
    }

    /**
     * Writes what may change while the content stays the same (an experience's counters, the state hash) into the
     * document of the entry's id, in place: no deleted document is left behind, so BM25 statistics stay those of a
     * replica that indexed this state first. Only for an entry whose {@link #contentHash} equals the indexed one.
     * Lucene rewrites each updated field of a segment whole at the next refresh: numeric fields, a few bytes each.
     */
    public void updateCounters(IndexEntry entry) throws IOException {
        writer.updateDocValues(new Term(Fields.ID, entry.id()), updatable(entry).toArray(Field[]::new));
    }

    /**
     * A hash of everything {@link #upsert} indexes for search (ids, filter terms, text, vector) or stores (the card),
     * and of nothing that {@link #updateCounters} writes: an entry with the hash of the indexed document differs only
     * in its counters.
     */
    public static long contentHash(IndexEntry entry, float[] vector) {
        SearchableText text = entry.text();
        return new ContentHash().add(entry.kind().value()).add(entry.id()).add(entry.shortId())
                .add(entry.agentId()).add(entry.status()).add(entry.visibility()).add(entry.domain())
                .add(entry.tools()).add(text.goal()).add(text.breakthroughs()).add(text.deadEnds())
                .add(text.gotchas()).add(text.artifacts()).add(text.tools()).add(text.domain()).add(vector)
                .add(entry.card()).value();
    }

    public void delete(String id) throws IOException {
        writer.deleteDocuments(new Term(Fields.ID, id));
    }

    /** Makes every write so far visible to searches. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Persists the index, so a restart reuses its vectors instead of embedding again. */
    public void commit() throws IOException {
        writer.commit();
    }

    public <T> T search(SearcherFunction<T> function) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return function.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    /** The vector stored for a document and the hash of the text it was made from, as of the last refresh. */
    public Optional<StoredVector> storedVector(String id) throws IOException {
        return search(searcher -> {
            TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            int doc = top.scoreDocs[0].doc;
            LeafReaderContext leaf = Documents.leaf(searcher, doc);
            NumericDocValues hashes = leaf.reader().getNumericDocValues(Fields.TEXT_HASH);
            if (hashes == null || !hashes.advanceExact(doc - leaf.docBase)) {
                return Optional.empty();
            }
            return Optional.of(new StoredVector(hashes.longValue(), Documents.vector(searcher, doc)));
        });
    }

    /** Hands the id, content hash and state hash of every live document, as of the last refresh, to a visitor. */
    public void forEachDocument(DocumentVisitor visitor) throws IOException {
        search(searcher -> {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                SortedSetDocValues ids = DocValues.getSortedSet(leaf.reader(), Fields.ID);
                NumericDocValues contents = DocValues.getNumeric(leaf.reader(), Fields.CONTENT_HASH);
                NumericDocValues states = DocValues.getNumeric(leaf.reader(), Fields.STATE_HASH);
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if ((live == null || live.get(doc)) && ids.advanceExact(doc) && contents.advanceExact(doc)
                            && states.advanceExact(doc)) {
                        visitor.visit(ids.lookupOrd(ids.nextOrd()).utf8ToString(), contents.longValue(),
                                states.longValue());
                    }
                }
            }
            return null;
        });
    }

    public int size() throws IOException {
        return search(searcher -> searcher.getIndexReader().numDocs());
    }

    /** Bytes on disk (or in memory) of the last commit plus what is being written. */
    public long sizeInBytes() throws IOException {
        long total = 0;
        for (String file : directory.listAll()) {
            try {
                total += directory.fileLength(file);
            } catch (IOException e) {
                // A file merged away between listing and measuring no longer counts.
            }
        }
        return total;
    }

    /** Merges down to few segments: faster searches after a bulk load (benchmarks), never needed for correctness. */
    public void forceMerge(int segments) throws IOException {
        writer.forceMerge(segments);
        refresh();
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }

    /** Domains and tools compare case-insensitively and without surrounding blanks. */
    public static String normalizeLabel(String label) {
        return label.trim().toLowerCase(Locale.ROOT);
    }

    /** The counters (experiences only) and the state hash. */
    private static List<Field> updatable(IndexEntry entry) {
        List<Field> fields = new ArrayList<>(List.of(new NumericDocValuesField(Fields.STATE_HASH, entry.stateHash())));
        if (entry.counters() != null) {
            fields.addAll(List.of(CounterFields.of(entry.counters())));
        }
        return fields;
    }

    private static void addKeyword(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StringField(field, value, Store.NO));
        }
    }

    private static void addText(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new TextField(field, value, Store.NO));
        }
    }

    private static Lucene104Codec codec(boolean quantized) {
        if (!quantized) {
            return new Lucene104Codec();
        }
        KnnVectorsFormat int8 = new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.UNSIGNED_BYTE, 16, 100);
        return new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return int8;
            }
        };
    }

    /** A function of a searcher that may fail reading the index. */
    @FunctionalInterface
    public interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Receives what {@link #forEachDocument} reads of one document. */
    @FunctionalInterface
    public interface DocumentVisitor {
        void visit(String id, long contentHash, long stateHash);
    }

    /** A document's vector and the hash of the text it was made from. */
    public record StoredVector(long textHash, float[] vector) {
    }
}
