package org.ledgerport.core.connector;

import java.util.Objects;

import org.ledgerport.core.credentials.Credentials;
import org.ledgerport.core.model.Connection;

/** What a connector is given to work with one account: its connection and that connection's secrets. */
public record ConnectionContext(Connection connection, Credentials credentials) {

    public ConnectionContext {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(credentials, "credentials");
    }
}
