package org.ledgerport.importer.internal;

/**
 * A customer as the file names or describes it. Only the name is needed to invoice a customer who is already
 * known; the rest describes a new one.
 *
 * @param currency empty means the currency of the invoice that names the customer
 */
record CustomerCells(Cell name, Cell email, Cell currency, AddressCells address, Cell taxExempt) {

    /** Whether the file gives nothing but the name, so the customer is named rather than described. */
    boolean nameOnly() {
        return !email.given() && !currency.given() && !address.given() && !taxExempt.given();
    }
}
