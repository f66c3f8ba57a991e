package org.ledgerport.core.store;

import java.util.Map;
import java.util.Optional;

import org.ledgerport.core.access.Role;

/** The users given a role at this workstation (or all workstations on a shared database). */
public interface UserRoles {

    /** The users with a role, by name. */
    Map<String, Role> roles();

    Optional<Role> role(String user);

    /**
     * Makes the user the owner if nobody is an owner yet, atomically, so two first users cannot both become it.
     *
     * @return whether the user became the owner
     */
    boolean claimFirstOwner(String user);

    /** Gives the user the role; refuses (a {@link StoreException}) to leave the database with no owner. */
    void assign(String user, Role role);

    /** Forgets the user's role; refuses to remove the last owner. */
    void remove(String user);
}
