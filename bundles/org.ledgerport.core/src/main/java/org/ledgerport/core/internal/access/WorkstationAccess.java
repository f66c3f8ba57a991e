package org.ledgerport.core.internal.access;

import java.time.Instant;
import java.util.Map;

import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.access.AccessDeniedException;
import org.ledgerport.core.access.Permission;
import org.ledgerport.core.access.Role;
import org.ledgerport.core.store.Activity;
import org.ledgerport.core.store.ProcessLog;
import org.ledgerport.core.store.UserRoles;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The roles kept in the database, checked for every engine action that changes something. */
@Component(service = AccessControl.class)
public final class WorkstationAccess implements AccessControl {

    /** Framework property naming the user when it is not the operating system's user. */
    static final String USER_PROPERTY = "ledgerport.user";

    private final UserRoles roles;
    private final ProcessLog processLog;
    private final String currentUser;

    @Activate
    public WorkstationAccess(@Reference UserRoles roles, @Reference ProcessLog processLog, BundleContext context) {
        this.roles = roles;
        this.processLog = processLog;
        String configured = context.getProperty(USER_PROPERTY);
        this.currentUser = configured == null || configured.isBlank() ? System.getProperty("user.name") : configured.strip();
    }

    @Override
    public String currentUser() {
        return currentUser;
    }

    @Override
    public Role roleOf(String user) {
        return roles.role(user).orElseGet(() -> {
            // Claiming locks the roles; once there is an owner, reading is enough.
            if (roles.roles().containsValue(Role.OWNER) || !roles.claimFirstOwner(user)) {
                return Role.BILLER;
            }
            processLog.record(new Activity(0, Instant.now(), user, "", Activity.Kind.ROLE_CHANGED, "", "",
                    user + " became the owner, as the first user of this database."));
            return Role.OWNER;
        });
    }

    @Override
    public void check(String user, Permission permission) {
        permission.refusal(user, roleOf(user)).ifPresent(reason -> {
            throw new AccessDeniedException(user, permission, reason);
        });
    }

    @Override
    public boolean allows(String user, Permission permission) {
        return roleOf(user).includes(permission.needs());
    }

    @Override
    public Map<String, Role> users() {
        return roles.roles();
    }

    @Override
    public void assign(String actingUser, String user, Role role) {
        check(actingUser, Permission.MANAGE_ROLES);
        String name = requireName(user);
        Role before = roles.role(name).orElse(null);
        roles.assign(name, role);
        processLog.record(new Activity(0, Instant.now(), actingUser, "", Activity.Kind.ROLE_CHANGED, "", "",
                before == null ? "%s was given the %s role.".formatted(name, role.label().toLowerCase())
                        : "%s's role changed from %s to %s.".formatted(name, before.label().toLowerCase(),
                                role.label().toLowerCase())));
    }

    @Override
    public void remove(String actingUser, String user) {
        check(actingUser, Permission.MANAGE_ROLES);
        roles.remove(user);
        processLog.record(new Activity(0, Instant.now(), actingUser, "", Activity.Kind.ROLE_CHANGED, "", "",
                "%s's role was removed; they are a biller now.".formatted(user)));
    }

    private static String requireName(String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("Give the user's name, as they sign in to this computer.");
        }
        return user.strip();
    }
}
