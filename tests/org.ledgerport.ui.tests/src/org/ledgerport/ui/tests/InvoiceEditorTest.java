package org.ledgerport.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;
import org.ledgerport.ui.CommandIds;
import org.ledgerport.ui.Formats;
import org.ledgerport.ui.parts.InvoiceEditorPart;

/**
 * The invoice editor on the real workbench and store: opened by the Open Invoice command, a line's quantity is
 * changed in its cell, the totals follow, Save writes it to the store; Finalize makes the editor read-only and
 * Revert to Draft makes it editable again; what the store refuses is said in the editor's message area.
 */
class InvoiceEditorTest {

    private static final String SAVE = "org.ledgerport.ui.command.saveInvoice";
    private static final String FINALIZE = "org.ledgerport.ui.command.finalizeInvoice";
    private static final String REVERT = "org.ledgerport.ui.command.revertInvoice";
    private static final int QUANTITY = 2;

    @Test
    void editsSavesFinalizesAndRevertsAnInvoice() throws Exception {
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        Firm firm = new Firm(store, "EDT");
        Customer customer = firm.customer("Harbour Chandlery");
        Invoice invoice = store.createInvoice(InvoiceDraft.of(firm.number(), customer.id(), LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31), Firm.EUR, List.of(
                        new InvoiceLine("", "Bookkeeping", new BigDecimal("2"), Money.of("100.00", "EUR"),
                                BigDecimal.ZERO, Firm.STANDARD.code()),
                        new InvoiceLine("", "Payroll run", BigDecimal.ONE, Money.of("50.00", "EUR"), BigDecimal.ZERO,
                                Firm.STANDARD.code()))));

