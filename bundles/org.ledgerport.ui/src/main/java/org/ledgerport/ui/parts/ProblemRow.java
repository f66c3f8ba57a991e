package org.ledgerport.ui.parts;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.model.Problem;

/** One problem of one invoice in one run: a child row of the Errors view, a line copied, a row of its CSV file. */
record ProblemRow(long runId, InvoiceResult result, Problem problem) {

    /** The header of the CSV file, in the order of {@link #csv()}. */
    static final String[] CSV_COLUMNS = {"Run", "Invoice", "Severity", "Code", "Message", "Vendor code",
        "Vendor message"};

    ProblemRemedy remedy() {
        return ProblemRemedy.of(problem.code());
    }

    String[] csv() {
        return new String[] {Long.toString(runId), result.invoiceNumber(), problem.severity().label(), problem.code(),
            problem.message(), problem.vendorCode(), problem.vendorMessage()};
    }

    /** One line of plain text, as it goes to the clipboard. */
    String text() {
        String line = "Invoice %s\t%s\t%s".formatted(result.invoiceNumber(), problem.severity().label(),
                problem.message());
        String vendor = Stream.of(problem.vendorCode(), problem.vendorMessage()).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(": "));
        return vendor.isEmpty() ? line : line + "\t(" + vendor + ")";
    }
}
