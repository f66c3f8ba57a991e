package org.ledgerport.core.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ledgerport.core.export.ExportState;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.RunSummary;

/**
 * The record of export runs (one entry per run, with every invoice's result and problems) and of the other things
 * users did: reverts, payments, status refreshes, connection and role changes.
 */
public interface ProcessLog {

    /** Adds an activity; its id and, when the workstation is empty, the workstation are filled in. */
    Activity record(Activity activity);

    /** The latest activities, newest first. */
    List<Activity> recentActivity(int limit);

    /** The latest runs, newest first. */
    List<RunSummary> recentRuns(int limit);

    Optional<RunSummary> run(long runId);

    /** The run's per-invoice results, in the order they were recorded. */
    List<InvoiceResult> results(long runId);

    /**
     * Where each of these invoices stands at every connection it was exported or sent to (dry runs do not
     * count), by invoice id; invoices never sent anywhere are left out.
     */
    Map<Long, List<ExportState>> exportStates(Collection<Long> invoiceIds);
}
