package org.ledgerport.core.connector;

import java.util.Objects;

/**
 * What the workstation shows of a connector before it is used.
 *
 * @param id          stable identifier, stored with each connection (for example "xero")
 * @param displayName the accounting package's name as a bookkeeper knows it
 * @param description one sentence on what the connector does
 */
public record ConnectorDescriptor(String id, String displayName, String description) {

    public ConnectorDescriptor {
        Objects.requireNonNull(description, "description");
        if (id == null || !id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException(
                    "A connector id is lower-case letters, digits, '.', '_' or '-', not '" + id + "'");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("Connector " + id + " needs a display name");
        }
    }
}
