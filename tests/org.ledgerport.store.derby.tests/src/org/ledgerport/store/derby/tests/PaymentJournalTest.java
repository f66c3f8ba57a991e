package org.ledgerport.store.derby.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.HistoryEntry;
import org.ledgerport.core.model.HistoryEntry.Kind;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.Payment;
import org.ledgerport.core.model.PaymentDraft;
import org.ledgerport.core.model.PaymentState;
import org.ledgerport.core.store.InvoiceHistory;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.PaymentJournal;
import org.ledgerport.core.store.StoreException;
import org.ledgerport.store.derby.internal.DerbyDatabase;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

/** A payment recorded here goes RECORDED -> SENDING -> SENT (or FAILED), and is never sent by two at once. */
class PaymentJournalTest {

    private static PaymentJournal payments;
    private static InvoiceHistory history;
    private static Firm firm;
    private static Connection connection;

    @BeforeAll
    static void services() throws InterruptedException {
        payments = Osgi.service(PaymentJournal.class);
        history = Osgi.service(InvoiceHistory.class);
        firm = new Firm(Osgi.service(InvoiceStore.class), "PAY");
        connection = Books.connection("Payment Books");
    }

    @Test
    void aPaymentIsSentOnceAndAnsweredOnce() throws Exception {
        Invoice invoice = Books.exported(firm, firm.customer("Payer Ltd"), connection, "QB-3001");
        String owner = Books.owner();
        Payment recorded = payments.record(new PaymentDraft(invoice.id(), connection.id(), Money.of("40.00", "EUR"),
                LocalDate.of(2026, 11, 20), "1200", " BANK-77 "), owner, entry(invoice, Kind.PAYMENT_RECORDED));
        assertEquals(PaymentState.RECORDED, recorded.state());
        assertEquals("BANK-77", recorded.reference());
        assertEquals(recorded, payments.payment(recorded.id()).orElseThrow(), "field by field");
        assertEquals(List.of(recorded), payments.unsent(connection.id()).stream()
                .filter(p -> p.invoiceId() == invoice.id()).toList());

        Payment sending = payments.startSending(recorded.id()).orElseThrow();
        assertEquals(PaymentState.SENDING, sending.state());
        assertTrue(payments.startSending(recorded.id()).isEmpty(), "another sender leaves it alone while in flight");

        Payment unanswered = payments.unconfirmed(recorded.id(), "The connection was reset.");
        assertEquals(PaymentState.SENDING, unanswered.state());
        assertEquals("The connection was reset.", unanswered.problem());
        assertTrue(payments.startSending(recorded.id()).isPresent(), "followed up at once with the same key");

        Payment sent = payments.sent(recorded.id(), "PMT-9", entry(invoice, Kind.PAYMENT_SENT));
        assertEquals(PaymentState.SENT, sent.state());
        assertEquals("PMT-9", sent.externalId());
        assertEquals("", sent.problem());
        assertTrue(payments.startSending(recorded.id()).isEmpty(), "a sent payment is never sent again");
        assertTrue(payments.unsent(connection.id()).stream().noneMatch(p -> p.id() == recorded.id()));
        StoreException twice = assertThrows(StoreException.class,
                () -> payments.sent(recorded.id(), "PMT-10", entry(invoice, Kind.PAYMENT_SENT)));
        assertTrue(twice.getMessage().contains("in the accounting package"), twice.getMessage());
        assertEquals("PMT-9", payments.payment(recorded.id()).orElseThrow().externalId());

        Payment second = payments.record(new PaymentDraft(invoice.id(), connection.id(), Money.of("60.00", "EUR"),
                LocalDate.of(2026, 11, 21), "1200", ""), owner, entry(invoice, Kind.PAYMENT_RECORDED));
        payments.startSending(second.id()).orElseThrow();
        Payment refused = payments.refused(second.id(), "The deposit account 1200 is archived.",
                entry(invoice, Kind.PAYMENT_SENT));
        assertEquals(PaymentState.FAILED, refused.state());
        assertTrue(payments.startSending(second.id()).isEmpty(), "a refused payment is not sent again");

        assertEquals(List.of(recorded.id(), second.id()),
                payments.payments(invoice.id()).stream().map(Payment::id).toList(), "oldest first");
        assertEquals(List.of(Kind.PAYMENT_RECORDED, Kind.PAYMENT_SENT, Kind.PAYMENT_RECORDED, Kind.PAYMENT_SENT),
                history.history(invoice.id()).stream().map(HistoryEntry::kind)
                        .filter(k -> k.name().startsWith("PAYMENT")).toList());
    }

    @Test
    void aPaymentWhoseSenderWentSilentIsTakenOverAfterTenMinutes() throws Exception {
        Invoice invoice = Books.exported(firm, firm.customer("Late Payer"), connection, "QB-3002");
        Payment recorded = payments.record(new PaymentDraft(invoice.id(), connection.id(), Money.of("100.00", "EUR"),
                LocalDate.of(2026, 11, 22), "1200", ""), Books.owner(), entry(invoice, Kind.PAYMENT_RECORDED));
        payments.startSending(recorded.id()).orElseThrow();
        assertTrue(payments.startSending(recorded.id()).isEmpty());

        // The sender crashed eleven minutes ago, by the database's clock.
        Osgi.service(DerbyDatabase.class).write(null, c -> {
            try (PreparedStatement age = c.prepareStatement("UPDATE payment SET sending_since = "
                    + "{fn TIMESTAMPADD(SQL_TSI_MINUTE, -11, CURRENT_TIMESTAMP)} WHERE id = ?")) {
                age.setLong(1, recorded.id());
                return age.executeUpdate();
            }
        });
        assertEquals(PaymentState.SENDING, payments.startSending(recorded.id()).orElseThrow().state());
    }

    private static HistoryEntry entry(Invoice invoice, Kind kind) {
        return new HistoryEntry(invoice.id(), Instant.now(), kind, HistoryEntry.LEDGERPORT, "tester", kind.name());
    }
}
