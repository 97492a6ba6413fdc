package io.plurum.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.plurum.platform.events.Topic;
import io.plurum.platform.events.Topics;

/**
 * Gives an incoming messaging channel that is named after a registry topic its topic and dead-letter topic: channel
 * {@code session-state} reads {@code plurum.session-state.v1} and dead-letters to {@code plurum.session-state.v1.dlq}.
 * So no service spells a topic name. The values are answered when asked for, never listed: a listed
 * {@code mp.messaging.incoming.*} property would declare a channel that the service may not have. Its ordinal is below
 * application.properties, which may still point a channel elsewhere.
 */
public class ChannelTopicsConfigSource implements ConfigSource {

    private static final String INCOMING = "mp.messaging.incoming.";
    private static final Map<String, String> VALUES = values();

    private static Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        for (Topic topic : Topics.ALL) {
            String prefix = INCOMING + channel(topic) + ".";
            values.put(prefix + "topic", topic.name());
            values.put(prefix + "dead-letter-queue.topic", topic.deadLetter());
        }
        return Map.copyOf(values);
    }

    /** The topic's name without the "plurum." prefix and the version: "plurum.session-state.v1" -> "session-state". */
    static String channel(Topic topic) {
        String name = topic.name();
        return name.substring(name.indexOf('.') + 1, name.lastIndexOf('.'));
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        return VALUES.get(propertyName);
    }

    @Override
    public String getName() {
        return "plurum-channel-topics";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }
}
