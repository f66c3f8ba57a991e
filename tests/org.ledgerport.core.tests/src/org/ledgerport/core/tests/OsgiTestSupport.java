package org.ledgerport.core.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the connector bundles they install and drop in at run time. */
final class OsgiTestSupport {

    private OsgiTestSupport() {
    }

    /** The scripted test connector bundle built by the reactor; its path comes from the test's pom. */
    static Path testConnectorJar() {
        return builtJar("ledgerport.testConnectorJar");
    }

    /** The offline file connector bundle as the reactor built it, for the dropins test. */
    static Path fileConnectorJar() {
        return builtJar("ledgerport.fileConnectorJar");
    }

    private static Path builtJar(String property) {
        String path = System.getProperty(property);
        assertNotNull(path, "system property " + property + " is not set");
        Path jar = Path.of(path);
        assertTrue(Files.isRegularFile(jar), "the connector bundle was not built: " + jar);
        return jar;
    }
}
