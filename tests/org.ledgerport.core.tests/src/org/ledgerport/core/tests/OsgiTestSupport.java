package org.ledgerport.core.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Small helpers for tests that run inside the OSGi framework. */
final class OsgiTestSupport {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    private OsgiTestSupport() {
    }

    static BundleContext context() {
        var bundle = FrameworkUtil.getBundle(OsgiTestSupport.class);
        assertNotNull(bundle, "the test must run inside an OSGi framework");
        return bundle.getBundleContext();
    }

    /** Waits for a service, as DS may activate it a little after the framework started. */
    static <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), type, null);
        tracker.open();
        T service = tracker.waitForService(PATIENCE.toMillis());
        assertNotNull(service, "no " + type.getSimpleName() + " service within " + PATIENCE);
        return service;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "gave up waiting: " + what);
            Thread.sleep(50);
        }
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