        try (RunningWorkbench workbench = RunningWorkbench.start()) {
            Composite editor = open(workbench, invoice);
            MPart part = workbench.onUi(() -> editorPart(workbench, invoice));
            assertEquals(invoice.number(), workbench.onUi(part::getLabel));
            assertEquals(euros("250.00"), text(workbench, editor, "invoice.net"));
            assertEquals(euros("50.00"), text(workbench, editor, "invoice.tax"));
            assertEquals(euros("300.00"), text(workbench, editor, "invoice.total"));
            assertEquals("Draft", text(workbench, editor, "invoice.status"));

            Table lines = workbench.onUi(() -> Ui.byId(editor, "invoice.lines"));
            typeInCell(workbench, lines, 0, QUANTITY, "3");
            workbench.await("the totals of three hours", () -> text(editor, "invoice.total").equals(euros("420.00")));
            assertEquals(euros("350.00"), text(workbench, editor, "invoice.net"));
            assertTrue(workbench.onUi(part::isDirty), "an edit makes it dirty");

            workbench.execute(SAVE, Map.of());
            workbench.await("the saved invoice", () -> !part.isDirty());
            Invoice saved = store.findInvoice(invoice.id()).orElseThrow();
            assertEquals(0, new BigDecimal("3").compareTo(saved.lines().get(0).quantity()), "the store has 3");
            assertEquals(invoice.version() + 1, saved.version());
            workbench.screenshot(workbench.onUi(editor::getShell), "invoice-editor");

            typeInCell(workbench, lines, 0, QUANTITY, "three");
            workbench.await("the quantity refused", () -> text(editor, "invoice.problems")
                    .equals("Line 1: the quantity \u201cthree\u201d is not a number."));
            assertFalse(workbench.onUi(() -> Ui.byId(editor, "invoice.save").isEnabled()), "Save waits for a number");
            assertEquals("\u2014", text(workbench, editor, "invoice.total"), "no totals from a wrong quantity");
            typeInCell(workbench, lines, 0, QUANTITY, "3");
            workbench.await("the quantity accepted", () -> text(editor, "invoice.problems").isEmpty());

            workbench.execute(FINALIZE, Map.of());
            workbench.await("the finalized invoice", () -> text(editor, "invoice.status").equals("Finalized"));
            assertEquals(InvoiceStatus.FINALIZED, store.findInvoice(invoice.id()).orElseThrow().status());
            assertEquals("Finalized: revert it to draft to change it.", text(workbench, editor, "invoice.readOnly"));
            assertFalse(workbench.onUi(() -> ((Text) Ui.byId(editor, "invoice.number")).getEditable()));
            assertFalse(workbench.onUi(() -> Ui.byId(editor, "invoice.addLine").isEnabled()));
            assertNull(workbench.onUi(() -> {
                clickCell(lines, 0, QUANTITY);
                return Ui.find(lines, Text.class, Text::isVisible);
            }), "no cell can be edited in a finalized invoice");
            workbench.screenshot(workbench.onUi(editor::getShell), "invoice-editor-finalized");

            workbench.execute(REVERT, Map.of());
            workbench.await("the draft again", () -> text(editor, "invoice.status").equals("Draft"));
            assertEquals(InvoiceStatus.DRAFT, store.findInvoice(invoice.id()).orElseThrow().status());
            assertTrue(workbench.onUi(() -> ((Text) Ui.byId(editor, "invoice.number")).getEditable()));
            assertFalse(workbench.onUi(() -> Ui.byId(editor, "invoice.readOnly").isVisible()));

            workbench.execute(CommandIds.OPEN_INVOICE, Map.of(CommandIds.INVOICE_ID, Long.toString(invoice.id())));
            workbench.await("the same editor in front", () -> part == activePart(workbench));
            assertEquals(1, (int) workbench.onUi(() -> editorParts(workbench, invoice).size()),
                    "an invoice has one editor");
        }
    }

    @Test
    void saysInPlainWordsWhyAnInvoiceCannotBeFinalized() throws Exception {
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        Firm firm = new Firm(store, "EDR");
        Customer customer = firm.customer("Empty Basket Ltd");
        Invoice empty = store.createInvoice(InvoiceDraft.of(firm.number(), customer.id(), LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31), Firm.EUR, List.of()));

        try (RunningWorkbench workbench = RunningWorkbench.start()) {
            Composite editor = open(workbench, empty);
            workbench.onUi(() -> {
                Ui.click((Button) Ui.byId(editor, "invoice.finalize"));
                return null;
            });
            workbench.await("the refusal in the message area", () -> text(editor, "invoice.message")
                    .equals("Invoice " + empty.number() + " has no lines."));
            assertEquals(InvoiceStatus.DRAFT, store.findInvoice(empty.id()).orElseThrow().status());
            assertEquals("Draft", text(workbench, editor, "invoice.status"));
        }
    }

    /** Runs the Open Invoice command and waits until the editor shows the invoice's totals. */
    private static Composite open(RunningWorkbench workbench, Invoice invoice) throws InterruptedException {
        workbench.execute(CommandIds.OPEN_INVOICE, Map.of(CommandIds.INVOICE_ID, Long.toString(invoice.id())));
        workbench.await("the editor of " + invoice.number(), () -> {
            MPart part = editorPart(workbench, invoice);
            return part != null && part.getWidget() instanceof Composite content && part.getObject() != null
                    && Ui.byId(content, "invoice.number") instanceof Text number
                    && number.getText().equals(invoice.number());
        });
        assertTrue(workbench.onUi(() -> editorPart(workbench, invoice) == activePart(workbench)), "it is active");
        return workbench.onUi(() -> (Composite) editorPart(workbench, invoice).getWidget());
    }

    private static List<MPart> editorParts(RunningWorkbench workbench, Invoice invoice) {
        EModelService models = workbench.application().getContext().get(EModelService.class);
        return models.findElements(workbench.application(), InvoiceEditorPart.DESCRIPTOR_ID, MPart.class).stream()
                .filter(part -> Long.toString(invoice.id())
                        .equals(part.getPersistedState().get(InvoiceEditorPart.INVOICE_ID)))
                .toList();
    }

    /** The invoice's editor in the model, or null; read it on the UI thread. */
    private static MPart editorPart(RunningWorkbench workbench, Invoice invoice) {
        return editorParts(workbench, invoice).stream().findFirst().orElse(null);
    }

    private static MPart activePart(RunningWorkbench workbench) {
        return workbench.parts().getActivePart();
    }

    /** Clicks into a cell, types and presses Enter, as a person edits a line. */
    private static void typeInCell(RunningWorkbench workbench, Table table, int row, int column, String value)
            throws InterruptedException {
        workbench.onUi(() -> {
            Ui.select(table, row);
            clickCell(table, row, column);
            return null;
        });
        workbench.await("the cell editor", () -> Ui.find(table, Text.class, Text::isVisible) != null);
        workbench.onUi(() -> {
            Text cell = Ui.find(table, Text.class, Text::isVisible);
            Ui.type(cell, value);
            cell.notifyListeners(SWT.DefaultSelection, new Event());
            return null;
        });
    }

    private static void clickCell(Table table, int row, int column) {
        Rectangle cell = table.getItem(row).getBounds(column);
        Event click = new Event();
        click.x = cell.x + cell.width / 2;
        click.y = cell.y + cell.height / 2;
        click.button = 1;
        click.count = 1;
        table.notifyListeners(SWT.MouseDown, click);
        table.notifyListeners(SWT.MouseUp, click);
    }

    private static String text(Composite editor, String id) {
        return ((Label) Ui.byId(editor, id)).getText();
    }

    private static String text(RunningWorkbench workbench, Composite editor, String id) {
        return workbench.onUi(() -> text(editor, id));
    }

    private static String euros(String amount) {
        return Formats.money(Money.of(amount, "EUR"));
    }
}
