package org.ledgerport.core.access;

import java.util.Optional;

/** Something a user may be refused, with the least role that may do it. */
public enum Permission {
    PREPARE_INVOICES(Role.BILLER, "prepare and finalize invoices"),
    EXPORT(Role.EXPORTER, "export invoices"),
    REFRESH_STATUS(Role.EXPORTER, "refresh the status from the accounting package"),
    RECORD_PAYMENTS(Role.EXPORTER, "record payments"),
    REVERT_EXPORTED(Role.OWNER, "revert exported invoices"),
    MANAGE_CONNECTIONS(Role.OWNER, "manage connections"),
    MANAGE_ROLES(Role.OWNER, "manage users and their roles");

    private final Role needs;
    private final String action;

    Permission(Role needs, String action) {
        this.needs = needs;
        this.action = action;
    }

    /** The least role that may do it. */
    public Role needs() {
        return needs;
    }

    /** What it is, to finish "… may …". */
    public String action() {
        return action;
    }

    /** Why a user with the role is refused, in plain words; empty when the role allows it. */
    public Optional<String> refusal(String user, Role role) {
        if (role.includes(needs)) {
            return Optional.empty();
        }
        return Optional.of(("Only a user with the %s role may %s; %s is %s %s. Ask an owner of this "
                + "workstation to give you the %s role.").formatted(needs.label().toLowerCase(), action, user,
                        role == Role.OWNER || role == Role.EXPORTER ? "an" : "a", role.label().toLowerCase(),
                        needs.label().toLowerCase()));
    }
}
