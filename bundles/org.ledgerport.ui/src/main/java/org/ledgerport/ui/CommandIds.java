package org.ledgerport.ui;

/** Ids of commands one UI bundle runs and another handles, so neither depends on the other's classes. */
public final class CommandIds {

    public static final String OPEN_INVOICE = "org.ledgerport.ui.command.openInvoice";
    public static final String INVOICE_ID = "org.ledgerport.ui.commandparameter.invoiceId";

    public static final String NEW_CONNECTION = "org.ledgerport.connect.command.newConnection";
    public static final String EDIT_CONNECTION = "org.ledgerport.connect.command.editConnection";
    public static final String RECONNECT = "org.ledgerport.connect.command.reconnect";
    public static final String CONNECTION_ID = "org.ledgerport.ui.commandparameter.connectionId";

    private CommandIds() {
    }
}
