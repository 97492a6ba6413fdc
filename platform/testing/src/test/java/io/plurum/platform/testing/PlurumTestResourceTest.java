package io.plurum.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

class PlurumTestResourceTest {

    private static final String TOPIC = "plurum.resource-test";

    @Test
    void startsKafkaAndPostgresOnceAndHandsQuarkusTheirConfig() throws Exception {
        PlurumTestResource first = new PlurumTestResource();
        first.init(Map.of());
        PlurumTestResource second = new PlurumTestResource();
        second.init(Map.of(PlurumTestResource.DATABASE_ARG, "resource_test"));

        long started = System.nanoTime();
        Map<String, String> config = first.start();
        System.out.printf("Kafka and PostgreSQL ready in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        Map<String, String> secondConfig = second.start();

        assertThat(config).containsOnlyKeys("kafka.bootstrap.servers", "quarkus.datasource.reactive.url",
                "quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password");
        assertThat(config.get("kafka.bootstrap.servers"))
                .isEqualTo(secondConfig.get("kafka.bootstrap.servers"))
                .isEqualTo(PlurumTestResource.kafkaBootstrap());
        assertThat(config.get("quarkus.datasource.reactive.url")).matches("postgresql://localhost:\\d+/plurum");
        assertThat(secondConfig.get("quarkus.datasource.reactive.url")).endsWith("/resource_test");
        assertThat(currentDatabase(config)).isEqualTo("plurum");
        assertThat(currentDatabase(secondConfig)).isEqualTo("resource_test");

        try (KafkaCompanion companion = PlurumTestResource.kafkaCompanion()) {
            companion.produceStrings().fromRecords(KafkaCompanion.record(TOPIC, "key", "hello")).awaitCompletion();
            assertThat(companion.consumeStrings().fromTopics(TOPIC, 1).awaitCompletion(Duration.ofSeconds(30))
                    .getRecords()).extracting(ConsumerRecord::value).containsExactly("hello");
        }

        first.stop();
        assertThat(currentDatabase(secondConfig)).as("still up while another instance uses it")
                .isEqualTo("resource_test");
        second.stop();
        assertThat(System.getProperty(PlurumTestResource.KAFKA_BOOTSTRAP_PROPERTY)).isNull();
        assertThatThrownBy(() -> currentDatabase(config)).isInstanceOf(SQLException.class);
    }

    private static String currentDatabase(Map<String, String> config) throws SQLException {
        try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT current_database()")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
