package org.ledgerport.store.derby.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.ledgerport.core.store.StoreException;

/**
 * Brings a database's schema up to the version this bundle knows, one numbered script at a time. Each script
 * runs in its own transaction with its row in SCHEMA_VERSION, under a table lock, so two workstations starting
 * together on a shared database apply it once.
 */
public final class SchemaMigrator {

    /** A numbered change of the schema, kept as an SQL script in the bundle's db/ folder. */
    public record Migration(int version, String description, String script) {
    }

    /** Every migration, oldest first. Append new ones; never edit one that has shipped. */
    public static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "customers, invoices and invoice lines", "V001__invoices.sql"),
            new Migration(2, "items, tax codes, charges, connections, export journal and process log",
                    "V002__model_connections_journal.sql"),
            new Migration(3, "the invoice list's net amounts and indexes", "V003__invoice_list.sql"),
            new Migration(4, "invoice history, vendor states, withdrawals, payments, user roles and activities",
                    "V004__after_export.sql"));

    private static final String TABLE_EXISTS = "X0Y32";

    private final List<Migration> migrations;

    public SchemaMigrator() {
        this(MIGRATIONS);
    }

    /** A migrator that knows only the given migrations, as an older Ledgerport did. */
    public SchemaMigrator(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
    }

    public int latestVersion() {
        return migrations.isEmpty() ? 0 : migrations.getLast().version();
    }

    /** Applies what is missing and returns the schema version the database now has. */
    public int migrate(Connection connection) throws SQLException {
        createVersionTable(connection);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (Migration migration : migrations) {
                apply(connection, migration);
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        int version = currentVersion(connection);
        if (version > latestVersion()) {
            throw new StoreException("The database was last opened by a newer Ledgerport (schema version %d; this one knows up to %d). Update this workstation before using this database."
                    .formatted(version, latestVersion()));
        }
        return version;
    }

    public int currentVersion(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void createVersionTable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("CREATE TABLE schema_version (version INT NOT NULL PRIMARY KEY, "
                    + "description VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
        } catch (SQLException e) {
            if (!TABLE_EXISTS.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private void apply(Connection connection, Migration migration) throws SQLException {
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("LOCK TABLE schema_version IN EXCLUSIVE MODE");
            }
            if (currentVersion(connection) >= migration.version()) {
                connection.commit();
                return;
            }
            try (Statement s = connection.createStatement()) {
                for (String sql : statements(migration.script())) {
                    s.execute(sql);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                insert.setInt(1, migration.version());
                insert.setString(2, migration.description());
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw new StoreException("Could not update the database to schema version %d (%s): %s"
                    .formatted(migration.version(), migration.description(), e.getMessage()), e);
        }
    }

    /** The script's statements: comment lines dropped, split at semicolons that end a line. */
    static List<String> statements(String script) {
        String text;
        try (InputStream in = SchemaMigrator.class.getResourceAsStream("/db/" + script)) {
            if (in == null) {
                throw new StoreException("Migration script db/" + script + " is missing from the store bundle");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String withoutComments = text.lines().filter(line -> !line.strip().startsWith("--"))
                .collect(Collectors.joining("\n", "", "\n"));
        return Arrays.stream(withoutComments.split(";\\s*\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
