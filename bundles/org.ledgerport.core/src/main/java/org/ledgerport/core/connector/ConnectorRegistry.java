package org.ledgerport.core.connector;

import java.util.List;
import java.util.Optional;

/** The connectors available right now. Connectors come and go at run time as their bundles start and stop. */
public interface ConnectorRegistry {

    /** The available connectors, by display name. */
    List<Connector> connectors();

    Optional<Connector> find(String id);
}
