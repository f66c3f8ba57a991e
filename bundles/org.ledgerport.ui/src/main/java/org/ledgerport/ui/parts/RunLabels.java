package org.ledgerport.ui.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.model.Problem;
import org.ledgerport.ui.Formats;

/** How the run views put export runs and their results into words. */
final class RunLabels {

    /** Separates the parts of a one-line description. */
    static final String DOT = " \u00b7 ";

    private RunLabels() {
    }

    /** What a view says when a read from the database failed, and what to do about it. */
    static String unreadable(String what, RuntimeException failure) {
        return what + " could not be read from Ledgerport's database: " + failure.getMessage()
                + "\n\nPress F5 to try again. If it keeps failing, restart Ledgerport.";
    }

    /** "Run 12 · 21 Nov 2026, 14:03 · QuickBooks · 15 failed". */
    static String title(RunSummary run) {
        return String.join(DOT, "Run " + run.id(), Formats.dateTime(run.startedAt()), run.connectionName(),
                outcome(run));
    }

    /** What came of a run in a few words: its problems when it had any, else what it exported. */
    static String outcome(RunSummary run) {
        List<String> problems = new ArrayList<>();
        if (run.failed() > 0) {
            problems.add(run.failed() + " failed");
        }
        if (run.unconfirmed() > 0) {
            problems.add(run.unconfirmed() + " not confirmed yet");
        }
        if (!problems.isEmpty()) {
            return String.join(DOT, problems);
        }
        return switch (run.outcome()) {
            case RUNNING -> "running";
            case DRY_RUN -> "dry run";
            case CANCELLED -> "cancelled, " + run.exported() + " exported";
            default -> run.exported() + " exported";
        };
    }

    /** "Exported as 1042", "Failed", "Not confirmed yet". */
    static String result(InvoiceResult result) {
        String number = vendorNumber(result);
        return result.outcome() == ExportOutcome.EXPORTED && !number.isEmpty()
                ? result.outcome().label() + " as " + number
                : result.outcome().label();
    }

    /** The accounting package's number for the invoice, or empty when it has none. */
    static String vendorNumber(InvoiceResult result) {
        return result.external() == null ? "" : result.external().number();
    }

    /** "1 invoice", "12 invoices". */
    static String invoices(long count) {
        return count == 1 ? "1 invoice" : count + " invoices";
    }

    /** One line per problem, "Error: ...", for tooltips and the clipboard. */
    static String problems(List<Problem> problems) {
        return problems.stream().map(p -> p.severity().label() + ": " + p.message())
                .collect(Collectors.joining("\n"));
    }

    /** The text as labels, links and buttons show it: an '&' there would start a mnemonic, so it is doubled. */
    static String literal(String text) {
        return text.replace("&", "&&");
    }
}
