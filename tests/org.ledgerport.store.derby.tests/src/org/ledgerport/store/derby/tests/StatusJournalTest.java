package org.ledgerport.store.derby.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ledgerport.core.connector.VendorStatus;
import org.ledgerport.core.connector.Withdrawal;
import org.ledgerport.core.export.VendorState;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.HistoryEntry;
import org.ledgerport.core.model.HistoryEntry.Kind;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.LifecycleException;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.store.ExportJournal;
import org.ledgerport.core.store.InvoiceHistory;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.StatusJournal;
import org.ledgerport.core.store.StatusJournal.VendorUpdate;
import org.ledgerport.core.store.StoreException;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

/** What comes back from the vendor after an export, and withdrawals, as the status journal keeps them. */
class StatusJournalTest {

    private static InvoiceStore store;
    private static StatusJournal journal;
    private static InvoiceHistory history;
    private static Firm firm;
    private static Customer customer;

    @BeforeAll
    static void services() throws InterruptedException {
        store = Osgi.service(InvoiceStore.class);
        journal = Osgi.service(StatusJournal.class);
        history = Osgi.service(InvoiceHistory.class);
        firm = new Firm(store, "STS");
        customer = firm.customer("Status & Sons");
    }

    @Test
    void aPullMovesAnInvoicePaidThereToPaidThenClosedAndSaysSoInItsHistory() throws Exception {
        Connection connection = Books.connection("Paid Books");
        Invoice invoice = Books.exported(firm, customer, connection, "QB-1001");
        assertEquals(List.of(Kind.STATUS_CHANGED, Kind.EXPORTED), kinds(invoice));
        assertEquals("Exported to %s as QB-1001.".formatted(connection.name()),
                history.history(invoice.id()).get(1).text());
        assertEquals(Books.owner(), history.history(invoice.id()).get(1).user(), "the export names the run's user");

        // A package's time is in whole seconds on a clock not ours: it may read before the export it follows.
        Instant paidAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        Instant pulledUpTo = paidAt.plusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        VendorState paid = new VendorState(invoice.id(), connection.id(), connection.name(), VendorStatus.PAID,
                Money.of("0.00", "EUR"), paidAt.truncatedTo(ChronoUnit.MILLIS), false);
        Map<Long, Invoice> after = journal.applyPull(connection.id(), List.of(new VendorUpdate(invoice.id(),
                invoice.version(), paid, List.of(InvoiceStatus.PAID, InvoiceStatus.CLOSED),
                List.of(vendorEntry(invoice, connection, paidAt, "Paid in full in QuickBooks.")))), pulledUpTo);

        Invoice closed = after.get(invoice.id());
        assertEquals(InvoiceStatus.CLOSED, closed.status());
        assertEquals(invoice.version() + 2, closed.version(), "two moves");
        assertEquals(closed, store.findInvoice(invoice.id()).orElseThrow());
        List<HistoryEntry> entries = history.history(invoice.id());
        assertEquals(List.of(Kind.STATUS_CHANGED, Kind.EXPORTED, Kind.VENDOR_STATUS, Kind.STATUS_CHANGED,
                Kind.STATUS_CHANGED), kinds(invoice));
        assertEquals("Paid in full in QuickBooks.", entries.get(2).text());
        assertTrue(entries.get(3).text().startsWith("Marked paid"), entries.get(3).text());
        assertTrue(entries.get(4).text().startsWith("Closed"), entries.get(4).text());
        assertEquals(connection.name(), entries.get(3).source(), "the move came from the connection");
        assertEquals(Map.of(invoice.id(), List.of(paid)), journal.vendorStates(List.of(invoice.id())));
        assertEquals(pulledUpTo, journal.lastPull(connection.id()).orElseThrow());
    }

    @Test
    void anInvoiceChangedHereMeanwhileKeepsItsStatusAndItsHistorySaysWhy() throws Exception {
        Connection connection = Books.connection("Busy Books");
        Invoice read = Books.exported(firm, customer, connection, "QB-2001");
        Invoice paidHere = store.changeStatus(read.id(), read.version(), InvoiceStatus.PAID);
        assertTrue(journal.lastPull(connection.id()).isEmpty(), "never pulled");

        VendorState paid = new VendorState(read.id(), connection.id(), connection.name(), VendorStatus.PAID,
                Money.of("0.00", "EUR"), Instant.now().truncatedTo(ChronoUnit.MILLIS), false);
        Map<Long, Invoice> after = journal.applyPull(connection.id(), List.of(new VendorUpdate(read.id(),
                read.version(), paid, List.of(InvoiceStatus.PAID, InvoiceStatus.CLOSED), List.of())), Instant.now());

        assertEquals(paidHere, after.get(read.id()), "neither moved nor saved again");
        assertEquals(paidHere, store.findInvoice(read.id()).orElseThrow());
        HistoryEntry last = history.history(read.id()).getLast();
        assertEquals(Kind.VENDOR_STATUS, last.kind());
        assertTrue(last.text().contains("changed here meanwhile"), last.text());
        assertEquals(List.of(paid), journal.vendorStates(List.of(read.id())).get(read.id()),
                "what the vendor says is kept all the same");
    }

