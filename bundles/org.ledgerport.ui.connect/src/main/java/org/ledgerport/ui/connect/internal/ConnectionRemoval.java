package org.ledgerport.ui.connect.internal;

import java.util.Optional;

import org.ledgerport.core.access.Permission;
import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.ui.CurrentUser;

/** Removing a connection, from the Connections view or by cancelling the wizard that made it. */
final class ConnectionRemoval {

    private static final System.Logger LOG = System.getLogger(ConnectionRemoval.class.getName());

    private ConnectionRemoval() {
    }

    /**
     * Signs the connection out of its package (when its connector is installed), then forgets its secrets and
     * deletes it. It reaches the network and the database: call it in a job.
     *
     * @param user who removes it, as the process log records it
     * @return why signing out failed, or an empty string; the connection is removed either way
     * @throws org.ledgerport.core.store.StoreException when the connection could not be deleted
     * @throws org.ledgerport.core.access.AccessDeniedException when the user may not manage connections; then
     *         nothing was done
     */
    static String remove(Connection connection, CurrentUser user, ConnectorRegistry registry,
            CredentialStore credentials, ConnectionStore connections) {
        // Refused before signing out, so that a refusal leaves the connection working.
        user.check(Permission.MANAGE_CONNECTIONS);
        String signOut = "";
        Optional<Connector> connector = registry.find(connection.connectorId());
        if (connector.isPresent()) {
            try {
                connector.get().disconnect(new ConnectionContext(connection,
                        credentials.forConnection(connection.uid())));
            } catch (ConnectorException e) {
                signOut = e.problem().message();
            } catch (RuntimeException e) {
                // A connector's fault must not leave the connection behind.
                LOG.log(System.Logger.Level.ERROR, "The connector failed to sign out", e);
                signOut = "its connector failed (" + e.getMessage() + ")";
            }
        }
        credentials.forget(connection.uid());
        connections.deleteConnection(user.name(), connection.id());
        return signOut;
    }
}
