package io.plurum.platform.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.plurum.platform.auth.CredentialFeed;
import io.plurum.platform.kafka.TopicInitializer;
import jakarta.enterprise.context.ApplicationScoped;

/** Ready once the topics exist and the credentials topic has been replayed, so every valid key is known. */
@Readiness
@ApplicationScoped
public class PlatformReadiness implements HealthCheck {

    private final TopicInitializer topics;
    private final CredentialFeed credentials;

    public PlatformReadiness(TopicInitializer topics, CredentialFeed credentials) {
        this.topics = topics;
        this.credentials = credentials;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("plurum-platform")
                .status(topics.isReady() && credentials.isCaughtUp())
                .withData("kafka_topics", topics.isReady())
                .withData("credentials_replayed", credentials.isCaughtUp())
                .build();
    }
}
