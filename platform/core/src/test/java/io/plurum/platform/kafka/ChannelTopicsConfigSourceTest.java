package io.plurum.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.ServiceLoader;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import io.plurum.platform.events.Topic;
import io.plurum.platform.events.Topics;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class ChannelTopicsConfigSourceTest {

    private final ChannelTopicsConfigSource source = new ChannelTopicsConfigSource();

    @Test
    void shouldGiveEachChannelNamedAfterARegistryTopicThatTopicAndItsDeadLetterTopic() {
        for (Topic topic : Topics.ALL) {
            String channel = "mp.messaging.incoming." + ChannelTopicsConfigSource.channel(topic);
            assertThat(source.getValue(channel + ".topic")).isEqualTo(topic.name());
            assertThat(source.getValue(channel + ".dead-letter-queue.topic")).isEqualTo(topic.deadLetter());
        }
        assertThat(source.getValue("mp.messaging.incoming.session-state.topic")).isEqualTo("plurum.session-state.v1");
    }

    @Test
    void shouldDeclareNoChannel() {
        assertThat(source.getPropertyNames()).isEmpty();
        assertThat(source.getValue("mp.messaging.incoming.inbox.topic")).isNull();
        assertThat(source.getValue("mp.messaging.outgoing.sessions.topic")).isNull();
        assertThat(source.getValue("mp.messaging.incoming.sessions.group.id")).isNull();
    }

    @Test
    void shouldYieldToApplicationProperties() {
        Config config = new SmallRyeConfigBuilder()
                .withSources(source, new PropertiesConfigSource(
                        Map.of("mp.messaging.incoming.agents.topic", "elsewhere"), "application.properties", 250))
                .build();
        assertThat(config.getValue("mp.messaging.incoming.agents.topic", String.class)).isEqualTo("elsewhere");
        assertThat(config.getValue("mp.messaging.incoming.sessions.topic", String.class))
                .isEqualTo(Topics.SESSIONS.name());
    }

    @Test
    void shouldBeRegisteredForEveryService() {
        assertThat(ServiceLoader.load(ConfigSource.class).stream().map(ServiceLoader.Provider::type))
                .contains(ChannelTopicsConfigSource.class);
    }
}
