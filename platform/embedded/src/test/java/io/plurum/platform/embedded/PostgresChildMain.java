package io.plurum.platform.embedded;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Starts PostgreSQL on {@code args[0]}, writes a row, says READY and waits to be killed. */
public final class PostgresChildMain {

    private PostgresChildMain() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(Path.of(args[0]));
        postgres.ensureDatabase("plurum");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("plurum"), postgres.username(),
                postgres.password()); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE note (text TEXT NOT NULL)");
            sql.execute("INSERT INTO note VALUES ('written before the kill')");
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
