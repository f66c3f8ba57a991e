package org.ledgerport.core.access;

import java.util.Map;

/**
 * The workstation's users and their roles, kept in the database. A user is known by the name the operating
 * system gives them unless the framework property {@code ledgerport.user} says otherwise. The first user of a
 * database that has no owner yet becomes its owner; any other user no owner has given a role is a biller.
 */
public interface AccessControl {

    /** Who is using this workstation. */
    String currentUser();

    /** The user's role; may record the first owner of a new database. */
    Role roleOf(String user);

    /** Refuses with {@link AccessDeniedException}, naming the role needed, when the user's role does not allow it. */
    void check(String user, Permission permission);

    boolean allows(String user, Permission permission);

    /** The users who have been given a role, by name. */
    Map<String, Role> users();

    /** Gives a user a role; only an owner may, and the last owner cannot stop being one. */
    void assign(String actingUser, String user, Role role);

    /** Forgets a user's role, so they are a biller again; only an owner may, and never the last owner. */
    void remove(String actingUser, String user);
}
