package org.ledgerport.store.derby.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerport.core.store.StoreException;
import org.ledgerport.store.derby.internal.SchemaMigrator;

/** The schema is built from an empty database, and migrating again changes nothing. */
class SchemaMigrationTest {

    @TempDir
    Path folder;

    @Test
    void migratesAnEmptyDatabaseAndThenIdempotently() throws Exception {
        SchemaMigrator migrator = new SchemaMigrator();
        try (Connection connection = open()) {
            assertEquals(migrator.latestVersion(), migrator.migrate(connection));
            assertEquals(List.of("CUSTOMER", "INVOICE", "INVOICE_LINE", "SCHEMA_VERSION"), tables(connection));
            List<String> history = history(connection);
            assertEquals(SchemaMigrator.MIGRATIONS.size(), history.size(), "one row per applied migration");

            assertEquals(migrator.latestVersion(), migrator.migrate(connection), "second run");
            assertEquals(history, history(connection), "the second run applied nothing");
        }
        try (Connection reopened = open()) {
            assertEquals(migrator.latestVersion(), migrator.migrate(reopened), "after reopening");
            assertEquals(SchemaMigrator.MIGRATIONS.size(), history(reopened).size());
        }
    }

    @Test
    void refusesADatabaseFromANewerLedgerport() throws Exception {
        SchemaMigrator migrator = new SchemaMigrator();
        try (Connection connection = open()) {
            migrator.migrate(connection);
            try (Statement s = connection.createStatement()) {
                s.executeUpdate("INSERT INTO schema_version VALUES (999, 'from the future', CURRENT_TIMESTAMP)");
            }
            StoreException refused = assertThrows(StoreException.class, () -> migrator.migrate(connection));
            assertTrue(refused.getMessage().contains("newer Ledgerport (schema version 999"), refused.getMessage());
        }
    }

    private Connection open() throws SQLException {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(folder.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        return dataSource.getConnection();
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, "APP", "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        names.sort(null);
        return names;
    }

    private static List<String> history(Connection connection) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, description, applied_at FROM schema_version ORDER BY version")) {
            while (rs.next()) {
                rows.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getTimestamp(3));
            }
        }
        return rows;
    }
}
