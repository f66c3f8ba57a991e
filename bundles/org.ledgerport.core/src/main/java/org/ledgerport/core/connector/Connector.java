package org.ledgerport.core.connector;

/**
 * An accounting package Ledgerport can export invoices to. A connector bundle registers an implementation as
 * an OSGi service; the {@link ConnectorRegistry} finds it, whether it was installed with the workstation or
 * dropped into the dropins folder later. A connector knows the SPI and its vendor and nothing else: no UI, no
 * database, no other connector.
 */
public interface Connector {

    ConnectorDescriptor descriptor();

    /**
     * Signs in to one account for the first time (or again, when its sign-in died) and says which account it
     * is. Interactive connectors use {@code signIn} to send the user to the vendor's page.
     */
    AccountInfo connect(ConnectionContext context, SignIn signIn) throws ConnectorException, InterruptedException;

    /** Checks that the account can be reached with what the connection holds now. */
    AccountInfo test(ConnectionContext context) throws ConnectorException;

    /** Signs out and forgets the account's credentials. */
    void disconnect(ConnectionContext context) throws ConnectorException;

    /** Opens a session for exporting to the account; the caller closes it. */
    ConnectorSession openSession(ConnectionContext context) throws ConnectorException;
}
