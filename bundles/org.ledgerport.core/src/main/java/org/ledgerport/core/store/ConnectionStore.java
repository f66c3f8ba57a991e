package org.ledgerport.core.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.NumberingPolicy;

/**
 * The firm's connections to accounting companies, with their settings and mappings; never their secrets. Only an
 * owner may change them ({@link org.ledgerport.core.access.AccessDeniedException} otherwise), and every change
 * is attributed to its user in the process log.
 */
public interface ConnectionStore {

    /** Event Admin topic posted after connections were written. */
    String TOPIC_CONNECTIONS_CHANGED = "org/ledgerport/store/connections/CHANGED";

    /** Saves a new connection with a fresh uid. Names are unique. */
    Connection createConnection(String user, String connectorId, String name, Map<String, String> settings,
            Map<MappingKind, Map<String, String>> mappings, NumberingPolicy numbering);

    /** Saves a connection read at its {@code version()}; refuses when someone saved it in between. */
    Connection updateConnection(String user, Connection connection);

    /** Removes a connection; what was exported through it stays in the process log. */
    void deleteConnection(String user, long id);

    Optional<Connection> findConnection(long id);

    Optional<Connection> findConnectionByName(String name);

    List<Connection> listConnections();
}
