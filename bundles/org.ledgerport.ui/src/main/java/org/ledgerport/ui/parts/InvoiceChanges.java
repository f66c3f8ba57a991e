package org.ledgerport.ui.parts;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.widgets.Control;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.ui.internal.StatusRefresher;
import org.osgi.service.event.EventHandler;

/**
 * What leaves a view of invoices, or of what was done to them, out of date: the store changed invoices (exports,
 * including the queue's own, reverts, payments, status changes), or a status refresh ended, which may change only
 * what a package says of an invoice (partly paid, approved).
 */
final class InvoiceChanges {

    private InvoiceChanges() {
    }

    /** Runs {@code changed} on the UI thread after each of these, until the view's control is disposed. */
    static void follow(IEventBroker events, Control view, Runnable changed) {
        EventHandler invoices = event -> changed.run();
        EventHandler refreshes = event -> {
            if (((StatusRefresher.Outcome) event.getProperty(IEventBroker.DATA)).finished()) {
                changed.run();
            }
        };
        events.subscribe(InvoiceStore.TOPIC_INVOICES_CHANGED, invoices);
        events.subscribe(StatusRefresher.TOPIC, refreshes);
        view.addDisposeListener(e -> {
            events.unsubscribe(invoices);
            events.unsubscribe(refreshes);
        });
    }
}
