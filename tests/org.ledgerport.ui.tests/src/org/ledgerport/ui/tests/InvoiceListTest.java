package org.ledgerport.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspectiveStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.TaxMode;
import org.ledgerport.core.store.ImportBatch;
import org.ledgerport.core.store.InvoiceQuery;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.testing.support.Osgi;
import org.ledgerport.ui.Formats;
import org.ledgerport.ui.parts.InvoiceListPart;

/**
 * The invoice list on the real workbench and store: the empty state, then the store's rows newest first; each
 * filter narrowing the rows to exactly the right invoices with the count saying so; sorting by a header; and
 * thousands of invoices read page by page as the list is scrolled to its end. The tests share one database
 * with the rest of the run, so each writes invoices with numbers and customers of its own and filters on them.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvoiceListTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency GBP = Currency.getInstance("GBP");
    private static final String PENDING = "\u2026";

    /** Unique in the run: part of every invoice number and customer name this class writes. */
    private static final String TOKEN = Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36)
            .toUpperCase(Locale.ROOT);

    private static InvoiceStore store;
    private static RunningWorkbench workbench;
    private static Composite list;

    @BeforeAll
    static void startTheWorkbench() throws Exception {
        store = Osgi.service(InvoiceStore.class);
        workbench = RunningWorkbench.start();
        list = Ui.part(workbench, InvoiceListPart.ID);
    }

    @AfterAll
    static void closeTheWorkbench() throws InterruptedException {
        if (workbench != null) {
            workbench.close();
        }
    }

    @Test
    @Order(1)
    void opensOnTheInvoicesPerspectiveSayingHowInvoicesGetThereWhileThereAreNone() throws Exception {
        MPerspective active = workbench.onUi(() -> {
            EModelService models = workbench.application().getContext().get(EModelService.class);
            MPerspectiveStack stack = (MPerspectiveStack) models.find("org.ledgerport.app.perspectives",
                    workbench.application());
            return stack.getSelectedElement();
        });
        assertNotNull(active, "a perspective is open");
        assertEquals("org.ledgerport.ui.perspective.invoices", active.getElementId());
        Shell shell = workbench.onUi(list::getShell);
        assertEquals("Ledgerport", workbench.onUi(shell::getText));

        assertEquals(0, store.countInvoices(InvoiceQuery.all()),
                "this class runs first (@Order(1)), while the test database is still empty");
        workbench.await("the empty-state message", () -> shownMessage().startsWith("There are no invoices yet."));
        assertTrue(workbench.onUi(() -> !Ui.byId(list, "invoices.table").isVisible()), "no table on show");
        workbench.screenshot(shell, "invoices-empty");
    }

    @Test
    @Order(2)
    void listsTheStoresInvoicesNewestFirst() throws Exception {
        boolean onlyOurs = store.countInvoices(InvoiceQuery.all()) == 0;
        Customer okeefe = store.createCustomer(
                new Customer(0, "O'Keefe & Søn Ltd " + TOKEN, "accounts@okeefe.example", null, false, EUR));
        Customer dubois = store.createCustomer(new Customer(0, "Boulangerie Dubois " + TOKEN, null, null, false, GBP));
        store.createInvoice(InvoiceDraft.of("LN" + TOKEN + "-1001", okeefe.id(), LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 12, 2), EUR, List.of(
                        InvoiceLine.of("Bookkeeping, October", new BigDecimal("7.5"), Money.of("80.00", "EUR")),
                        InvoiceLine.of("Year-end filing", BigDecimal.ONE, Money.of("149.99", "EUR")))));
        store.createInvoice(InvoiceDraft.of("LN" + TOKEN + "-1002", dubois.id(), LocalDate.of(2026, 11, 9),
                LocalDate.of(2026, 11, 23), GBP,
                List.of(InvoiceLine.of("Payroll run", new BigDecimal("2"), Money.of("45.50", "GBP")))));

        Table table = workbench.onUi(() -> Ui.byId(list, "invoices.table"));
        if (onlyOurs) {
            workbench.await("the two invoices in the list", () -> table.isVisible() && table.getItemCount() == 2
                    && !Ui.row(table, 1).get(0).equals(PENDING));
            assertEquals("", workbench.onUi(InvoiceListTest::shownMessage), "the message gives way to the table");
            assertEquals("2 invoices", text("invoices.count"));
        }
        filter("invoices.text", "LN" + TOKEN);
        workbench.await("the two invoices of this test", () -> numbers(table).size() == 2
                && !numbers(table).contains(PENDING));
        List<List<String>> rows = workbench.onUi(() -> List.of(Ui.row(table, 0), Ui.row(table, 1)));
        assertEquals(List.of("LN" + TOKEN + "-1002", dubois.name()), rows.get(0).subList(0, 2), "newest first");
        assertEquals(List.of("LN" + TOKEN + "-1001", okeefe.name()), rows.get(1).subList(0, 2));
        assertEquals(Formats.date(LocalDate.of(2026, 11, 9)), rows.get(0).get(2));
        assertEquals(Formats.date(LocalDate.of(2026, 11, 23)), rows.get(0).get(3));
        assertEquals(Formats.money(Money.of("749.99", "EUR")), rows.get(1).get(4));
        assertEquals(Formats.money(Money.of("91.00", "GBP")), rows.get(0).get(4));
        assertEquals("Draft", rows.get(0).get(5));
        assertEquals("", rows.get(0).get(6), "never exported anywhere");
        workbench.screenshot(workbench.onUi(list::getShell), "invoice-list");
        clearFilters();
    }

    @Test
    @Order(3)
    void eachFilterNarrowsTheRowsToExactlyTheMatchingInvoices() throws Exception {
        String prefix = "LF" + TOKEN + "-";
        Customer alder = store.createCustomer(new Customer(0, "Alder Joinery " + TOKEN, null, null, false, EUR));
        Customer birch = store.createCustomer(new Customer(0, "Birch & Daughters " + TOKEN, null, null, false, EUR));
        Invoice a1 = invoice(prefix + "01", alder, LocalDate.of(1999, 3, 2), "300.00", "");
        Invoice a2 = finalized(invoice(prefix + "02", alder, LocalDate.of(1999, 3, 15), "100.00", ""));
        Invoice b1 = invoice(prefix + "03", birch, LocalDate.of(1999, 4, 1), "400.00", "Quay wall " + TOKEN + "x");
        Invoice b2 = finalized(invoice(prefix + "04", birch, LocalDate.of(1999, 5, 20), "200.00", ""));
        Table table = workbench.onUi(() -> Ui.byId(list, "invoices.table"));

        filter("invoices.text", prefix);
        assertRows(table, "the text filter on the numbers", b2, b1, a2, a1);
        assertEquals("4 of " + invoices(store.countInvoices(InvoiceQuery.all())) + " match", text("invoices.count"));

        workbench.onUi(() -> {
            Ui.select((Combo) Ui.byId(list, "invoices.status"), "Finalized");
            return null;
        });
        assertRows(table, "the finalized ones", b2, a2);
        assertEquals("2 of " + invoices(store.countInvoices(InvoiceQuery.all())) + " match", text("invoices.count"));
        workbench.onUi(() -> {
            Ui.select((Combo) Ui.byId(list, "invoices.status"), "All statuses");
            return null;
        });

        setDate("invoices.from", LocalDate.of(1999, 3, 10));
        setDate("invoices.to", LocalDate.of(1999, 4, 30));
        assertRows(table, "those issued from 10 March to 30 April 1999", b1, a2);
        clearFilters();

        filter("invoices.customer", "birch & daughters " + TOKEN.toLowerCase(Locale.ROOT));
        assertRows(table, "the customer's invoices, whatever the case typed", b2, b1);
        clearFilters();

        filter("invoices.text", "wall " + TOKEN);
        assertRows(table, "the invoice whose memo holds the words", b1);

        filter("invoices.text", prefix + "99");
        workbench.await("the no-match message", () -> shownMessage().startsWith("No invoice matches these filters."));
        assertTrue(workbench.onUi(() -> Ui.byId(list, "invoices.clear").isVisible()), "Clear filters is on show");

        clearFilters();
        workbench.await("every invoice again", () -> table.isVisible()
                && text("invoices.count").equals(invoices(store.countInvoices(InvoiceQuery.all()))));
    }

    @Test
    @Order(4)
    void clickingAHeaderSortsByItAndAgainTheOtherWay() throws Exception {
        String prefix = "LS" + TOKEN + "-";
        Customer customer = store.createCustomer(new Customer(0, "Sorted Ltd " + TOKEN, null, null, false, EUR));
        Invoice first = invoice(prefix + "1", customer, LocalDate.of(1998, 1, 10), "30.00", "");
        Invoice second = invoice(prefix + "2", customer, LocalDate.of(1998, 1, 20), "10.00", "");
        Invoice third = invoice(prefix + "3", customer, LocalDate.of(1998, 1, 5), "20.00", "");
        Table table = workbench.onUi(() -> Ui.byId(list, "invoices.table"));
        filter("invoices.text", prefix);
        assertRows(table, "newest first as the list opens", second, first, third);

        clickHeader(table, "Number");
        assertRows(table, "by number, ascending", first, second, third);
        assertEquals(SWT.UP, (int) workbench.onUi(table::getSortDirection));
        assertEquals("Number", workbench.onUi(() -> table.getSortColumn().getText()));
        clickHeader(table, "Number");
        assertRows(table, "by number, descending", third, second, first);
        assertEquals(SWT.DOWN, (int) workbench.onUi(table::getSortDirection));

        clickHeader(table, "Net");
        assertRows(table, "by net amount, smallest first", second, third, first);
        clickHeader(table, "Issued");
        clickHeader(table, "Issued");
        assertRows(table, "newest first again", second, first, third);
        clearFilters();
    }

    @Test
    @Order(5)
    void thousandsOfInvoicesAreReadPageByPageAsTheListScrollsToItsEnd() throws Exception {
        String prefix = "LB" + TOKEN + "-";
        String customer = "Bulk Buyer " + TOKEN;
        int howMany = 3000;
        List<ImportBatch.ImportedInvoice> invoices = new ArrayList<>();
        LocalDate first = LocalDate.of(1990, 1, 1);
        for (int i = 0; i < howMany; i++) {
            InvoiceDraft draft = InvoiceDraft.of("%s%04d".formatted(prefix, i), 0, first.plusDays(i),
                    first.plusDays(i + 30), EUR, List.of(InvoiceLine.of("Monthly retainer", BigDecimal.ONE,
                            Money.of((i + 1) + ".00", "EUR"))));
            invoices.add(new ImportBatch.ImportedInvoice("row " + (i + 1), customer, draft, InvoiceStatus.DRAFT));
        }
        store.importBatch(new ImportBatch(List.of(), List.of(new Customer(0, customer, null, null, false, EUR)),
                List.of(), invoices));

        Table table = workbench.onUi(() -> Ui.byId(list, "invoices.table"));
        filter("invoices.text", prefix);
        workbench.await("3,000 rows in the table", () -> table.isVisible() && table.getItemCount() == howMany);
        assertEquals(NumberFormat.getIntegerInstance().format(howMany) + " of "
                + invoices(store.countInvoices(InvoiceQuery.all())) + " match", text("invoices.count"));
        workbench.await("the first page", () -> Ui.row(table, 0).get(0).equals(prefix + "2999"));

        int last = howMany - 1;
        workbench.onUi(() -> {
            table.setTopIndex(last);
            table.showItem(table.getItem(last));
            return null;
        });
        workbench.await("the last row's page", () -> !Ui.row(table, last).get(0).equals(PENDING));
        List<String> oldest = workbench.onUi(() -> Ui.row(table, last));
        assertEquals(List.of(prefix + "0000", customer, Formats.date(first), Formats.date(first.plusDays(30)),
                Formats.money(Money.of("1.00", "EUR")), "Draft", ""), oldest);
        workbench.screenshot(workbench.onUi(list::getShell), "invoice-list-end");
        clearFilters();
    }

    private static Invoice invoice(String number, Customer customer, LocalDate issued, String amount, String memo) {
        return store.createInvoice(new InvoiceDraft(number, customer.id(), issued, issued.plusDays(14), EUR,
                List.of(InvoiceLine.of("Joinery", BigDecimal.ONE, Money.of(amount, "EUR"))), List.of(), memo,
                TaxMode.PER_LINE));
    }

    private static Invoice finalized(Invoice draft) {
        return store.changeStatus(draft.id(), draft.version(), InvoiceStatus.FINALIZED);
    }

    /** Waits until the table shows exactly these invoices, in this order, every row read in. */
    private static void assertRows(Table table, String what, Invoice... expected) throws InterruptedException {
        List<String> wanted = Arrays.stream(expected).map(Invoice::number).toList();
        workbench.await(what + ": " + wanted, () -> table.isVisible() && wanted.equals(numbers(table)));
    }

    /** The invoice numbers in the table, top to bottom; a row still being read shows as "…". */
    private static List<String> numbers(Table table) {
        List<String> numbers = new ArrayList<>();
        for (int row = 0; row < table.getItemCount(); row++) {
            numbers.add(table.getItem(row).getText(0));
        }
        return numbers;
    }

    private static void filter(String id, String value) {
        workbench.onUi(() -> {
            Ui.type((Text) Ui.byId(list, id), value);
            return null;
        });
    }

    /** Sets a date filter's day and ticks its check box, as a person picks a date and turns the filter on. */
    private static void setDate(String id, LocalDate date) {
        workbench.onUi(() -> {
            DateTime field = Ui.byId(list, id);
            field.setDate(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
            Button enabled = Ui.byId(list, id + ".enabled");
            Ui.click(enabled);
            return null;
        });
    }

    private static void clickHeader(Table table, String title) {
        workbench.onUi(() -> {
            for (TableColumn column : table.getColumns()) {
                if (column.getText().equals(title)) {
                    column.notifyListeners(SWT.Selection, new Event());
                    return null;
                }
            }
            throw new AssertionError("the list has no column " + title);
        });
    }

    private static void clearFilters() {
        workbench.onUi(() -> {
            Ui.click((Button) Ui.byId(list, "invoices.clear"));
            return null;
        });
    }

    private static String text(String id) {
        return workbench.onUi(() -> ((Label) Ui.byId(list, id)).getText());
    }

    /** "1 invoice", "12,345 invoices", as the count label says it. */
    private static String invoices(int howMany) {
        return NumberFormat.getIntegerInstance().format(howMany) + (howMany == 1 ? " invoice" : " invoices");
    }

    /** The text of the part's message when it is the page on show, else an empty string. */
    private static String shownMessage() {
        Label message = Ui.byId(list, "invoices.message");
        return message != null && message.isVisible() ? message.getText() : "";
    }
}
