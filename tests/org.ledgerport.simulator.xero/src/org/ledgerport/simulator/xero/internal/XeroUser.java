package org.ledgerport.simulator.xero.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.ledgerport.simulator.xero.Account;
import org.ledgerport.simulator.xero.AccountType;
import org.ledgerport.simulator.xero.Contact;
import org.ledgerport.simulator.xero.Invoice;
import org.ledgerport.simulator.xero.InvoiceStatus;
import org.ledgerport.simulator.xero.Payment;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A person working in Xero, as a test plays them: approving, paying, voiding and deleting invoices, archiving
 * contacts. Xero's rules hold for them as for an app; an action Xero would refuse throws
 * {@link IllegalStateException} with its reason.
 */
public final class XeroUser {

    private final Ledgers ledgers;
    private final Clock clock;

    public XeroUser(Ledgers ledgers, Clock clock) {
        this.ledgers = ledgers;
        this.clock = clock;
    }

    public Invoice changeStatus(UUID tenant, UUID invoiceId, InvoiceStatus status) {
        Ledger ledger = ledgers.require(tenant);
        InvoiceRules.Outcome outcome = ledger.write(books -> {
            Invoice existing = existing(books, invoiceId);
            ObjectNode element = XeroJson.object().put("Status", status.name());
            // The user's screens keep unit amounts to 4 places, so nothing is rounded by a status change.
            return new InvoiceRules(ledger, books, now(), null, 4).update(existing, element);
        }, result -> result instanceof InvoiceRules.Saved);
        if (outcome instanceof InvoiceRules.Refused refused) {
            throw new IllegalStateException("Xero refuses to make the invoice " + status + ": "
                    + String.join(" ", refused.messages()));
        }
        return ((InvoiceRules.Saved) outcome).invoice();
    }

    /**
     * Applies a payment into the organisation's first bank account; the invoice becomes PAID, with this date as
     * FullyPaidOnDate, when nothing is left due.
     */
    public Invoice pay(UUID tenant, UUID invoiceId, BigDecimal amount, LocalDate date) {
        Ledger ledger = ledgers.require(tenant);
        String bank = ledger.accounts().values().stream().filter(a -> a.type() == AccountType.BANK && !a.archived())
                .map(Account::code).findFirst().orElseThrow(() -> new IllegalStateException("The organisation has no "
                        + "bank account to receive the payment into."));
        return ledger.write(books -> {
            Invoice existing = existing(books, invoiceId);
            if (existing.status() != InvoiceStatus.AUTHORISED) {
                throw new IllegalStateException("Only AUTHORISED invoices can be paid; " + label(existing) + " is "
                        + existing.status() + ".");
            }
            if (amount.signum() <= 0 || amount.compareTo(existing.amountDue()) > 0) {
                throw new IllegalStateException("A payment must be more than 0 and at most the amount due ("
                        + existing.amountDue().toPlainString() + ") of " + label(existing) + ".");
            }
            Instant now = now();
            Invoice paid = existing.withPayment(new Payment(UUID.randomUUID(), date,
                    amount.setScale(2, RoundingMode.HALF_UP), null, bank, now), now);
            books.invoices.put(paid.invoiceId(), paid);
            return paid;
        }, paid -> true);
    }

    /** Takes every payment off, as Xero requires before an invoice can be voided or edited. */
    public Invoice removePayments(UUID tenant, UUID invoiceId) {
        return ledgers.require(tenant).write(books -> {
            Invoice existing = existing(books, invoiceId);
            if (existing.payments().isEmpty()) {
                throw new IllegalStateException(label(existing) + " has no payments to remove.");
            }
            Invoice unpaid = existing.withoutPayments(now());
            books.invoices.put(unpaid.invoiceId(), unpaid);
            return unpaid;
        }, unpaid -> true);
    }

    public Contact archiveContact(UUID tenant, UUID contactId) {
        return ledgers.require(tenant).write(books -> {
            Contact contact = books.contacts.get(contactId);
            if (contact == null) {
                throw new IllegalArgumentException("The organisation has no contact " + contactId);
            }
            Contact archived = contact.archivedAt(now());
            books.contacts.put(contactId, archived);
            return archived;
        }, archived -> true);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Invoice existing(Books books, UUID invoiceId) {
        Invoice invoice = books.invoices.get(invoiceId);
        if (invoice == null) {
            throw new IllegalArgumentException("The organisation has no invoice " + invoiceId);
        }
        return invoice;
    }

    private static String label(Invoice invoice) {
        return invoice.invoiceNumber() == null ? "invoice " + invoice.invoiceId()
                : "invoice " + invoice.invoiceNumber();
    }
}
