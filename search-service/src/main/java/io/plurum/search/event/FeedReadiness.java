package io.plurum.search.event;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

/** Not ready until the index has replayed both topics: before that, searches would miss experiences. */
@Readiness
@ApplicationScoped
public class FeedReadiness implements HealthCheck {

    private final TopicFeed feed;

    public FeedReadiness(TopicFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("search-index")
                .status(feed.isCaughtUp())
                .withData("replayed", feed.isCaughtUp())
                .withData("records_applied", feed.applied())
                .withData("records_skipped", feed.failed())
                .build();
    }
}
