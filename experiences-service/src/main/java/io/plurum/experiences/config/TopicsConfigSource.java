package io.plurum.experiences.config;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.plurum.experiences.event.SessionEventsConsumer;
import io.plurum.platform.events.Topics;

/**
 * Gives the messaging channels their topics from the platform's registry, the one place that names a topic, instead
 * of repeating the names in application.properties.
 */
public class TopicsConfigSource implements ConfigSource {

    private static final String SESSIONS = "mp.messaging.incoming." + SessionEventsConsumer.CHANNEL;
    private static final Map<String, String> PROPERTIES = Map.of(
            SESSIONS + ".topic", Topics.SESSIONS.name(),
            SESSIONS + ".dead-letter-queue.topic", Topics.SESSIONS.deadLetter());

    @Override
    public Set<String> getPropertyNames() {
        return PROPERTIES.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return PROPERTIES.get(propertyName);
    }

    @Override
    public String getName() {
        return "plurum-topics";
    }

    /** Below application.properties (250), so an operator can still point a channel elsewhere. */
    @Override
    public int getOrdinal() {
        return 200;
    }
}
