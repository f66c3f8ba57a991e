package org.ledgerport.ui;

/** Ids of commands one UI bundle runs and another handles, so neither depends on the other's classes. */
public final class CommandIds {

    public static final String OPEN_INVOICE = "org.ledgerport.ui.command.openInvoice";
    public static final String INVOICE_ID = "org.ledgerport.ui.commandparameter.invoiceId";

    public static final String NEW_CONNECTION = "org.ledgerport.connect.command.newConnection";
    public static final String EDIT_CONNECTION = "org.ledgerport.connect.command.editConnection";
    public static final String RECONNECT = "org.ledgerport.connect.command.reconnect";
    public static final String CONNECTION_ID = "org.ledgerport.ui.commandparameter.connectionId";

    /** Asks the accounting packages what became of the exported invoices; {@link #CONNECTION_ID} for one only. */
    public static final String REFRESH_STATUS = "org.ledgerport.ui.command.refreshStatus";

    /** Opens Users and Roles, where an owner gives the workstation's users their roles. */
    public static final String USERS_AND_ROLES = "org.ledgerport.ui.command.usersAndRoles";

    private CommandIds() {
    }
}
