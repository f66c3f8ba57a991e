package org.ledgerport.testing.connector;

import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorDescriptor;
import org.osgi.service.component.annotations.Component;

/** A connector that only describes itself: what the tests install at run time to watch the registry react. */
@Component
public final class TestBooksConnector implements Connector {

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("test-books", "Test Books",
            "A connector bundle used by Ledgerport's own tests.");

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }
}
