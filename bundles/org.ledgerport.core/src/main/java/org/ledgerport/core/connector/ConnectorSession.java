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

    /** Takes an exported invoice back by the vendor's rules: delete where it may, void otherwise. */
    Withdrawal withdraw(ExternalInvoice invoice) throws ConnectorException;

    /** Changes to exported invoices since the given moment, oldest first. */
    List<StatusChange> statusChangesSince(Instant since) throws ConnectorException;

    @Override
    void close();
}
