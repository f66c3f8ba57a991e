package org.ledgerport.ui.connect.internal;

import org.eclipse.e4.ui.di.UISynchronize;
import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.ui.ConnectionStatus;
import org.ledgerport.ui.CurrentUser;
import org.ledgerport.ui.SystemBrowser;

/**
 * The services the wizard's pages work with, as the workbench injected them into the wizard.
 *
 * @param user who uses the wizard: every change of a connection is theirs in the process log
 */
record Services(ConnectorRegistry registry, ConnectorWatch watch, ConnectionStore connections,
        CredentialStore credentials, InvoiceStore invoices, SystemBrowser browser, ConnectionStatus status,
        CurrentUser user, UISynchronize ui) {

    /** What a connector needs to work on the connection: the connection and its secrets. */
    ConnectionContext context(Connection connection) {
        return new ConnectionContext(connection, credentials.forConnection(connection.uid()));
    }
}
