package io.plurum.pulse.event;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/** Ready once the push feed follows the topics, so that a connected agent hears of every new event. */
@Readiness
@ApplicationScoped
public class PulseReadiness implements HealthCheck {

    private final PushFeed feed;

    public PulseReadiness(PushFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("pulse-push-feed").status(feed.isReady()).build();
    }
}
