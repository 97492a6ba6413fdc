package io.plurum.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final Path CWD = Path.of("/work/repo");

    @Test
    void shouldDefaultToPort8080AndDotPlurumInTheCurrentDirectory() {
        Settings settings = Settings.fromEnvironment(Map.of(), CWD);

        assertThat(settings.gatewayPort()).isEqualTo(8080);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/work/repo/.plurum"));
        assertThat(settings.home()).isEqualTo(CWD);
        assertThat(settings.kafkaBootstrap()).isNull();
        assertThat(settings.database()).isNull();
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(settings.stackFile()).isEqualTo(Path.of("/work/repo/.plurum/stack.json"));
    }

    @Test
    void shouldReadEveryVariable() {
        Settings settings = Settings.fromEnvironment(Map.of(
                "PLURUM_PORT", "9090",
                "PLURUM_DATA_DIR", "/tmp/p",
                "PLURUM_HOME", "../checkout",
                "PLURUM_KAFKA_BOOTSTRAP", "kafka:9092",
                "PLURUM_DB_URL", "postgresql://u:p@pg:5433",
                "PLURUM_START_TIMEOUT", "60"), CWD);

        assertThat(settings.gatewayPort()).isEqualTo(9090);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/p"));
        assertThat(settings.home()).isEqualTo(Path.of("/work/checkout"));
        assertThat(settings.kafkaBootstrap()).isEqualTo("kafka:9092");
        assertThat(settings.database()).isEqualTo(new DatabaseServer("pg", 5433, "u", "p"));
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldRejectAPortThatIsNoPort() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PLURUM_PORT", "http"), CWD))
                .hasMessage("PLURUM_PORT=http is not a positive number");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("PLURUM_PORT", "70000"), CWD))
                .hasMessage("PLURUM_PORT=70000 is not a TCP port");
    }
}
