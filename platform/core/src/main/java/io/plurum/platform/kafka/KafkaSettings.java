package io.plurum.platform.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/** Client settings for the plain Kafka clients of the platform (relay, credential feed, topic set-up). */
@ApplicationScoped
public class KafkaSettings {

    private final String bootstrapServers;
    private final String applicationName;

    public KafkaSettings(@ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
                         String bootstrapServers,
                         @ConfigProperty(name = "quarkus.application.name", defaultValue = "plurum")
                         String applicationName) {
        this.bootstrapServers = bootstrapServers;
        this.applicationName = applicationName;
    }

    public String applicationName() {
        return applicationName;
    }

    public Map<String, Object> common(String clientRole) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, applicationName + "-" + clientRole);
        config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
        return config;
    }
}
