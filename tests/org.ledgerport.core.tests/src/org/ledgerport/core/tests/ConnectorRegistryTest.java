package org.ledgerport.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.core.tests.OsgiTestSupport.testConnectorJar;
import static org.ledgerport.testing.support.Osgi.await;
import static org.ledgerport.testing.support.Osgi.context;
import static org.ledgerport.testing.support.Osgi.service;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.testing.support.ScriptedConnector;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;

/** The registry follows connector services as bundles come and go, and holds several at once. */
class ConnectorRegistryTest {

    private static final String TEST_BOOKS = "test-books";

    @Test
    void seesConnectorsRegisteredLaterAndForgetsThemWhenTheirBundleStops() throws Exception {
        ConnectorRegistry registry = service(ConnectorRegistry.class);
        assertTrue(registry.find(TEST_BOOKS).isEmpty(), "the test connector is not installed yet");

        Bundle bundle = context().installBundle(testConnectorJar().toUri().toString());
        ServiceRegistration<Connector> inline = null;
        try {
            bundle.start();
            await("the registry to see the connector of a bundle started after it",
                    () -> registry.find(TEST_BOOKS).isPresent());
            assertEquals("Test Books", registry.find(TEST_BOOKS).orElseThrow().descriptor().displayName());

            inline = context().registerService(Connector.class,
                    new ScriptedConnector("another-ledger", "Another Ledger", 10), null);
            assertEquals(List.of("Another Ledger", "Test Books"), displayNames(registry),
                    "both connectors, by display name");

            bundle.stop();
            assertTrue(registry.find(TEST_BOOKS).isEmpty(), "a stopped bundle's connector is forgotten at once");
            assertEquals(List.of("Another Ledger"), displayNames(registry), "the other connector stays");

            inline.unregister();
            inline = null;
            assertTrue(registry.connectors().stream().noneMatch(c -> c.descriptor().id().equals("another-ledger")));
        } finally {
            if (inline != null) {
                inline.unregister();
            }
            bundle.uninstall();
        }
    }

    private static List<String> displayNames(ConnectorRegistry registry) {
        return registry.connectors().stream().map(c -> c.descriptor().displayName()).toList();
    }
}
