package org.ledgerport.ui.parts;

import java.util.List;
import java.util.Optional;

import org.eclipse.jface.resource.ImageDescriptor;
import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.export.ExportState;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.Preflight;
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
