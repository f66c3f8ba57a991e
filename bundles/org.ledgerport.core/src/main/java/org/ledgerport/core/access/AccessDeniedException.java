package org.ledgerport.core.access;

import java.util.Objects;

/** A user asked for something their role does not allow; the message names the role needed. */
public final class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String user;
    private final Permission permission;

    public AccessDeniedException(String user, Permission permission, String message) {
        super(message);
        this.user = Objects.requireNonNull(user, "user");
        this.permission = Objects.requireNonNull(permission, "permission");
    }

    public String user() {
        return user;
    }

    public Permission permission() {
        return permission;
    }
}
