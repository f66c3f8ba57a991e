package org.ledgerport.cli.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.model.Problem;

/** How the commands put things into words for a person reading a terminal. */
final class Text {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Text() {
    }

    /** "1 invoice", "3 invoices". */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** "A", "A and B", "A, B and C". */
    static String list(List<String> items) {
        return list(items, "and");
    }

    /** "A", "A or B", "A, B or C" with "or". */
    static String list(List<String> items, String conjunction) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " "
                + items.get(items.size() - 1);
    }

    /** A moment in the local time zone, or empty when there is none (a run still going). */
    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(ZoneId.systemDefault()));
    }

    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return "%.1f s".formatted(millis / 1_000.0);
        }
        return "%d min %02d s".formatted(duration.toMinutes(), duration.toSecondsPart());
    }

    /** Who ran a run and where: "anna on WS-04". */
    static String who(RunSummary run) {
        return run.workstation().isBlank() ? run.user() : run.user() + " on " + run.workstation();
    }

    /** One invoice's result on one line: "INV-1002  Failed: Customer 'O'Keefe Ltd' could not be created ...". */
    static String result(InvoiceResult result) {
        StringBuilder line = new StringBuilder(result.invoiceNumber()).append("  ").append(result.outcome().label());
        if (result.outcome() == ExportOutcome.EXPORTED) {
            String theirs = result.external() == null ? "" : result.external().number();
            if (!theirs.isEmpty() && !theirs.equals(result.invoiceNumber())) {
                line.append(" as number ").append(theirs);
            }
            if (!result.problems().isEmpty()) {
                line.append(" (").append(count(result.problems().size(), "warning", "warnings")).append(": ")
                        .append(result.reason()).append(')');
            }
        } else if (!result.reason().isEmpty()) {
            line.append(": ").append(result.reason());
        }
        return line.toString();
    }

    /**
     * Prints problems one under the other, each with the accounting package's own code and text when it gave any.
     *
     * @param vendor the accounting package's name, or empty when it is not known
     */
    static void problems(PrintStream out, String indent, List<Problem> problems, String vendor) {
        for (Problem problem : problems) {
            out.println(indent + problem.severity().label() + ": " + problem.message()
                    + (problem.field().isEmpty() ? "" : " [" + problem.field() + "]"));
            String more = indent + " ".repeat(problem.severity().label().length() + 2);
            if (!problem.vendorCode().isEmpty() || !problem.vendorMessage().isEmpty()) {
                String said = (problem.vendorCode() + " " + problem.vendorMessage()).strip();
                out.println(more + (vendor.isEmpty() ? "The accounting package" : vendor) + " said: " + said);
            }
            if (problem.retryable()) {
                out.println(more + "Trying again may help.");
            }
        }
    }
}