    @Test
    void aWithdrawnInvoiceIsNoLongerExportedThereAndAVoidedOneKeepsItsNumber() throws Exception {
        Connection connection = Books.connection("Withdrawn Books");
        ExportJournal exports = Osgi.service(ExportJournal.class);
        Invoice voided = Books.exported(firm, customer, connection, "INV-0091");
        Invoice deleted = Books.exported(firm, customer, connection, "INV-0092");
        Invoice voidedNumberFree = Books.exported(firm, customer, connection, "INV-0093");
        assertThrows(LifecycleException.class,
                () -> store.changeStatus(voided.id(), voided.version(), InvoiceStatus.DRAFT),
                "not a draft again while it is still at the vendor");

        journal.withdrawn(connection.id(), voided.id(), Withdrawal.VOIDED, true,
                withdrawnEntry(voided, connection, "Voided in QuickBooks; it keeps number INV-0091."));
        journal.withdrawn(connection.id(), deleted.id(), Withdrawal.DELETED, false,
                withdrawnEntry(deleted, connection, "Deleted in QuickBooks."));
        journal.withdrawn(connection.id(), voidedNumberFree.id(), Withdrawal.VOIDED, false,
                withdrawnEntry(voidedNumberFree, connection, "Voided; its number is free again."));

        assertEquals(Map.of(), exports.references(connection.id(), List.of(voided.id(), deleted.id())));
        Map<String, StatusJournal.Reference> kept = journal.referencesByExternalId(connection.id(),
                List.of("ext-" + voided.id(), "ext-" + deleted.id()));
        assertEquals(Set.of("ext-" + voided.id(), "ext-" + deleted.id()), kept.keySet(), "both kept");
        assertTrue(kept.values().stream().allMatch(StatusJournal.Reference::withdrawn));
        assertEquals(voided.id(), kept.get("ext-" + voided.id()).reference().invoiceId());
        assertEquals(Set.of("INV-0091"),
                journal.numbersKept(connection.id(), List.of("INV-0091", "INV-0092", "INV-0093")));
        VendorState state = journal.vendorStates(List.of(voided.id())).get(voided.id()).getFirst();
        assertEquals(VendorStatus.VOIDED, state.status());
        assertFalse(state.needsAttention(), "withdrawn on our request");
        assertEquals(Kind.WITHDRAWN, history.history(voided.id()).getLast().kind());

        Invoice draft = store.changeStatus(voided.id(), voided.version(), InvoiceStatus.DRAFT);
        assertEquals(InvoiceStatus.DRAFT, draft.status(), "a draft again once withdrawn everywhere");
        StoreException twice = assertThrows(StoreException.class, () -> journal.withdrawn(connection.id(),
                deleted.id(), Withdrawal.DELETED, false, withdrawnEntry(deleted, connection, "Deleted again.")));
        assertTrue(twice.getMessage().contains("withdrawn there already"), twice.getMessage());
    }

    @Test
    void anInvoiceVoidedAtTheVendorWaitsForTheUsersDecisionAndIsThenVoidedHere() throws Exception {
        Connection connection = Books.connection("Surprise Books");
        Invoice invoice = Books.exported(firm, customer, connection, "INV-0301");
        VendorState voidedThere = new VendorState(invoice.id(), connection.id(), connection.name(),
                VendorStatus.VOIDED, null, Instant.now().truncatedTo(ChronoUnit.MILLIS), true);
        journal.applyPull(connection.id(), List.of(new VendorUpdate(invoice.id(), invoice.version(), voidedThere,
                List.of(), List.of(new HistoryEntry(invoice.id(), voidedThere.changedAt(), Kind.VENDOR_PROBLEM,
                        connection.name(), "", "Voided in QuickBooks without Ledgerport.")))), Instant.now());
        assertTrue(journal.needingAttention().contains(voidedThere));
        assertEquals(invoice, store.findInvoice(invoice.id()).orElseThrow(), "nothing changed for the user");

        Invoice resolved = journal.resolve(connection.id(), invoice.id(), invoice.version(), InvoiceStatus.VOID,
                new HistoryEntry(invoice.id(), Instant.now(), Kind.PROBLEM_RESOLVED, HistoryEntry.LEDGERPORT,
                        Books.owner(), "Voided here too."));

        assertEquals(InvoiceStatus.VOID, resolved.status());
        assertEquals(resolved, store.findInvoice(invoice.id()).orElseThrow());
        assertFalse(journal.needingAttention().stream().anyMatch(s -> s.invoiceId() == invoice.id()));
        assertEquals(Map.of(), Osgi.service(ExportJournal.class).references(connection.id(), List.of(invoice.id())));
        assertEquals(Set.of("INV-0301"), journal.numbersKept(connection.id(), List.of("INV-0301")),
                "the vendor keeps a voided invoice's number");
        assertEquals(Kind.PROBLEM_RESOLVED, history.history(invoice.id()).getLast().kind());
    }

    private static List<Kind> kinds(Invoice invoice) {
        return history.history(invoice.id()).stream().map(HistoryEntry::kind).toList();
    }

    private static HistoryEntry vendorEntry(Invoice invoice, Connection connection, Instant at, String text) {
        return new HistoryEntry(invoice.id(), at, Kind.VENDOR_STATUS, connection.name(), "", text);
    }

    private static HistoryEntry withdrawnEntry(Invoice invoice, Connection connection, String text)
            throws InterruptedException {
        return new HistoryEntry(invoice.id(), Instant.now(), Kind.WITHDRAWN, connection.name(), Books.owner(), text);
    }
}
