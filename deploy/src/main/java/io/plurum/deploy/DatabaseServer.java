package io.plurum.deploy;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * A PostgreSQL server the services use, embedded or external. {@code PLURUM_DB_URL} names a server, not a database,
 * because each service owns a database of its own on it: {@code postgresql://USER:PASSWORD@HOST:PORT} (user and
 * password percent-encoded, both optional; port 5432 by default).
 */
record DatabaseServer(String host, int port, String username, String password) {

    static final String URL_FORMAT = "postgresql://USER:PASSWORD@HOST:PORT";

    private static final int DEFAULT_PORT = 5432;
    private static final String DEFAULT_USER = "postgres";
    private static final String DUPLICATE_DATABASE = "42P04";

    DatabaseServer {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    static DatabaseServer parse(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw invalid(e.getMessage());
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw invalid("the scheme must be postgresql://");
        }
        if (uri.getHost() == null) {
            throw invalid("no host");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath())
                || uri.getRawQuery() != null) {
            throw invalid("it names a server, not a database (each service has its own)");
        }
        String username = DEFAULT_USER;
        String password = "";
        if (uri.getUserInfo() != null) {
            int colon = uri.getUserInfo().indexOf(':');
            username = colon < 0 ? uri.getUserInfo() : uri.getUserInfo().substring(0, colon);
            password = colon < 0 ? "" : uri.getUserInfo().substring(colon + 1);
        }
        return new DatabaseServer(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), username, password);
    }

    private static IllegalArgumentException invalid(String reason) {
        // Without the value itself, which may hold a password.
        return new IllegalArgumentException("PLURUM_DB_URL is not " + URL_FORMAT + ": " + reason);
    }

    String jdbcUrl(String database) {
        return "jdbc:" + reactiveUrl(database);
    }

    /** The form Quarkus' reactive datasource expects. */
    String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** The server without its credentials, so that no log or status line shows the password. */
    @Override
    public String toString() {
        return "postgresql://" + host + ":" + port;
    }

    /** Creates each database that does not exist yet; existing ones and their rows stay as they are. */
    void ensureDatabases(Iterable<String> databases) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username, password)) {
            for (String database : databases) {
                ensureDatabase(connection, database);
            }
        }
    }

    private static void ensureDatabase(Connection connection, String database) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
        }
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            // A second launcher on the same server may have created it between the check and the CREATE.
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw e;
            }
        }
    }
}
