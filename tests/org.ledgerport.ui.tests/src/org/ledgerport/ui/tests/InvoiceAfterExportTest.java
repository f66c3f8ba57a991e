package org.ledgerport.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.access.Permission;
import org.ledgerport.core.access.Role;
import org.ledgerport.core.connector.VendorStatus;
import org.ledgerport.core.export.ExportListener;
import org.ledgerport.core.export.ExportRequest;
import org.ledgerport.core.export.ExportService;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.export.StatusRefresh;
import org.ledgerport.core.export.StatusService;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.HistoryEntry.Kind;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceLifecycle;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;
import org.ledgerport.ui.Formats;

/**
 * What happens to an invoice after its export, on the real workbench, store, engine, QuickBooks Online connector
 * and simulator: a payment received in QuickBooks comes back through the status refresh, the rest is recorded in
 * the editor's Record Payment dialog and lands in QuickBooks, and the invoice closes; an exported invoice with a
 * payment is reverted through the dialog that says QuickBooks voids it and keeps its number, and becomes a draft
 * under the new number offered. The history shows each step; a user whose role may not revert sees why.
 */
class InvoiceAfterExportTest {

    @Test
    void pullsBackAPartPaymentRecordsTheRestAndClosesTheInvoice() throws Exception {
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        Firm firm = new Firm(store, "HPAY");
        try (ExportQuickBooks quickBooks = ExportQuickBooks.start()) {
            Connection connection = quickBooks.connected();
            Customer customer = firm.customer("Harbour Sailmakers");
            Invoice invoice = exported(firm.finalized(customer, "100.00"), connection);
            String inQuickBooks = quickBooks.idOf(invoice);

            try (RunningWorkbench workbench = RunningWorkbench.start()) {
                InvoiceEditor editor = InvoiceEditor.open(workbench, invoice);
                editor.awaitHistory(Kind.EXPORTED);
                assertTrue(editor.text("invoice.exports").contains(quickBooks.numberOf(invoice)),
                        editor.text("invoice.exports"));
                assertFalse(editor.dirty(), "opening an exported invoice to read it is no edit");

                quickBooks.company().receivePayment(inQuickBooks, new BigDecimal("50.00"));
                StatusRefresh refresh = Osgi.service(StatusService.class).refresh(connection.id(), user());
                assertEquals(List.of(VendorStatus.PARTLY_PAID),
                        refresh.updates().stream().map(StatusRefresh.Update::status).toList());
                editor.awaitHistory(Kind.EXPORTED, Kind.VENDOR_STATUS);
                String stillDue = "partly paid, " + Formats.money(Money.of("70.00", "EUR")) + " still due";
                workbench.await("the amount still due next to the export",
                        () -> editor.label("invoice.exports").contains(stillDue));
                assertEquals("Exported", editor.text("invoice.status"), "partly paid stays exported");

                Button record = editor.button("invoice.recordPayment");
                workbench.await("Record Payment to be enabled", record::isEnabled);
                workbench.later(() -> Ui.click(record));
                Shell dialog = Ui.shell(workbench, "Record Payment");
                Text amount = workbench.onUi(() -> Ui.byId(dialog, "payment.amount"));
                assertEquals(typed("70.00"), workbench.onUi(amount::getText), "the amount still due, to start with");
                Combo account = workbench.onUi(() -> Ui.byId(dialog, "payment.account"));
                workbench.await("QuickBooks' deposit accounts in the dialog",
                        () -> Arrays.asList(account.getItems()).contains("Business Checking"));
                workbench.onUi(() -> {
                    Ui.select(account, "Business Checking");
                    Ui.type((Text) Ui.byId(dialog, "payment.reference"), "Bank transfer 4471");
                    return null;
                });
                workbench.screenshot(dialog, "record-payment");
                workbench.onUi(() -> {
                    Ui.click(Ui.button(dialog, "Record Payment"));
                    return null;
                });

                workbench.await("the invoice closed once QuickBooks has it all",
                        () -> editor.label("invoice.status").equals("Closed"));
                Invoice closed = store.findInvoice(invoice.id()).orElseThrow();
                assertEquals(InvoiceStatus.CLOSED, closed.status());
                editor.awaitHistory(Kind.EXPORTED, Kind.VENDOR_STATUS, Kind.PAYMENT_SENT);
                editor.awaitWholeHistory();
                Table payments = editor.control("invoice.payments");
                workbench.await("the payment in the accounting package", () -> Ui.cells(payments).stream()
                        .anyMatch(row -> row.get(1).equals(Formats.money(Money.of("70.00", "EUR")))
                                && row.get(2).equals("Business Checking") && row.get(3).equals("Bank transfer 4471")
                                && row.get(5).equals("In the accounting package")));
                assertEquals(InvoiceLifecycle.editRefusal(closed).orElseThrow(), editor.text("invoice.readOnly"),
                        "why a closed invoice cannot be changed");
                assertFalse(workbench.onUi(record::isEnabled), "nothing more to pay");

                ObjectNode paid = quickBooks.exported(invoice);
                assertEquals(0, BigDecimal.ZERO.compareTo(paid.path("Balance").decimalValue()), paid::toString);
                List<ObjectNode> received = quickBooks.company().payments().stream().filter(p -> p.path("Line")
                        .findValues("TxnId").stream().anyMatch(id -> id.asText().equals(inQuickBooks))).toList();
                assertEquals(2, received.size(), "the payment pulled back and the one recorded here, once");
                ObjectNode ours = received.stream()
                        .filter(p -> p.path("PaymentRefNum").asText().equals("Bank transfer 4471")).findFirst()
                        .orElseThrow(() -> new AssertionError("no payment with our reference: " + received));
                assertEquals(0, new BigDecimal("70.00").compareTo(ours.path("TotalAmt").decimalValue()));
                assertEquals("Business Checking", ours.path("DepositToAccountRef").path("name").asText());
            }
        }
    }

