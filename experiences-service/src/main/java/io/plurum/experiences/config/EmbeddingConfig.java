package io.plurum.experiences.config;

import io.plurum.platform.embeddings.EmbeddingModels;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The embedding model of the vectors state events carry (env {@code PLURUM_EMBEDDING_MODEL}). */
@ConfigMapping(prefix = "plurum.embedding")
public interface EmbeddingConfig {

    /** See EmbeddingModels; search replicas running another model ignore the vectors and embed for themselves. */
    @WithDefault(EmbeddingModels.DEFAULT)
    String model();
}
