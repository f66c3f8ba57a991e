package org.ledgerport.core.connector;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.Problem;

/**
 * Work on one account, opened by {@link Connector#openSession}. The engine uses one session per run, from one
 * thread at a time. Every vendor failure becomes a {@link Problem}: results carry them per invoice, a
 * {@link ConnectorException} carries one for a call that failed as a whole.
 */
public interface ConnectorSession extends AutoCloseable {

    /** The vendor's tax codes, accounts and items; cached per connection, read again when {@code refresh}. */
    ReferenceData referenceData(boolean refresh) throws ConnectorException;

    /**
     * Checks an invoice against the vendor's rules and reference data with no network call. An empty list
     * means the vendor can be expected to accept it.
     */
    List<Problem> validate(OutgoingInvoice invoice, ReferenceData reference);

    /** Finds each customer at the vendor, creating the missing ones, in as few calls as the vendor allows. */
    Resolution<Long> resolveCustomers(List<Customer> customers) throws ConnectorException;

    /** Finds each item at the vendor by code, creating the missing ones. */
    Resolution<String> resolveItems(List<Item> items) throws ConnectorException;

    /**
     * Sends up to {@link Capabilities#maxBatchSize()} invoices, each with its idempotency key, and returns one
     * result per invoice in any order.
     */
    List<PushResult> push(List<OutgoingInvoice> batch) throws ConnectorException;

    /** Looks an invoice up by our reference, as the engine does before it sends anything twice. */
    Optional<ExternalInvoice> findByReference(String ourReference) throws ConnectorException;

    /**
     * Says what {@link #withdraw} would do to the invoice, reading its current state at the vendor and changing
     * nothing; refuses, with what the user must do at the vendor first, when the vendor's rules forbid it.
     */
    WithdrawalPlan planWithdrawal(ExternalInvoice invoice) throws ConnectorException;

    /**
     * Takes an exported invoice back by the vendor's rules: delete where it may, void otherwise; refuses as
     * {@link #planWithdrawal} does. Withdrawing an invoice already withdrawn changes nothing and says how it was.
     */
    Withdrawal withdraw(ExternalInvoice invoice) throws ConnectorException;

    /**
     * Changes to exported invoices since the given moment, oldest first, reading as many pages as the vendor
     * needs. A change the connector cannot tell apart from an earlier one may come again; the engine ignores it.
     */
    List<StatusChange> statusChangesSince(Instant since) throws ConnectorException;

    /**
     * Records a payment at the vendor and applies it to the invoice, once per idempotency key: sent again with
     * the same key (after a lost answer), the vendor answers with the payment it already has. Only connectors
     * whose {@link Capabilities#receivesPayments()} is true are asked.
     */
    default ExternalPayment sendPayment(OutgoingPayment payment) throws ConnectorException {
        throw new ConnectorException(Problem.error("payment.unsupported", "",
                "This accounting package does not take payments from Ledgerport; record the payment there."));
    }

    /**
     * The payment as the vendor holds it, when an earlier {@link #sendPayment} whose answer was lost recorded it
     * there; empty when it is not there. The engine asks before it sends a payment again, because a vendor has
     * been seen to record a payment twice despite the same idempotency key. A connector whose vendor keys
     * reliably may leave this empty.
     */
    default Optional<ExternalPayment> findPayment(OutgoingPayment payment) throws ConnectorException {
        return Optional.empty();
    }

    @Override
    void close();
}