    @Test
    void revertsAnInvoiceWithAPaymentThroughTheDialogUnderANewNumber() throws Exception {
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        AccessControl access = Osgi.service(AccessControl.class);
        Firm firm = new Firm(store, "HREV");
        String user = user();
        assertEquals(Role.OWNER, access.roleOf(user), "the tests run as the test database's first user, its owner");
        try (ExportQuickBooks quickBooks = ExportQuickBooks.start()) {
            Connection connection = quickBooks.connected();
            Customer customer = firm.customer("Quayside Chandlery");
            Invoice invoice = exported(firm.finalized(customer, "400.00"), connection);
            String inQuickBooks = quickBooks.idOf(invoice);

            try (RunningWorkbench workbench = RunningWorkbench.start()) {
                // As an exporter, the user may record payments but not revert: the button says who may.
                String deputy = Firm.unique("ui-test-owner").replace(' ', '-');
                access.assign(user, deputy, Role.OWNER);
                InvoiceEditor editor;
                try {
                    access.assign(deputy, user, Role.EXPORTER);
                    editor = InvoiceEditor.open(workbench, invoice);
                    Button revert = editor.button("invoice.revert");
                    workbench.await("the exporter's rights read", () -> revert.getToolTipText() != null);
                    assertFalse(workbench.onUi(revert::isEnabled), "only an owner reverts an exported invoice");
                    assertEquals(Permission.REVERT_EXPORTED.refusal(user, Role.EXPORTER).orElseThrow(),
                            workbench.onUi(revert::getToolTipText));
                    Button record = editor.button("invoice.recordPayment");
                    assertTrue(workbench.onUi(record::isEnabled), "an exporter records payments");
                } finally {
                    access.assign(deputy, user, Role.OWNER);
                    access.remove(user, deputy);
                }

                // A payment in QuickBooks comes back; reading it, the editor learns the user is an owner again.
                quickBooks.company().receivePayment(inQuickBooks, new BigDecimal("100.00"));
                Osgi.service(StatusService.class).refresh(connection.id(), user);
                editor.awaitHistory(Kind.EXPORTED, Kind.VENDOR_STATUS);
                Button revert = editor.button("invoice.revert");
                workbench.await("Revert to Draft enabled for the owner", revert::isEnabled);
                assertNull(workbench.onUi(revert::getToolTipText));

                workbench.later(() -> Ui.click(revert));
                Shell dialog = Ui.shell(workbench, "Revert Invoice to Draft");
                String action = workbench.onUi(() -> ((Label) Ui.byId(dialog, "revert.action.0")).getText());
                assertEquals(connection.name() + " (QuickBooks Online): voided there; the number stays taken there",
                        action, "a payment is linked, so QuickBooks voids it");
                assertFalse(workbench.onUi(() -> ((Label) Ui.byId(dialog, "revert.explanation.0")).getText())
                        .isBlank(), "QuickBooks' rule, explained");
                Text number = workbench.onUi(() -> Ui.byId(dialog, "revert.number"));
                String renumbered = invoice.number() + "-2";
                assertEquals(renumbered, workbench.onUi(number::getText), "a new number offered");
                Label warning = workbench.onUi(() -> Ui.byId(dialog, "revert.numberWarning"));
                assertFalse(workbench.onUi(warning::isVisible));
                workbench.onUi(() -> {
                    Ui.type(number, invoice.number());
                    return null;
                });
                assertTrue(workbench.onUi(warning::isVisible), "keeping the number is allowed, with a warning");
                workbench.onUi(() -> {
                    Ui.type(number, renumbered);
                    return null;
                });
                workbench.screenshot(dialog, "revert-dialog");
                workbench.onUi(() -> {
                    Ui.click(Ui.button(dialog, "Revert to Draft"));
                    return null;
                });

                workbench.await("the invoice a draft again", () -> editor.label("invoice.status").equals("Draft"));
                Invoice draft = store.findInvoice(invoice.id()).orElseThrow();
                assertEquals(InvoiceStatus.DRAFT, draft.status());
                assertEquals(renumbered, draft.number());
                workbench.await("the new number in the editor",
                        () -> ((Text) Ui.byId(editor.content(), "invoice.number")).getText().equals(renumbered));
                assertTrue(quickBooks.exported(invoice).path("PrivateNote").asText().startsWith("Voided"),
                        "voided in QuickBooks");
                editor.awaitHistory(Kind.EXPORTED, Kind.VENDOR_STATUS, Kind.WITHDRAWN, Kind.REVERTED);

                // The connection worked with, in the status line below, as a person exporting there would have it.
                ExportView.open(workbench).choose(connection.name());
                showHistoryLarge(workbench, editor);
                workbench.screenshot(editor.shell(), "invoice-history");
            }
        }
    }

