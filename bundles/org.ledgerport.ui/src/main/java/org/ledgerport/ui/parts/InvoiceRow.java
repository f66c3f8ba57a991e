package org.ledgerport.ui.parts;

import java.util.List;

import org.ledgerport.core.export.ExportState;
import org.ledgerport.core.model.InvoiceSummary;

/** One loaded row of the invoice list: the invoice and where it stands at each connection it was sent to. */
record InvoiceRow(InvoiceSummary invoice, List<ExportState> exports) {

    InvoiceRow {
        exports = List.copyOf(exports);
    }
}
