package org.ledgerport.store.derby.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
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
            assertEquals(List.of("ACCOUNTING_CONNECTION", "CONNECTION_MAPPING", "CONNECTION_SETTING", "CUSTOMER",
                    "ENTITY_MAPPING", "EXPORT_ATTEMPT", "EXPORT_PROBLEM", "EXPORT_RESULT", "EXPORT_RUN", "EXTERNAL_REF",
                    "INVOICE", "INVOICE_CHARGE", "INVOICE_LINE", "ITEM", "SCHEMA_VERSION", "TAX_CODE"), tables(connection));
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
    void upgradesADatabaseOfTheFirstVersionAndKeepsItsInvoices() throws Exception {
        try (Connection connection = open()) {
            assertEquals(1, new SchemaMigrator(SchemaMigrator.MIGRATIONS.subList(0, 1)).migrate(connection));
            try (Statement s = connection.createStatement()) {
                s.executeUpdate("INSERT INTO customer (name, email, currency) VALUES ('Old Customer', NULL, 'EUR')");
                s.executeUpdate("INSERT INTO invoice (number, customer_id, issue_date, due_date, currency, memo, "
                        + "status, version) SELECT 'OLD-1', id, '2026-01-05', '2026-02-05', 'EUR', '', 'DRAFT', 1 "
                        + "FROM customer WHERE name = 'Old Customer'");
                s.executeUpdate("INSERT INTO invoice_line (invoice_id, line_no, description, quantity, unit_price, "
                        + "amount) SELECT id, 1, 'Audit', 2, 150, 300 FROM invoice WHERE number = 'OLD-1'");
            }
            SchemaMigrator latest = new SchemaMigrator();
            assertEquals(latest.latestVersion(), latest.migrate(connection), "migrated to the latest version");
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT l.tax_code, l.discount_percent, i.tax_mode, c.tax_exempt, "
                            + "i.net_amount "
                            + "FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id "
                            + "JOIN customer c ON c.id = i.customer_id WHERE i.number = 'OLD-1'")) {
                assertTrue(rs.next(), "the old invoice is still there");
                assertEquals("", rs.getString(1));
                assertEquals(0, rs.getBigDecimal(2).signum());
                assertEquals("PER_LINE", rs.getString(3));
                assertEquals(false, rs.getBoolean(4));
                assertEquals(0, new BigDecimal("300").compareTo(rs.getBigDecimal(5)),
                        "the list's net amount is worked out for invoices saved before it was kept");
            }
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
