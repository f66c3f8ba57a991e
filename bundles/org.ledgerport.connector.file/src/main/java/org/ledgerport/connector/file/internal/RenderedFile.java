package org.ledgerport.connector.file.internal;

import java.util.List;

/**
 * An export file's bytes, and where each invoice sits in it.
 *
 * @param invoices in the order they were handed to the layout
 */
record RenderedFile(byte[] content, List<WrittenInvoice> invoices) {

    RenderedFile {
        invoices = List.copyOf(invoices);
    }
}
