package io.plurum.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseServerTest {

    @Test
    void shouldReadUserPasswordHostAndPort() {
        DatabaseServer server = DatabaseServer.parse("postgresql://plurum:s%40cret@db.local:6543");

        assertThat(server).isEqualTo(new DatabaseServer("db.local", 6543, "plurum", "s@cret"));
        assertThat(server.jdbcUrl("agents")).isEqualTo("jdbc:postgresql://db.local:6543/agents");
        assertThat(server.reactiveUrl("agents")).isEqualTo("postgresql://db.local:6543/agents");
    }

    @Test
    void shouldDefaultToPostgresUserAndPort5432() {
        assertThat(DatabaseServer.parse("postgres://localhost"))
                .isEqualTo(new DatabaseServer("localhost", 5432, "postgres", ""));
    }

    @Test
    void shouldKeepThePasswordOutOfItsText() {
        assertThat(DatabaseServer.parse("postgresql://u:secret@h:1").toString())
                .isEqualTo("postgresql://h:1")
                .doesNotContain("secret");
    }

    @Test
    void shouldRejectADatabaseNameOrAnotherScheme() {
        assertThatThrownBy(() -> DatabaseServer.parse("postgresql://localhost:5432/agents"))
                .hasMessageContaining("names a server, not a database");
        assertThatThrownBy(() -> DatabaseServer.parse("jdbc:postgresql://localhost:5432"))
                .hasMessageContaining(DatabaseServer.URL_FORMAT);
    }
}
