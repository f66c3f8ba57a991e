package org.ledgerport.importer.internal;

/** Reads one file format into an {@link ImportPlan}, reporting what is wrong with the file's structure. */
interface InvoiceFileReader {

    /** What a file of this format starts with, for the error an empty file gets. */
    String expected();

    void read(String text, ImportPlan plan, ErrorList errors);
}
