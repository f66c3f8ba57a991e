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
            assertEquals(List.of("ACCOUNTING_CONNECTION", "ACTIVITY", "CONNECTION_MAPPING", "CONNECTION_SETTING",
                    "CUSTOMER", "ENTITY_MAPPING", "EXPORT_ATTEMPT", "EXPORT_PROBLEM", "EXPORT_RESULT", "EXPORT_RUN",
                    "EXTERNAL_REF", "INVOICE", "INVOICE_CHARGE", "INVOICE_HISTORY", "INVOICE_LINE", "ITEM", "PAYMENT",
                    "SCHEMA_VERSION", "STATUS_PULL", "TAX_CODE", "USER_ROLE", "VENDOR_STATE"), tables(connection));
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
    void version4KeepsAnExportedInvoiceExportedAndAddsWhatComesAfterTheExport() throws Exception {
        try (Connection connection = open()) {
            assertEquals(3, new SchemaMigrator(SchemaMigrator.MIGRATIONS.subList(0, 3)).migrate(connection));
            try (Statement s = connection.createStatement()) {
                s.executeUpdate(
                        "INSERT INTO customer (name, email, currency) VALUES ('Exported Customer', NULL, 'EUR')");
                s.executeUpdate("INSERT INTO invoice (number, customer_id, issue_date, due_date, currency, memo, "
                        + "status, version) SELECT 'EXP-1', id, '2026-01-05', '2026-02-05', 'EUR', '', 'EXPORTED', 2 "
                        + "FROM customer WHERE name = 'Exported Customer'");
                s.executeUpdate("INSERT INTO accounting_connection (uid, connector_id, name, numbering, version) "
                        + "VALUES ('00000000-0000-0000-0000-000000000004', 'xero', 'Old Xero', 'OURS', 1)");
                s.executeUpdate("INSERT INTO external_ref (connection_id, invoice_id, invoice_version, attempt_id, "
                        + "external_id, external_number, sync_token, location, exported_at, active_key) "
                        + "SELECT k.id, i.id, 1, 1, 'X-1', 'EXP-1', '', '', CURRENT_TIMESTAMP, "
                        + "TRIM(CHAR(k.id)) || ':' || TRIM(CHAR(i.id)) "
                        + "FROM accounting_connection k, invoice i WHERE i.number = 'EXP-1'");
            }
            SchemaMigrator latest = new SchemaMigrator();
            assertEquals(latest.latestVersion(), latest.migrate(connection));
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT withdrawn_at, withdrawal, number_kept, active_key "
                            + "FROM external_ref WHERE external_id = 'X-1'")) {
                assertTrue(rs.next());
                assertEquals(null, rs.getTimestamp(1));
                assertEquals(null, rs.getString(2), "not withdrawn");
                assertEquals(false, rs.getBoolean(3));
                assertTrue(rs.getString(4) != null, "still exported there");
            }
            try (Statement s = connection.createStatement()) {
                s.executeUpdate("INSERT INTO invoice_history (invoice_id, happened_at, kind, source, user_name, text) "
                        + "SELECT id, CURRENT_TIMESTAMP, 'EXPORTED', 'Old Xero', 'anna', 'Exported.' FROM invoice");
                s.executeUpdate("INSERT INTO payment (invoice_id, connection_id, amount, currency, paid_on, "
                        + "deposit_account, payment_reference, recorded_by, recorded_at, state, external_id, problem) "
                        + "SELECT id, 1, 12.5, 'EUR', '2026-02-01', '090', '', 'anna', CURRENT_TIMESTAMP, "
                        + "'RECORDED', '', '' FROM invoice");
                s.executeUpdate("INSERT INTO user_role VALUES ('anna', 'OWNER')");
                assertThrows(SQLException.class,
                        () -> s.executeUpdate("INSERT INTO user_role VALUES ('anna', 'BILLER')"), "one role per user");
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