    /** Exports the invoice through the engine, as the Export view would, and returns it as exported. */
    private static Invoice exported(Invoice invoice, Connection connection) throws InterruptedException {
        RunSummary run = Osgi.service(ExportService.class).export(
                new ExportRequest(connection.id(), List.of(invoice.id()), user(), false), ExportListener.NONE);
        assertEquals(1, run.exported(), () -> "the invoice was not exported: " + run);
        return Osgi.service(InvoiceStore.class).findInvoice(invoice.id()).orElseThrow();
    }

    private static String user() throws InterruptedException {
        return Osgi.service(AccessControl.class).currentUser();
    }

    /** The amount as a person types it in this locale: its decimals, no grouping. */
    private static String typed(String amount) {
        NumberFormat format = NumberFormat.getNumberInstance();
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        format.setGroupingUsed(false);
        return format.format(new BigDecimal(amount));
    }

    /**
     * Drags the sash so the editor takes most of the window and scrolls down to its history, as a person would to
     * read it; for the README.
     */
    private static void showHistoryLarge(RunningWorkbench workbench, InvoiceEditor editor)
            throws InterruptedException {
        int before = workbench.onUi(() -> editor.content().getSize().y);
        workbench.onUi(() -> {
            EModelService models = workbench.application().getContext().get(EModelService.class);
            MUIElement invoices = models.find("org.ledgerport.ui.partstack.invoices", workbench.application());
            MUIElement bottom = models.find("org.ledgerport.ui.partstack.bottom", workbench.application());
            invoices.setContainerData("8500");
            bottom.setContainerData("1500");
            return null;
        });
        workbench.await("the editor to grow", () -> editor.content().getSize().y > before);
        workbench.onUi(() -> {
            ScrolledComposite scroller = Ui.find(editor.content(), ScrolledComposite.class, s -> true);
            scroller.showControl(Ui.byId(editor.content(), "invoice.history"));
            return null;
        });
    }
}
