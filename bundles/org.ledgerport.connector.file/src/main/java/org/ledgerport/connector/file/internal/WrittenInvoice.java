package org.ledgerport.connector.file.internal;

import java.nio.file.Path;
import java.time.LocalDate;

import org.ledgerport.core.connector.ExternalInvoice;

/**
 * One invoice in an export file.
 *
 * @param firstRow the file's row (1 for the first) the invoice starts on, as a spreadsheet or editor counts
 * @param lastRow  the row it ends on
 */
record WrittenInvoice(String ourReference, String number, LocalDate date, int firstRow, int lastRow) {

    /**
     * The invoice as the engine records it. The file name and our reference identify it, because a file holds a
     * batch and a package gives imported invoices ids only when it imports them.
     */
    ExternalInvoice external(Path file) {
        return new ExternalInvoice(file.getFileName() + "#" + ourReference, number, date, "",
                "%s, rows %d-%d".formatted(file.toAbsolutePath(), firstRow, lastRow));
    }
}
