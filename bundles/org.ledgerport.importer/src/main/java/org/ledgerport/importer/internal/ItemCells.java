package org.ledgerport.importer.internal;

/** An item as the file describes it in its list of items. */
record ItemCells(Cell code, Cell name, Cell price, Cell currency, Cell incomeAccount, Cell taxCode) {
}
