package org.ledgerport.testing.connector;

import org.ledgerport.core.connector.Connector;
import org.ledgerport.testing.support.ScriptedConnector;
import org.osgi.service.component.annotations.Component;

/** The scripted connector as a bundle of its own: what the tests install and drop in at run time. */
@Component(service = Connector.class)
public final class TestBooksConnector extends ScriptedConnector {

    public TestBooksConnector() {
        super("test-books", "Test Books", 25);
    }
}
