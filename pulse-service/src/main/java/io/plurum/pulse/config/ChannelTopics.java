package io.plurum.pulse.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.plurum.platform.events.Topic;
import io.plurum.platform.events.Topics;

/**
 * Gives each incoming channel its topic and dead-letter topic from the platform registry, so that no topic name is
 * spelled twice. Its ordinal is below application.properties, which may still override a channel.
 */
public class ChannelTopics implements ConfigSource {

    public static final String INBOX_SESSIONS = "inbox-sessions";
    public static final String INBOX_CONTRIBUTIONS = "inbox-contributions";
    public static final String SESSION_STATE = "session-state";
    public static final String EXPERIENCES = "experiences";
    public static final String AGENTS = "agents";

    private static final Map<String, Topic> CHANNELS = Map.of(
            INBOX_SESSIONS, Topics.SESSIONS,
            INBOX_CONTRIBUTIONS, Topics.CONTRIBUTIONS,
            SESSION_STATE, Topics.SESSION_STATE,
            EXPERIENCES, Topics.EXPERIENCES,
            AGENTS, Topics.AGENTS);

    private final Map<String, String> properties = properties();

    private static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        CHANNELS.forEach((channel, topic) -> {
            String prefix = "mp.messaging.incoming." + channel + ".";
            properties.put(prefix + "topic", topic.name());
            properties.put(prefix + "dead-letter-queue.topic", topic.deadLetter());
        });
        return Map.copyOf(properties);
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "plurum-pulse-channel-topics";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }
}
