package io.plurum.search.event;

import java.io.IOException;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.plurum.search.index.SearchIndex;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Index size and feed progress on /q/metrics, so operators see a replica replaying or falling behind. */
@ApplicationScoped
public class FeedMetrics {

    private final MeterRegistry registry;
    private final SearchIndex index;
    private final TopicFeed feed;

    public FeedMetrics(MeterRegistry registry, SearchIndex index, TopicFeed feed) {
        this.registry = registry;
        this.index = index;
        this.feed = feed;
    }

    void register(@Observes StartupEvent event) {
        Gauge.builder("plurum.search.index.documents", this::documents).register(registry);
        Gauge.builder("plurum.search.index.bytes", this::bytes).baseUnit("bytes").register(registry);
        Gauge.builder("plurum.search.feed.records.applied", feed::applied).register(registry);
        Gauge.builder("plurum.search.feed.records.skipped", feed::failed).register(registry);
        Gauge.builder("plurum.search.feed.replayed", () -> feed.isCaughtUp() ? 1 : 0).register(registry);
    }

    private double documents() {
        try {
            return index.size();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private double bytes() {
        try {
            return index.sizeInBytes();
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
