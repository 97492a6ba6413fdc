package io.plurum.experiences.config;

import org.jboss.logging.Logger;

import io.plurum.platform.embeddings.EmbeddingModel;
import io.plurum.platform.embeddings.EmbeddingModels;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One embedding model per process, loaded at start (a few hundred milliseconds, about 0.2 GB). */
@ApplicationScoped
public class EmbeddingBeans {

    private static final Logger LOG = Logger.getLogger(EmbeddingBeans.class);

    @Produces
    @Singleton
    @Startup
    EmbeddingModel embeddingModel(EmbeddingConfig config) {
        EmbeddingModel model = EmbeddingModels.load(config.model());
        LOG.infof("embedding model %s loaded", model);
        return model;
    }
}
