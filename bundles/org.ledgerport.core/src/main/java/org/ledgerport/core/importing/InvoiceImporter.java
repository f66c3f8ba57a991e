package org.ledgerport.core.importing;

import java.nio.file.Path;

/**
 * Reads the invoices a billing system exported (CSV or JSON, documented in docs/import-formats.md) into the
 * database: all of a file or, when any row is wrong, none of it.
 */
public interface InvoiceImporter {

    /** Reads and checks the file and saves it when every row is right. */
    ImportReport importFile(Path file);

    /** Reads and checks the file without saving anything. */
    ImportReport check(Path file);
}
