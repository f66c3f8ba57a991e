package org.ledgerport.store.derby.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.InvoiceSummary;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.store.InvoiceQuery;
import org.ledgerport.core.store.InvoiceQuery.Order;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

/**
 * The invoice list's query: every filter narrows to exactly the right invoices, the orders hold, and a page
 * is the rows it says. The invoices here share a customer-name tag no other test uses, which every query
 * below filters on.
 */
class InvoiceQueryTest {

    private static InvoiceStore store;
    private static String tag;
    private static Customer dubois;
    private static Customer okeefe;

    @BeforeAll
    static void firm() throws InterruptedException {
        store = Osgi.service(InvoiceStore.class);
        Firm firm = new Firm(store, "QRY");
        tag = Firm.unique("Qry");
        dubois = firm.customer(tag + " Boulangerie Dubois");
        okeefe = firm.customer(tag + " O'Keefe 100% Ltd");
        invoice("Q-1001", dubois, LocalDate.of(2026, 1, 10), "120.00", "");
        invoice("Q-1002", okeefe, LocalDate.of(2026, 2, 10), "80.00", "retainer for March");
        invoice("Q-1003", dubois, LocalDate.of(2026, 3, 10), "300.00", "");
        Invoice finalized = invoice("Q-1004", okeefe, LocalDate.of(2026, 3, 20), "45.50", "");
        store.changeStatus(finalized.id(), finalized.version(), InvoiceStatus.FINALIZED);
    }

    private static Invoice invoice(String number, Customer customer, LocalDate issued, String amount, String memo) {
        return store.createInvoice(new InvoiceDraft(tag + number, customer.id(), issued, issued.plusDays(30),
                Firm.EUR, List.of(new InvoiceLine("", "Bookkeeping", BigDecimal.ONE, Money.of(amount, "EUR"),
                        BigDecimal.ZERO, Firm.STANDARD.code())), List.of(), memo, null));
    }

    private static InvoiceQuery ours() {
        return InvoiceQuery.all().withCustomer(tag);
    }

    private static List<String> numbers(InvoiceQuery query) {
        return store.findInvoices(query, 0, 100).stream().map(i -> i.number().substring(tag.length())).toList();
    }

    @Test
    void listsNewestFirstWithTheNetAmountKeptOnTheInvoice() {
        List<InvoiceSummary> rows = store.findInvoices(ours(), 0, 100);
        assertEquals(List.of("Q-1004", "Q-1003", "Q-1002", "Q-1001"),
                rows.stream().map(i -> i.number().substring(tag.length())).toList());
        assertEquals(Money.of("45.50", "EUR"), rows.get(0).net());
        assertEquals(4, store.countInvoices(ours()));
    }

    @Test
    void eachFilterNarrowsToExactlyTheMatchingInvoices() {
        assertEquals(List.of("Q-1004"), numbers(ours().withStatuses(Set.of(InvoiceStatus.FINALIZED))));
        assertEquals(List.of("Q-1003", "Q-1001"), numbers(ours().withCustomer(tag + " boulangerie")));
        assertEquals(List.of("Q-1003", "Q-1002"),
                numbers(ours().withIssued(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 3, 10))));
        assertEquals(List.of("Q-1002"), numbers(ours().withText("MARCH")), "the memo is searched, any case");
        assertEquals(List.of("Q-1003"), numbers(ours().withText(tag + "Q-1003")), "the number is searched");
        assertEquals(List.of("Q-1004", "Q-1002"), numbers(ours().withText("100%")),
                "a % the user types is a percent sign, not a wildcard");
        assertEquals(1, store.countInvoices(ours().withText("march")));
        assertEquals(List.of(), numbers(ours().withText("100_")), "an underscore is taken literally too");
    }

    @Test
    void sortsByEveryColumnAndReadsOnePageAtATime() {
        assertEquals(List.of("Q-1004", "Q-1002", "Q-1001", "Q-1003"), numbers(ours().sortedBy(Order.NET, false)));
        assertEquals(List.of("Q-1001", "Q-1003", "Q-1002", "Q-1004"), numbers(ours().sortedBy(Order.CUSTOMER, false)),
                "by customer, then by number in the same direction");
        assertEquals(List.of("Q-1001", "Q-1002", "Q-1003", "Q-1004"), numbers(ours().sortedBy(Order.NUMBER, false)));
        assertEquals(List.of("Q-1001", "Q-1002", "Q-1003", "Q-1004"), numbers(ours().sortedBy(Order.STATUS, false)),
                "DRAFT before FINALIZED, then by number");
        List<InvoiceSummary> page = store.findInvoices(ours().sortedBy(Order.NUMBER, false), 1, 2);
        assertEquals(List.of(tag + "Q-1002", tag + "Q-1003"), page.stream().map(InvoiceSummary::number).toList());
    }

    @Test
    void refusesAPageThatCannotExistAndDatesTheWrongWayRound() {
        assertThrows(IllegalArgumentException.class, () -> store.findInvoices(ours(), -1, 10));
        assertThrows(IllegalArgumentException.class, () -> store.findInvoices(ours(), 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> ours().withIssued(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1)));
    }
}
