package org.ledgerport.ui.parts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.resource.ImageDescriptor;
import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.export.ExportState;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.Preflight;
import org.ledgerport.core.export.QueuedExport;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.Severity;
import org.ledgerport.ui.Formats;
import org.ledgerport.ui.Icons;

/**
 * What the Export view's status column says of one invoice: the icon, one line, and the full story for the
 * tooltip.
 *
 * @param outcome the outcome it stands for, or null while it is only ready or being exported
 * @param fromRun it is a result of an export this view ran, which keeps the row listed until the next refresh
 */
record ExportRowStatus(ImageDescriptor icon, String text, String details, ExportOutcome outcome, boolean fromRun) {

    /** Finalized and not yet exported: where every listed invoice starts. */
    static final ExportRowStatus READY = new ExportRowStatus(Icons.get("ready"), "Ready",
            "Finalized and not yet exported to this connection.", null, false);

    /** Sent off in the export under way, no result yet. */
    static final ExportRowStatus EXPORTING = new ExportRowStatus(null, "Exporting\u2026", "", null, false);

    /** The result an export run gave it. */
    static ExportRowStatus of(InvoiceResult result) {
        Optional<Problem> warning = first(result.problems(), Severity.WARNING);
        String number = RunLabels.vendorNumber(result);
        String text = switch (result.outcome()) {
            case EXPORTED -> number.isEmpty() ? "Exported" : "Exported as " + number;
            default -> withReason(result.outcome().label(), result.reason());
        };
        ImageDescriptor icon = Icons.forOutcome(result.outcome());
        if (result.outcome() == ExportOutcome.EXPORTED && warning.isPresent()) {
            text += ", with a warning: " + warning.get().message();
            icon = Icons.get("warning");
        }
        return new ExportRowStatus(icon, text, RunLabels.problems(result.problems()), result.outcome(), true);
    }

    /** What a check (the pre-flight) found: it would be sent, or why not. */
    static ExportRowStatus of(Preflight.Check check) {
        String details = RunLabels.problems(check.problems());
        if (check.passes()) {
            Optional<Problem> warning = first(check.problems(), Severity.WARNING);
            return warning.isPresent()
                    ? new ExportRowStatus(Icons.get("warning"), "Checked, with a warning: " + warning.get().message(),
                            details, ExportOutcome.CHECKED, false)
                    : new ExportRowStatus(Icons.forOutcome(ExportOutcome.CHECKED), "Checked: can be exported",
                            details, ExportOutcome.CHECKED, false);
        }
        Optional<Problem> error = first(check.problems(), Severity.ERROR);
        if (error.isEmpty()) {
            // Left out without an error: already exported, or being exported elsewhere.
            String reason = check.problems().isEmpty() ? "" : check.problems().get(0).message();
            return new ExportRowStatus(Icons.forOutcome(ExportOutcome.SKIPPED),
                    withReason(ExportOutcome.SKIPPED.label(), reason), details, ExportOutcome.SKIPPED, false);
        }
        return new ExportRowStatus(Icons.forOutcome(ExportOutcome.FAILED), "Would fail: " + error.get().message(),
                details, ExportOutcome.FAILED, false);
    }

    /** How an earlier export that tried this invoice ended; the Process Log has its reasons. */
    static ExportRowStatus earlier(ExportState state) {
        return new ExportRowStatus(Icons.forOutcome(state.outcome()),
                state.outcome().label() + " (" + Formats.dateTime(state.at()) + ")",
                "The latest export that tried this invoice ended so. The Errors view and the Process Log show why.",
                state.outcome(), false);
    }

    /**
     * Waiting in the queue of a connection that exports each invoice as it is finalized: "Queued: tried 3 times,
     * next try at 14:05 · QuickBooks Online cannot be reached".
     */
    static ExportRowStatus queued(QueuedExport queued) {
        String next = queued.nextTry().isAfter(Instant.now()) ? "next try " + Formats.dateTime(queued.nextTry())
                : "to be tried now";
        // The queue counts its tries as a whole; an invoice without a problem of its own was not tried yet.
        String text = queued.attempts() == 0 || queued.lastProblem().isEmpty() ? "Queued: " + next
                : "Queued: tried " + (queued.attempts() == 1 ? "once" : queued.attempts() + " times") + ", " + next
                        + RunLabels.DOT + queued.lastProblem();
        String details = "Exported by itself as soon as it was finalized, as this connection is set to. It is "
                + "tried again with growing pauses while the accounting package cannot take it; Retry now tries "
                + "at once." + (queued.lastProblem().isEmpty() ? "" : "\nLast try: " + queued.lastProblem());
        return new ExportRowStatus(Icons.get("queued"), text, details, null, false);
    }

    /** The queue exported it by itself while the view showed it queued; it stays listed until a refresh. */
    static ExportRowStatus exportedByItself(ExportState state) {
        String number = state.externalNumber().isEmpty() ? "" : " as " + state.externalNumber();
        return new ExportRowStatus(Icons.forOutcome(ExportOutcome.EXPORTED), "Exported" + number + " by itself ("
                + Formats.dateTime(state.at()) + ")", "Exported by itself from the queue, as this connection "
                + "exports each invoice as soon as it is finalized.", ExportOutcome.EXPORTED, true);
    }

    boolean exported() {
        return fromRun && outcome == ExportOutcome.EXPORTED;
    }

    private static String withReason(String label, String reason) {
        return reason.isEmpty() ? label : label + ": " + reason;
    }

    private static Optional<Problem> first(List<Problem> problems, Severity severity) {
        return problems.stream().filter(p -> p.severity() == severity).findFirst();
    }
}
