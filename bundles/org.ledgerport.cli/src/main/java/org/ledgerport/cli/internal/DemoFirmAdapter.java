package org.ledgerport.cli.internal;

import java.time.Duration;

import org.ledgerport.demo.DemoFirm;
import org.ledgerport.demo.DemoReport;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The demo bundle's {@link DemoFirm} behind the command line's own {@link DemoLoader}. Only made when this bundle
 * is wired to the demo package, which it imports optionally.
 */
final class DemoFirmAdapter implements DemoLoader, AutoCloseable {

    private final ServiceTracker<DemoFirm, DemoFirm> tracker;
    private final Duration patience;

    DemoFirmAdapter(BundleContext context, Duration patience) {
        this.patience = patience;
        tracker = new ServiceTracker<>(context, DemoFirm.class, null);
        tracker.open();
    }

    @Override
    public Loaded load() {
        DemoFirm firm;
        try {
            firm = tracker.waitForService(patience.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotRunException("Stopped while waiting for the demo firm.");
        }
        if (firm == null) {
            throw new CannotRunException("The demo firm did not start within %d s; the workspace's .metadata/.log says why."
                    .formatted(patience.toSeconds()));
        }
        DemoReport report = firm.load();
        return new Loaded(report.summary(), report.connection());
    }

    @Override
    public void close() {
        tracker.close();
    }
}
