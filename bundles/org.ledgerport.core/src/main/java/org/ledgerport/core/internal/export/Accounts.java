package org.ledgerport.core.internal.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.export.ExportException;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.ExportJournal;
import org.ledgerport.core.store.ExportJournal.ExportReference;

/** The connections and their connectors, as every engine service reaches an accounting package. */
final class Accounts {

    private final ConnectorRegistry connectors;
    private final ConnectionStore connections;
    private final CredentialStore credentials;

    Accounts(ConnectorRegistry connectors, ConnectionStore connections, CredentialStore credentials) {
        this.connectors = connectors;
        this.connections = connections;
        this.credentials = credentials;
    }

    Connection connection(long connectionId) {
        return connections.findConnection(connectionId)
                .orElseThrow(() -> new ExportException("Connection #" + connectionId + " does not exist (any more)."));
    }

    List<Connection> all() {
        return connections.listConnections();
    }

    Connector connector(Connection connection) {
        return connectors.find(connection.connectorId())
                .orElseThrow(() -> new ExportException(("Connection '%s' uses the connector '%s', which is not "
                        + "installed. Install its bundle (or drop it into the dropins folder) and try again.")
                        .formatted(connection.name(), connection.connectorId())));
    }

    boolean installed(Connection connection) {
        return connectors.find(connection.connectorId()).isPresent();
    }

    ConnectionContext context(Connection connection) {
        return new ConnectionContext(connection, credentials.forConnection(connection.uid()));
    }

    /** Opens a session on the connection; a package that cannot be reached becomes an {@link ExportException}. */
    ConnectorSession open(Connection connection) {
        try {
            return connector(connection).openSession(context(connection));
        } catch (ConnectorException e) {
            throw new ExportException(e.problem());
        }
    }

    /** The package's name and the connection's, as the invoice history names where a change came from. */
    String source(Connection connection) {
        return "%s (%s)".formatted(connection.name(), connector(connection).descriptor().displayName());
    }

    /** Where the invoice is exported and not withdrawn, per connection. */
    Map<Connection, ExportReference> liveReferences(ExportJournal journal, long invoiceId) {
        Map<Connection, ExportReference> found = new LinkedHashMap<>();
        for (Connection connection : all()) {
            ExportReference reference = journal.references(connection.id(), List.of(invoiceId)).get(invoiceId);
            if (reference != null) {
                found.put(connection, reference);
            }
        }
        return found;
    }

    /** The connections that export on finalize or refresh by themselves, whose connector is installed. */
    List<Connection> automated() {
        List<Connection> automated = new ArrayList<>();
        for (Connection connection : all()) {
            if ((connection.exportsOnFinalize() || connection.refreshMinutes() > 0) && installed(connection)) {
                automated.add(connection);
            }
        }
        return automated;
    }
}
