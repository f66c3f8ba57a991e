package org.ledgerport.ui.parts;

import java.time.LocalDate;

import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.Money;

/** One invoice in the Export view's list, with its customer's name read along with it. */
record ExportRow(long invoiceId, String number, String customer, LocalDate issued, Money net) {

    static ExportRow of(Invoice invoice, String customer) {
        return new ExportRow(invoice.id(), invoice.number(), customer, invoice.issueDate(), invoice.net());
    }
}
