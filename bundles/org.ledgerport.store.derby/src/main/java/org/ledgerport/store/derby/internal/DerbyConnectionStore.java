package org.ledgerport.store.derby.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.access.Permission;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.store.Activity;
import org.ledgerport.core.store.ConcurrentChangeException;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Connections, their settings and mappings, on the Ledgerport database. Only an owner may change them, and each
 * change is an activity in the process log, saved in the change's transaction.
 */
@Component(service = ConnectionStore.class)
public final class DerbyConnectionStore implements ConnectionStore {

    private final DerbyDatabase database;
    private final AccessControl access;

    @Activate
    public DerbyConnectionStore(@Reference DerbyDatabase database, @Reference AccessControl access) {
        this.database = database;
        this.access = access;
    }

    @Override
    public Connection createConnection(String user, String connectorId, String name,
            Map<String, String> settings, Map<MappingKind, Map<String, String>> mappings, NumberingPolicy numbering) {
        access.check(user, Permission.MANAGE_CONNECTIONS);
        Connection unsaved = new Connection(0,
                UUID.randomUUID().toString(), connectorId, name, settings, mappings, numbering, 1);
        return database.write(TOPIC_CONNECTIONS_CHANGED, c -> {
            long id;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO accounting_connection (uid, connector_id, name, "
                    + "numbering, version) VALUES (?, ?, ?, ?, 1)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, unsaved.uid());
                insert.setString(2, connectorId);
                insert.setString(3, unsaved.name());
                insert.setString(4, numbering.name());
                insert.executeUpdate();
                id = DerbyDatabase.generatedId(insert);
            } catch (SQLException e) {
                throw duplicate(e, unsaved.name());
            }
            writeDetails(c, id, unsaved);
            recordActivity(c, user, Activity.Kind.CONNECTION_ADDED, unsaved.name(),
                    "Added connection '%s' through connector %s.".formatted(unsaved.name(), connectorId));
            return new Connection(id, unsaved.uid(), connectorId, unsaved.name(),
                    unsaved.settings(), unsaved.mappings(), numbering, 1);
        });
    }

    private static void recordActivity(java.sql.Connection c, String user, Activity.Kind kind, String connectionName,
            String text) throws SQLException {
        ActivityRows.insert(c, new Activity(0, Instant.now(), user, "", kind, connectionName, "", text));
    }

    private static StoreException duplicate(SQLException e, String name) {
        if (DerbyDatabase.DUPLICATE_KEY.equals(e.getSQLState())) {
            return new StoreException("There is already a connection named '%s'; choose another name.".formatted(name), e);
        }
        return new StoreException("Could not save connection '%s': %s".formatted(name, e.getMessage()), e);
    }

