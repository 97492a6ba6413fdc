package io.plurum.search.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jboss.logging.Logger;

import io.plurum.platform.embeddings.EmbeddingModel;
import io.plurum.platform.embeddings.EmbeddingModels;
import io.plurum.search.index.SearchIndex;
import io.plurum.search.ranking.HybridSearcher;
import io.plurum.search.service.QueryVectors;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The model, the index, the searcher and the pool that runs query embedding and vector retrieval beside keyword
 * retrieval: one each per replica, created at start, closed at shutdown.
 */
@ApplicationScoped
public class SearchBeans {

    private static final Logger LOG = Logger.getLogger(SearchBeans.class);

    private final ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
            Thread.ofPlatform().name("plurum-search-", 0).daemon().factory());

    @Produces
    @Singleton
    @Startup
    EmbeddingModel embeddingModel(SearchConfig config) {
        EmbeddingModel model = EmbeddingModels.load(config.model());
        LOG.infof("embedding model %s loaded", model);
        return model;
    }

    @Produces
    @Singleton
    @Startup
    SearchIndex searchIndex(SearchConfig config, EmbeddingModel model) throws IOException {
        SearchIndex index = SearchIndex.open(Path.of(config.indexDir()), model.id(), config.quantizeVectors());
        LOG.infof("search index at %s: %d documents%s", config.indexDir(), index.size(),
                index.wasWiped() ? " (built by another model or schema: rebuilding from the topics)" : "");
        return index;
    }

    void close(@Disposes SearchIndex index) throws IOException {
        index.close();
    }

    @Produces
    @Singleton
    HybridSearcher hybridSearcher(SearchConfig config) {
        return new HybridSearcher(config.ranking().settings(), config.quantizeVectors(), pool);
    }

    @Produces
    @Singleton
    QueryVectors queryVectors(EmbeddingModel model) {
        return new QueryVectors(model, pool);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
