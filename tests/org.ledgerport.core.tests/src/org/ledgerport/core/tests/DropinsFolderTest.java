package org.ledgerport.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.core.tests.OsgiTestSupport.fileConnectorJar;
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

    @Test
    void aBundleCopiedIntoDropinsIsInstalledAndRemovedWhenDeleted() throws Exception {
        dropIn(testConnectorJar(), "org.ledgerport.testing.connector", "test-books");
    }

    @Test
    void theOfflineFileConnectorWorksAsADroppedInBundle() throws Exception {
        dropIn(fileConnectorJar(), "org.ledgerport.connector.file", "file-export");
    }

    private static void dropIn(Path jar, String symbolicName, String connectorId) throws Exception {
        Path dropins = Path.of(System.getProperty("felix.fileinstall.dir"));
        Files.createDirectories(dropins);
        ConnectorRegistry registry = service(ConnectorRegistry.class);
        assertTrue(registry.find(connectorId).isEmpty(), connectorId + " is not installed yet");

        Path dropped = dropins.resolve(connectorId + "-connector.jar");
        // Copy under another name first and rename, as an installer would, so the watcher never sees half a jar.
        Path partial = Files.copy(jar, dropins.resolve(connectorId + "-connector.part"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, dropped, StandardCopyOption.ATOMIC_MOVE);
        try {
            await("the dropped-in connector to appear", () -> registry.find(connectorId).isPresent());
            Bundle installed = installed(symbolicName);
            assertEquals(Bundle.ACTIVE, installed.getState(), "FileInstall starts what it installs");
            assertTrue(installed.getLocation().contains(dropped.getFileName().toString()), installed.getLocation());
        } finally {
            Files.deleteIfExists(dropped);
        }
        await("the deleted connector to disappear", () -> registry.find(connectorId).isEmpty());
        await("its bundle to be uninstalled", () -> installed(symbolicName) == null);
    }

    private static Bundle installed(String symbolicName) {
        return Arrays.stream(context().getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElse(null);
    }
}
