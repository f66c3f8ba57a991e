package org.ledgerport.demo.internal;

import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.demo.DemoFirm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Loads the demo firm when the workstation starts on an empty database with the framework property
 * {@value #PROPERTY} set to true, as the demo launch and the screenshots do. It never fails the start: what it
 * did, or why it did not, is one line on the console.
 */
@Component(immediate = true)
public final class DemoOnFirstStart {

    static final String PROPERTY = "ledgerport.demo";

    @Activate
    public DemoOnFirstStart(BundleContext context, @Reference DemoFirm demo, @Reference InvoiceStore store) {
        if (Boolean.parseBoolean(context.getProperty(PROPERTY))) {
            // Off the SCR thread, so the workbench does not wait for the demo firm; its list reloads when it lands.
            Thread.ofVirtual().name("Ledgerport: demo firm").start(() -> loadIntoEmpty(demo, store));
        }
    }

    private static void loadIntoEmpty(DemoFirm demo, InvoiceStore store) {
        try {
            if (!store.isEmpty()) {
                return;
            }
            System.out.println(demo.load().summary());
        } catch (IllegalStateException refused) {
            System.err.println(refused.getMessage());
        } catch (RuntimeException e) {
            System.err.println("The demo firm was not loaded: " + e.getMessage());
        }
    }
}
