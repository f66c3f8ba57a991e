package org.ledgerport.testing.support;

import java.util.Map;

import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.access.Role;

/** The roles of the people a test acts as, given the way an owner gives them. */
public final class Roles {

    /** The user tests act as by default: the operating system's, as at a workstation. */
    public static final String ME = System.getProperty("user.name");

    private Roles() {
    }

    /**
     * Makes {@link #ME} an owner. The first user who acted on the test database became its owner; if that was
     * someone else, that owner gives {@link #ME} the role.
     */
    public static AccessControl meAsOwner() throws InterruptedException {
        AccessControl access = Osgi.service(AccessControl.class);
        if (access.roleOf(ME) != Role.OWNER) {
            String owner = access.users().entrySet().stream().filter(e -> e.getValue() == Role.OWNER)
                    .map(Map.Entry::getKey).findFirst().orElseThrow();
            access.assign(owner, ME, Role.OWNER);
        }
        return access;
    }
}
