package org.ledgerport.store.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.ledgerport.core.access.Role;
import org.ledgerport.core.store.StoreException;
import org.ledgerport.core.store.UserRoles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The users' roles on the Ledgerport database. Every change takes the table for its transaction first, so two
 * workstations can neither both become the first owner nor together take away the last one.
 */
@Component(service = UserRoles.class)
public final class DerbyUserRoles implements UserRoles {

    private final DerbyDatabase database;

    @Activate
    public DerbyUserRoles(@Reference DerbyDatabase database) {
        this.database = database;
    }

    @Override
    public Map<String, Role> roles() {
        return database.read(c -> {
            Map<String, Role> roles = new TreeMap<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT user_name, role_name FROM user_role")) {
                while (rs.next()) {
                    roles.put(rs.getString(1), Role.valueOf(rs.getString(2)));
                }
            }
            return roles;
        });
    }

    @Override
    public Optional<Role> role(String user) {
        return database.read(c -> role(c, user));
    }

    private static Optional<Role> role(Connection c, String user) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT role_name FROM user_role WHERE user_name = ?")) {
            query.setString(1, user);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(Role.valueOf(rs.getString(1))) : Optional.empty();
            }
        }
    }

    @Override
    public boolean claimFirstOwner(String user) {
        return database.write(null, c -> {
            lock(c);
            try (PreparedStatement claim = c.prepareStatement("INSERT INTO user_role (user_name, role_name) "
                    + "SELECT ?, 'OWNER' FROM SYSIBM.SYSDUMMY1 "
                    + "WHERE NOT EXISTS (SELECT 1 FROM user_role WHERE role_name = 'OWNER')")) {
                claim.setString(1, user);
                return claim.executeUpdate() == 1;
            } catch (SQLException e) {
                // The user already has a role, given before anyone owned the database: that one stays.
                if (DerbyDatabase.DUPLICATE_KEY.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public void assign(String user, Role role) {
        database.write(null, c -> {
            lock(c);
            if (role != Role.OWNER) {
                refuseToRemoveLastOwner(c, user);
            }
            try (PreparedStatement update = c
                    .prepareStatement("UPDATE user_role SET role_name = ? WHERE user_name = ?")) {
                update.setString(1, role.name());
                update.setString(2, user);
                if (update.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement insert = c
                    .prepareStatement("INSERT INTO user_role (user_name, role_name) VALUES (?, ?)")) {
                insert.setString(1, user);
                insert.setString(2, role.name());
                insert.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void remove(String user) {
        database.write(null, c -> {
            lock(c);
            refuseToRemoveLastOwner(c, user);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM user_role WHERE user_name = ?")) {
                delete.setString(1, user);
                delete.executeUpdate();
            }
            return null;
        });
    }

    /** Held until the transaction ends; the table is small and rarely written. */
    private static void lock(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE user_role IN EXCLUSIVE MODE");
        }
    }

    private static void refuseToRemoveLastOwner(Connection c, String user) throws SQLException {
        if (role(c, user).orElse(null) != Role.OWNER) {
            return;
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM user_role WHERE role_name = 'OWNER'")) {
            rs.next();
            if (rs.getInt(1) == 1) {
                throw new StoreException(("%s is the only owner of this database; make another user an owner "
                        + "first, so that someone can still manage connections and roles.").formatted(user));
            }
        }
    }
}
