package org.ledgerport.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.ledgerport.core.export.ExportListener;
import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.export.ExportRequest;
import org.ledgerport.core.export.ExportService;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;
import org.ledgerport.ui.CommandIds;
import org.ledgerport.ui.Formats;
import org.ledgerport.ui.parts.ErrorPart;
import org.ledgerport.ui.parts.InvoiceListPart;

/**
 * Refresh Status against the QuickBooks Online simulator, after a bookkeeper there took a payment in full, took part
 * of another and voided a third: the Export view says so in plain words, the invoice list shows the paid invoice
 * closed and the partly paid one still exported, and the voided one waits for a decision in the Errors view.
 */
class StatusRefreshTest {

    private static final int NUMBER = 0;
    private static final int STATUS = 5;
    private static final int EXPORT_STATUS = 6;

    @Test
    void refreshStatusBringsBackWhatQuickBooksDidWithTheExportedInvoices() throws Exception {
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        Firm firm = new Firm(store, "RSQ");
        try (ExportQuickBooks quickBooks = ExportQuickBooks.start()) {
            Connection connection = quickBooks.connected();
            Customer customer = firm.customer("Pier Chandlers");
            Invoice paid = firm.finalized(customer, "100.00");
            Invoice partly = firm.finalized(customer, "200.00");
            Invoice voided = firm.finalized(customer, "50.00");
            export(connection, List.of(paid, partly, voided));
            quickBooks.company().markPaid(quickBooks.idOf(paid));
            quickBooks.company().receivePayment(quickBooks.idOf(partly), new BigDecimal("80.00"));
            quickBooks.company().voidInvoice(quickBooks.idOf(voided));
            String due = Formats.money(Money.of(quickBooks.exported(partly).path("Balance").decimalValue()
                    .toPlainString(), "EUR"));

            try (RunningWorkbench workbench = RunningWorkbench.start()) {
                ExportView export = ExportView.open(workbench);
                export.choose(connection.name());
                workbench.execute(CommandIds.REFRESH_STATUS,
                        Map.of(CommandIds.CONNECTION_ID, Long.toString(connection.id())));
                Link outcome = export.control("export.statusRefresh");
                String where = "QuickBooks Online \u2013 " + connection.name() + ": ";
                workbench.await(() -> "the refresh's outcome; the view says '" + workbench.onUi(outcome::getText)
                        + "'", () -> outcome.isVisible() && outcome.getText().startsWith(where));
                assertEquals(where + "1 paid and closed, 1 partly paid (" + due + " still due), 1 voided there "
                        + "\u2013 needs your decision. <a>See the Errors view</a> to decide what happens to it here.",
                        workbench.onUi(outcome::getText));
                workbench.screenshot(export.shell(), "export-view-status-refreshed");

                Composite list = Ui.part(workbench, InvoiceListPart.ID);
                workbench.onUi(() -> {
                    Ui.type((Text) Ui.byId(list, "invoices.text"), "RSQ-");
                    return null;
                });
                Table table = workbench.onUi(() -> Ui.byId(list, "invoices.table"));
                workbench.await(() -> "the list to show the paid invoice closed and what is still due on the "
                        + "other; it shows " + workbench.onUi(() -> Ui.cells(table)),
                        () -> status(table, paid).equals(Optional.of(InvoiceStatus.CLOSED.label()))
                                && cell(table, partly, EXPORT_STATUS).orElse("").contains(due));
                assertEquals(Optional.of(InvoiceStatus.EXPORTED.label()), workbench.onUi(() -> status(table, partly)),
                        "partly paid stays exported");
                String partlyStanding = workbench.onUi(() -> cell(table, partly, EXPORT_STATUS)).orElseThrow();
                assertTrue(partlyStanding.contains("partly paid"), "the list says partly paid: " + partlyStanding);
                assertEquals(Optional.of(InvoiceStatus.EXPORTED.label()), workbench.onUi(() -> status(table, voided)),
                        "voided there is never changed here without the user's decision");
                assertEquals(InvoiceStatus.CLOSED, store.findInvoice(paid.id()).orElseThrow().status());

                Composite errors = Ui.part(workbench, ErrorPart.ID);
                Link attention = workbench.onUi(() -> Ui.byId(errors, "errors.attention"));
                workbench.await("the voided invoice waiting for a decision in the Errors view", () -> attention
                        .isVisible() && attention.getText().contains(">" + voided.number() + "</a> (voided in "
                                + "QuickBooks Online \u2013 " + connection.name() + ")"));
                assertTrue(workbench.onUi(attention::getText).startsWith("Needs your decision: "),
                        () -> workbench.onUi(attention::getText));
                workbench.screenshot(export.shell(), "error-view-needs-decision");
            }
        }
    }

    /** Exports the invoices as the workstation's user, and checks they all went. */
    private static void export(Connection connection, List<Invoice> invoices) throws InterruptedException {
        List<InvoiceResult> results = new java.util.ArrayList<>();
        Osgi.service(ExportService.class).export(new ExportRequest(connection.id(),
                invoices.stream().map(Invoice::id).toList(), System.getProperty("user.name"), false),
                new ExportListener() {
                    @Override
                    public void invoiceDone(InvoiceResult result) {
                        results.add(result);
                    }
                });
        assertTrue(results.size() == invoices.size()
                && results.stream().allMatch(r -> r.outcome() == ExportOutcome.EXPORTED), results::toString);
    }

    /** The status the list shows for the invoice, when it lists it; call on the UI thread. */
    private static Optional<String> status(Table table, Invoice invoice) {
        return cell(table, invoice, STATUS);
    }

    private static Optional<String> cell(Table table, Invoice invoice, int column) {
        return Ui.cells(table).stream().filter(row -> row.get(NUMBER).equals(invoice.number()))
                .map(row -> row.get(column)).findFirst();
    }
}
