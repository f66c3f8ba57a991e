package org.ledgerport.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.core.tests.OsgiTestSupport.testConnectorJar;
import static org.ledgerport.testing.support.Osgi.await;
import static org.ledgerport.testing.support.Osgi.context;
import static org.ledgerport.testing.support.Osgi.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.osgi.framework.Bundle;

/**
 * A connector bundle copied into the watched dropins folder of a running framework is installed and started,
 * and its connector appears; deleting the file uninstalls it again. No restart in between.
 */
class DropinsFolderTest {

    private static final String BUNDLE = "org.ledgerport.testing.connector";

    @Test
    void aBundleCopiedIntoDropinsIsInstalledAndRemovedWhenDeleted() throws Exception {
        Path dropins = Path.of(System.getProperty("felix.fileinstall.dir"));
        Files.createDirectories(dropins);
        ConnectorRegistry registry = service(ConnectorRegistry.class);
        assertTrue(registry.find("test-books").isEmpty());

        Path dropped = dropins.resolve("test-books-connector.jar");
        // Copy under another name first and rename, as an installer would, so the watcher never sees half a jar.
        Path partial = Files.copy(testConnectorJar(), dropins.resolve("test-books-connector.part"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, dropped, StandardCopyOption.ATOMIC_MOVE);
        try {
            await("the dropped-in connector to appear", () -> registry.find("test-books").isPresent());
            Bundle installed = installedTestConnector();
            assertEquals(Bundle.ACTIVE, installed.getState(), "FileInstall starts what it installs");
            assertTrue(installed.getLocation().contains("test-books-connector.jar"), installed.getLocation());
        } finally {
            Files.deleteIfExists(dropped);
        }
        await("the deleted connector to disappear", () -> registry.find("test-books").isEmpty());
        await("its bundle to be uninstalled", () -> installedTestConnector() == null);
    }

    private static Bundle installedTestConnector() {
        return Arrays.stream(context().getBundles()).filter(b -> BUNDLE.equals(b.getSymbolicName())).findFirst()
                .orElse(null);
    }
}
