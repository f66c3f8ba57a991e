package org.ledgerport.core.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the connector bundle they install and drop in at run time. */
final class OsgiTestSupport {

    private OsgiTestSupport() {
    }

    /** The connector bundle built by the reactor for tests to install; its path comes from the test's pom. */
    static Path testConnectorJar() {
        String path = System.getProperty("ledgerport.testConnectorJar");
        assertNotNull(path, "system property ledgerport.testConnectorJar is not set");
        Path jar = Path.of(path);
        assertTrue(Files.isRegularFile(jar), "the test connector bundle was not built: " + jar);
        return jar;
    }
}
