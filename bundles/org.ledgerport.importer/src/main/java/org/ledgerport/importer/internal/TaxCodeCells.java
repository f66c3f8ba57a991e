package org.ledgerport.importer.internal;

/** A tax code as the file describes it in its list of tax codes. */
record TaxCodeCells(Cell code, Cell name, Cell rate) {
}