    @Override
    public Connection updateConnection(String user, Connection connection) {
        access.check(user, Permission.MANAGE_CONNECTIONS);
        return database.write(TOPIC_CONNECTIONS_CHANGED, c -> {
            Connection before = load(c, "WHERE id = ?", connection.id()).stream().findFirst().orElse(null);
            try (PreparedStatement update = c.prepareStatement("UPDATE accounting_connection SET name = ?, numbering = ?, "
                    + "version = version + 1 WHERE id = ? AND version = ?")) {
                update.setString(1, connection.name());
                update.setString(2, connection.numbering().name());
                update.setLong(3, connection.id());
                update.setInt(4, connection.version());
                if (before == null || update.executeUpdate() != 1) {
                    throw new ConcurrentChangeException(("Connection '%s' was changed or removed by someone else since "
                            + "it was opened; open it again and redo the change.").formatted(connection.name()));
                }
            } catch (SQLException e) {
                throw duplicate(e, connection.name());
            }
            for (String table : List.of("connection_setting", "connection_mapping")) {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE connection_id = ?")) {
                    delete.setLong(1, connection.id());
                    delete.executeUpdate();
                }
            }
            writeDetails(c, connection.id(), connection);
            recordActivity(c, user, Activity.Kind.CONNECTION_CHANGED, connection.name(), changes(before, connection));
            return new Connection(connection.id(), connection.uid(),
                    connection.connectorId(), connection.name(), connection.settings(), connection.mappings(),
                    connection.numbering(), connection.version() + 1);
        });
    }

    /** What a change did, in one sentence; setting values are left out, as they may be long. */
    private static String changes(Connection before, Connection after) {
        List<String> changes = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            changes.add("renamed from '%s'".formatted(before.name()));
        }
        if (before.numbering() != after.numbering()) {
            changes.add("numbering: " + after.numbering().label());
        }
        Set<String> settings = new TreeSet<>(before.settings().keySet());
        settings.addAll(after.settings().keySet());
        settings.removeIf(key -> Objects.equals(before.settings().get(key), after.settings().get(key)));
        if (!settings.isEmpty()) {
            changes.add("settings " + String.join(", ", settings));
        }
        List<String> mappings = Arrays.stream(MappingKind.values())
                .filter(kind -> !before.mappings().get(kind).equals(after.mappings().get(kind)))
                .map(kind -> kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " mappings").toList();
        changes.addAll(mappings);
        return changes.isEmpty() ? "Saved connection '%s' unchanged.".formatted(after.name())
                : "Changed connection '%s': %s.".formatted(after.name(), String.join("; ", changes));
    }

    private static void writeDetails(java.sql.Connection c, long id, Connection connection)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO connection_setting (connection_id, setting_key, setting_value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, String> setting : connection.settings().entrySet()) {
                insert.setLong(1, id);
                insert.setString(2, setting.getKey());
                insert.setString(3, setting.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO connection_mapping (connection_id, kind, "
                + "local_code, vendor_code) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<MappingKind, Map<String, String>> kind : connection.mappings().entrySet()) {
                for (Map.Entry<String, String> mapping : kind.getValue().entrySet()) {
                    insert.setLong(1, id);
                    insert.setString(2, kind.getKey().name());
                    insert.setString(3, mapping.getKey());
                    insert.setString(4, mapping.getValue());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    @Override
    public void deleteConnection(String user, long id) {
        access.check(user, Permission.MANAGE_CONNECTIONS);
        database.write(TOPIC_CONNECTIONS_CHANGED, c -> {
            Connection removed = load(c, "WHERE id = ?", id).stream().findFirst().orElse(null);
            if (removed == null) {
                return null;
            }
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT COUNT(*) FROM export_attempt WHERE connection_id = ? AND state = 'OPEN'")) {
                query.setLong(1, id);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        throw new StoreException("An export to this connection is not confirmed yet; export or "
                                + "check it once more so Ledgerport can settle it, then remove the connection.");
                    }
                }
            }
            // The journal's settled attempts go with the connection; the process log keeps its runs by name.
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM export_attempt WHERE connection_id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM accounting_connection WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
            recordActivity(c, user, Activity.Kind.CONNECTION_REMOVED, removed.name(),
                    "Removed connection '%s' (connector %s).".formatted(removed.name(), removed.connectorId()));
            return null;
        });
    }

    @Override
    public Optional<Connection> findConnection(long id) {
        return database.read(c -> load(c, "WHERE id = ?", id).stream().findFirst());
    }

    @Override
    public Optional<Connection> findConnectionByName(String name) {
        return database.read(c -> load(c, "WHERE name = ?", name.strip()).stream().findFirst());
    }

    @Override
    public List<Connection> listConnections() {
        return database.read(c -> load(c, "", null));
    }

    private static List<Connection> load(java.sql.Connection c, String where, Object key)
            throws SQLException {
        record Header(long id, String uid, String connectorId, String name, NumberingPolicy numbering, int version) {
        }
        List<Header> headers = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("SELECT id, uid, connector_id, name, numbering, version "
                + "FROM accounting_connection " + where + " ORDER BY name")) {
            if (key != null) {
                query.setObject(1, key);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    headers.add(new Header(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            NumberingPolicy.valueOf(rs.getString(5)), rs.getInt(6)));
                }
            }
        }
        List<Connection> connections = new ArrayList<>();
        for (Header h : headers) {
            Map<String, String> settings = new TreeMap<>();
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT setting_key, setting_value FROM connection_setting WHERE connection_id = ?")) {
                query.setLong(1, h.id());
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        settings.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            Map<MappingKind, Map<String, String>> mappings = new EnumMap<>(MappingKind.class);
            try (PreparedStatement query = c.prepareStatement("SELECT kind, local_code, vendor_code FROM "
                    + "connection_mapping WHERE connection_id = ? ORDER BY kind, local_code")) {
                query.setLong(1, h.id());
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        mappings.computeIfAbsent(MappingKind.valueOf(rs.getString(1)), k -> new LinkedHashMap<>())
                                .put(rs.getString(2), rs.getString(3));
                    }
                }
            }
            connections.add(new Connection(h.id(), h.uid(), h.connectorId(), h.name(),
                    settings, mappings, h.numbering(), h.version()));
        }
        return connections;
    }
}
