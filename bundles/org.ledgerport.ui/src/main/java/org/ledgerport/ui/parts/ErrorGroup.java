package org.ledgerport.ui.parts;

import java.util.List;

import org.ledgerport.core.export.InvoiceResult;

/** One invoice in the Errors view, with its customer and its problems as child rows. */
record ErrorGroup(InvoiceResult result, String customer, List<ProblemRow> problems) {

    static ErrorGroup of(long runId, InvoiceResult result, String customer) {
        return new ErrorGroup(result, customer, result.problems().stream()
                .map(problem -> new ProblemRow(runId, result, problem)).toList());
    }
}
