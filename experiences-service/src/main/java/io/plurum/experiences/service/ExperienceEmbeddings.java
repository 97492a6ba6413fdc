package io.plurum.experiences.service;

import io.plurum.experiences.domain.Experience;
import io.plurum.experiences.mapping.ExperienceMapper;
import io.plurum.platform.embeddings.EmbeddingModel;
import io.plurum.platform.events.ExperienceState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Embeds an experience once, for search replicas to take from its state events instead of embedding it each. Its
 * searchable text never changes after creation, so the vector is computed when it is first published (or after the
 * model changed) and stored with it. A whole experience takes about 11 ms of CPU to embed: that runs on a worker
 * thread, and the caller's transaction resumes on its own context afterwards.
 */
@ApplicationScoped
public class ExperienceEmbeddings {

    private final EmbeddingModel model;
    private final Vertx vertx;

    public ExperienceEmbeddings(EmbeddingModel model, Vertx vertx) {
        this.model = model;
        this.vertx = vertx;
    }

    /** Gives the experience an embedding of the current model unless it already has one. */
    Uni<Void> embed(Experience experience) {
        if (experience.isEmbeddedBy(model.id())) {
            return Uni.createFrom().voidItem();
        }
        String text = ExperienceMapper.state(experience).embeddingText();
        return vertx.executeBlocking(Uni.createFrom().item(() -> ExperienceState.encodeEmbedding(model.embed(text))))
                .invoke(encoded -> experience.embedded(encoded, model.id()))
                .replaceWithVoid();
    }
}
