package org.ledgerport.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.Test;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

/**
 * A connection that exports each invoice as soon as it is finalized, while QuickBooks Online cannot be reached:
 * the Export view lists the invoice as queued, with its tries and why they failed, and once QuickBooks is back,
 * Retry now exports it, once. (The queue holds every finalized invoice not yet exported through the connection, so
 * other tests' invoices may wait with this one; the test looks at its own.)
 */
class AutoExportTest {

    private static final String USER = System.getProperty("user.name");

    @Test
    void anInvoiceFinalizedWhileQuickBooksIsDownWaitsQueuedAndIsExportedOnceItIsBack() throws Exception {
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        ConnectionStore connections = Osgi.service(ConnectionStore.class);
        Firm firm = new Firm(store, "AEQ");
        Customer customer = firm.customer("Slipway Marine");
        try (ExportQuickBooks quickBooks = ExportQuickBooks.start()) {
            Connection signedIn = quickBooks.connected();
            try (NetworkCable cable = NetworkCable.to(URI.create(signedIn.setting("serviceAddress", "")))) {
                cable.unplug();
                Connection connection = exportingOnFinalize(connections, signedIn, cable.address());
                try (RunningWorkbench workbench = RunningWorkbench.start()) {
                    ExportView export = ExportView.open(workbench);
                    export.choose(connection.name());
                    Label queue = export.control("export.queue");
                    workbench.await("the view to say the connection exports by itself", () -> queue.isVisible()
                            && queue.getText().contains(" by itself as soon as it is finalized"));

                    Invoice invoice = firm.finalized(customer, "60.00");
                    workbench.await(() -> "invoice " + invoice.number() + " queued, with why its try failed; the "
                            + "view shows " + workbench.onUi(() -> export.statuses(List.of(invoice))), () -> {
                                String status = export.statuses(List.of(invoice)).getOrDefault(invoice.number(), "");
                                return status.startsWith("Queued: tried ") && status.contains(" \u00b7 ");
                            });
                    String queued = workbench.onUi(() -> export.statuses(List.of(invoice))).get(invoice.number());
                    assertTrue(queued.matches("Queued: tried (once|\\d+ times), (next try .+|to be tried now) \u00b7 .+"),
                            "tries, next try and the last problem: " + queued);
                    workbench.await("the queue's count above the list",
                            () -> queue.getText().contains(" waiting (Queued below)"));
                    assertEquals(InvoiceStatus.FINALIZED, store.findInvoice(invoice.id()).orElseThrow().status());
                    assertTrue(quickBooks.company().invoices().stream().noneMatch(i -> i.path("PrivateNote")
                            .asText().contains("[LP-" + invoice.id() + "-v")), "nothing reached QuickBooks");
                    workbench.screenshot(export.shell(), "export-view-queued");

                    cable.plugIn();
                    Button retry = export.control("export.retryNow");
                    workbench.await("Retry now to be enabled", retry::isEnabled);
                    workbench.onUi(() -> {
                        Ui.click(retry);
                        return null;
                    });
                    workbench.await(() -> "invoice " + invoice.number() + " exported by itself; the view shows "
                            + workbench.onUi(() -> export.statuses(List.of(invoice))),
                            () -> export.statuses(List.of(invoice)).getOrDefault(invoice.number(), "")
                                    .startsWith("Exported as "));
                    String number = quickBooks.numberOf(invoice);
                    assertEquals("Exported as " + number + " by itself",
                            workbench.onUi(() -> export.statuses(List.of(invoice))).get(invoice.number())
                                    .replaceFirst(" \\(.*\\)$", ""));
                    assertEquals(InvoiceStatus.EXPORTED, store.findInvoice(invoice.id()).orElseThrow().status());
                    assertEquals(1, quickBooks.company().invoices().stream().filter(i -> i.path("PrivateNote")
                            .asText().contains("[LP-" + invoice.id() + "-v")).count(), "exported once");
                }
            } finally {
                // Invoices other tests finalize are no business of this connection.
                connections.findConnection(signedIn.id()).ifPresent(c -> connections.deleteConnection(USER, c.id()));
            }
        }
    }

    /** The connection, reaching QuickBooks through the cable and exporting each invoice as it is finalized. */
    private static Connection exportingOnFinalize(ConnectionStore connections, Connection connection, URI address) {
        Map<String, String> settings = new TreeMap<>(connection.settings());
        settings.put("serviceAddress", address.toString());
        settings.put(Connection.EXPORT_ON_FINALIZE, "true");
        return connections.updateConnection(USER, new Connection(connection.id(), connection.uid(),
                connection.connectorId(), connection.name(), settings, connection.mappings(), connection.numbering(),
                connection.version()));
    }
}
