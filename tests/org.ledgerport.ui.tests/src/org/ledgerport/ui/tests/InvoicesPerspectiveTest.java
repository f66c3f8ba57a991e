package org.ledgerport.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.testing.support.Osgi;
import org.ledgerport.ui.parts.InvoiceListPart;

/**
 * The workstation opens on the Invoices perspective; its invoice list first says there are no invoices, then
 * shows the rows the store holds as soon as they are saved.
 */
class InvoicesPerspectiveTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency GBP = Currency.getInstance("GBP");

    @Test
    void opensTheInvoicesPerspectiveAndListsInvoicesFromTheStore() throws Exception {
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        assertTrue(store.listInvoices().isEmpty(), "the test starts on an empty database");

        try (RunningWorkbench workbench = RunningWorkbench.start()) {
            workbench.await("the invoice list part to be rendered", () -> listPart(workbench) != null
                    && listPart(workbench).getWidget() instanceof Composite);

            MPerspective active = workbench.onUi(() -> {
                EModelService models = workbench.application().getContext().get(EModelService.class);
                MPerspectiveStack stack = (MPerspectiveStack) models.find("org.ledgerport.app.perspectives",
                        workbench.application());
                return stack.getSelectedElement();
            });
            assertNotNull(active, "a perspective is open");
            assertEquals("org.ledgerport.ui.perspective.invoices", active.getElementId());
            assertEquals("Invoices", active.getLabel());

            workbench.await("the empty-state message", () -> shownMessage(workbench).startsWith("There are no invoices yet."));
            Shell shell = workbench.onUi(() -> ((Composite) listPart(workbench).getWidget()).getShell());
            assertEquals("Ledgerport", workbench.onUi(shell::getText));
            workbench.screenshot(shell, "invoices-empty");

            Customer okeefe = store.createCustomer(
                    new Customer(0, "O'Keefe & Søn Ltd", "accounts@okeefe.example", null, false, EUR));
            Customer dubois = store.createCustomer(new Customer(0, "Boulangerie Dubois", null, null, false, GBP));
            store.createInvoice(InvoiceDraft.of("INV-1001", okeefe.id(), LocalDate.of(2026, 11, 2),
                    LocalDate.of(2026, 12, 2), EUR, List.of(
                            InvoiceLine.of("Bookkeeping, October", new BigDecimal("7.5"), Money.of("80.00", "EUR")),
                            InvoiceLine.of("Year-end filing", BigDecimal.ONE, Money.of("149.99", "EUR")))));
            store.createInvoice(InvoiceDraft.of("INV-1002", dubois.id(), LocalDate.of(2026, 11, 9),
                    LocalDate.of(2026, 11, 23), GBP,
                    List.of(InvoiceLine.of("Payroll run", new BigDecimal("2"), Money.of("45.50", "GBP")))));

            workbench.await("two rows in the invoice list", () -> rows(workbench).size() == 2);
            List<List<String>> rows = workbench.onUi(() -> rows(workbench));
            assertEquals(List.of("INV-1002", "Boulangerie Dubois"), rows.get(0).subList(0, 2), "newest first");
            assertEquals(List.of("INV-1001", "O'Keefe & Søn Ltd"), rows.get(1).subList(0, 2));
            assertTrue(rows.get(1).get(4).contains("749.99"), "net amount of INV-1001: " + rows.get(1).get(4));
            assertTrue(rows.get(0).get(4).contains("91.00"), "net amount of INV-1002: " + rows.get(0).get(4));
            assertEquals("Draft", rows.get(0).get(5));
            assertEquals("", workbench.onUi(() -> shownMessage(workbench)), "the message gives way to the table");
            workbench.screenshot(shell, "invoices-list");
        }
    }

    private static MPart listPart(RunningWorkbench workbench) {
        EModelService models = workbench.application().getContext().get(EModelService.class);
        return (MPart) models.find(InvoiceListPart.ID, workbench.application());
    }

    /** The text of the part's message label when it is the page on show, else an empty string. */
    private static String shownMessage(RunningWorkbench workbench) {
        Composite content = (Composite) listPart(workbench).getWidget();
        Label label = RunningWorkbench.find(content, Label.class);
        return label != null && label.isVisible() ? label.getText() : "";
    }

    /** The cells of the visible table, row by row, as a person reads them. */
    private static List<List<String>> rows(RunningWorkbench workbench) {
        Table table = RunningWorkbench.find((Composite) listPart(workbench).getWidget(), Table.class);
        List<List<String>> rows = new ArrayList<>();
        if (table == null || !table.isVisible()) {
            return rows;
        }
        for (TableItem item : table.getItems()) {
            List<String> cells = new ArrayList<>();
            for (int column = 0; column < table.getColumnCount(); column++) {
                cells.add(item.getText(column));
            }
            rows.add(cells);
        }
        return rows;
    }
}
