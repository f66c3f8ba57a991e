package org.ledgerport.testing.support;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/** Helpers for tests that run inside the OSGi framework, where DS brings services up a little after start. */
public final class Osgi {

    /** How long a test waits for something the framework does in the background. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private Osgi() {
    }

    /** This bundle's context: valid for the whole run, whatever the bundles under test do. */
    public static BundleContext context() {
        var bundle = FrameworkUtil.getBundle(Osgi.class);
        assertNotNull(bundle, "the test must run inside an OSGi framework");
        return bundle.getBundleContext();
    }

    public static <T> T service(Class<T> type) throws InterruptedException {
        return await(new ServiceTracker<>(context(), type, null), type.getSimpleName());
    }

    /** A service of the type that also matches an LDAP filter, such as "(type=osgi.instance.area)". */
    public static <T> T service(Class<T> type, String filter) throws InterruptedException {
        BundleContext context = context();
        try {
            String both = "(&(objectClass=" + type.getName() + ")" + filter + ")";
            return await(new ServiceTracker<T, T>(context, context.createFilter(both), null),
                    type.getSimpleName() + " " + filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("Not an LDAP filter: " + filter, e);
        }
    }

    private static <T> T await(ServiceTracker<T, T> tracker, String what) throws InterruptedException {
        tracker.open();
        T service = tracker.waitForService(PATIENCE.toMillis());
        assertNotNull(service, "no " + what + " service within " + PATIENCE);
        return service;
    }

    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "gave up waiting: " + what);
            Thread.sleep(50);
        }
    }
}
