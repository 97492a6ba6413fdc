package io.plurum.search.config;

import java.time.Duration;

import io.plurum.platform.embeddings.EmbeddingModels;
import io.plurum.search.ranking.RankingSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The knobs of search-service; each default works on the local stack. */
@ConfigMapping(prefix = "plurum.search")
public interface SearchConfig {

    /** The replica's own Lucene directory; it survives restarts and saves re-embedding what did not change. */
    String indexDir();

    /** Embedding model id (see EmbeddingModels); an index built by another model is rebuilt. */
    @WithDefault(EmbeddingModels.DEFAULT)
    String model();

    /** int8 scalar quantization of the HNSW vectors: a quarter of the memory, recall@10 about 0.99. */
    @WithDefault("false")
    boolean quantizeVectors();

    /**
     * How long a change of counters alone (outcomes, votes, acquisitions) may take to become searchable. A refresh
     * rewrites every updated doc-values field of each segment holding an updated document, so such changes are
     * refreshed at most this often; added, replaced and removed documents are refreshed right after their batch.
     */
    @WithDefault("5s")
    Duration counterRefresh();

    Ranking ranking();

    /** See {@link RankingSettings} for what each weight does and how it was measured. */
    interface Ranking {
        @WithDefault("30")
        int rrfK();

        @WithDefault("100")
        int candidates();

        @WithDefault("1.0")
        double keywordWeight();

        @WithDefault("1.0")
        double vectorWeight();

        @WithDefault("0.1")
        double toolsWeight();

        @WithDefault("0.05")
        double qualityWeight();

        @WithDefault("0.25")
        double minSimilarity();

        default RankingSettings settings() {
            return new RankingSettings(rrfK(), candidates(), keywordWeight(), vectorWeight(), toolsWeight(),
                    qualityWeight(), minSimilarity());
        }
    }
}
