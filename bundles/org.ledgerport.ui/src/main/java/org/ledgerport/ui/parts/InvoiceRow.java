package org.ledgerport.ui.parts;

import java.util.List;

import org.ledgerport.core.export.ExportState;
import org.ledgerport.core.export.VendorState;
import org.ledgerport.core.model.InvoiceSummary;

/**
 * One loaded row of the invoice list: the invoice, where it stands at each connection it was sent to, and what the
 * accounting packages last said of it (paid, partly paid, approved, voided there).
 */
record InvoiceRow(InvoiceSummary invoice, List<ExportState> exports, List<VendorState> vendor) {

    InvoiceRow {
        exports = List.copyOf(exports);
        vendor = List.copyOf(vendor);
    }

    /** "Quay Books: #1001 · partly paid, €70.00 still due", as the Export status column says it. */
    String standing() {
        return vendor.isEmpty() ? InvoiceExportStates.describe(exports) : VendorStateText.standing(exports, vendor);
    }

    /** A package voided or deleted it on its own: the user must decide what happens here. */
    boolean needsAttention() {
        return vendor.stream().anyMatch(VendorState::needsAttention);
    }
}
