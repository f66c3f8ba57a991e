package org.ledgerport.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.RunOutcome;
import org.ledgerport.core.model.Invoice;

/**
 * The export engine's memory: runs, attempts, the references of exported invoices and the vendor ids of
 * customers and items. Every method commits before it returns; that is what makes the engine's promises hold
 * across a crash.
 */
public interface ExportJournal {

    /** Whether other workstations may use the same database (a network server). */
    boolean shared();

    long startRun(long connectionId, String user, String workstation, String engineInstance, int selected,
            boolean dryRun);

    /** Says the run is alive, so other workstations leave its attempts alone. */
    void heartbeat(long runId);

    void finishRun(long runId, RunOutcome outcome);

    /** Records invoices' results (and their problems) in the run, in one transaction. */
    void recordResults(long runId, List<InvoiceResult> results);

    /** The invoices' references at the connection, for those exported there and not withdrawn. */
    Map<Long, ExportReference> references(long connectionId, Collection<Long> invoiceIds);

    /**
     * Claims invoices for sending and records an attempt for each, committed together before the request
     * leaves. An invoice another attempt holds (another workstation, an unsettled earlier attempt), or that
     * changed or was exported since it was read, gets no attempt.
     *
     * @return the attempts, for the claims that got one
     */
    List<Attempt> claim(long runId, long connectionId, List<Claim> claims);

    /**
     * In one transaction, for each confirmation: the attempt is confirmed, the reference saved and the invoice,
     * if still at the attempt's version, becomes exported.
     *
     * @return per confirmation, in order, false when the invoice changed while it was being exported and kept
     *         its status
     */
    List<Boolean> confirm(List<Confirmation> confirmations);

    /** The attempt did not create the invoice at the vendor (it was refused, or looked for and not found). */
    void release(Attempt attempt);

    /** Attempts on the connection that were journaled but neither confirmed nor released. */
    List<OpenAttempt> openAttempts(long connectionId);

    /** The vendor's ids of customers (by id) or items (by code) on the connection, where known. */
    Map<String, String> externalIds(long connectionId, EntityKind kind, Collection<String> localKeys);

    void saveExternalIds(long connectionId, EntityKind kind, Map<String, String> externalIds);

    /** What a connection caches the vendor's id of. */
    enum EntityKind {
        CUSTOMER, ITEM
    }

    /** An exported invoice's place at the vendor. */
    record ExportReference(long invoiceId, int invoiceVersion, ExternalInvoice external, Instant exportedAt) {
    }

    /** An invoice to claim, with the reference and idempotency key its attempt will carry. */
    record Claim(Invoice invoice, String ourReference, String idempotencyKey) {
    }

    /** The vendor has the invoice of an attempt. */
    record Confirmation(Attempt attempt, ExternalInvoice external) {
    }

    /** One journaled attempt to send a version of an invoice. */
    record Attempt(long id, long runId, long connectionId, long invoiceId, int invoiceVersion, String ourReference,
            String idempotencyKey) {
    }

    /**
     * An attempt without an outcome, with what is known of its run.
     *
     * @param runFinished         the run ended (normally or not) while the attempt was open
     * @param sinceHeartbeat      how long ago the run last said it was alive, by the database's clock so that
     *                            workstations with different clocks agree
     */
    record OpenAttempt(Attempt attempt, String invoiceNumber, String workstation, String engineInstance,
            boolean runFinished, Duration sinceHeartbeat) {
    }
}
