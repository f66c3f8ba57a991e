package org.ledgerport.importer.internal;

import java.util.List;

/**
 * An invoice as the file writes it, every value with the line and column or field it came from, so that each
 * check can point at the value it refuses.
 *
 * @param line       where the invoice starts: its first CSV row or the JSON object's opening brace
 * @param intact     false when the reader found the file around the invoice wrong (a row with more values than
 *                   columns, a list where an object belongs) and reported it; its values are still
 *                   checked, but it is not put together, since parts of it may be missing
 */
record InvoiceCells(int line, boolean intact, Cell number, Cell status, CustomerCells customer, Cell currency,
        Cell issueDate, Cell dueDate, Cell memo, Cell taxMode, List<Line> lines, List<Charge> charges) {

    InvoiceCells {
        lines = List.copyOf(lines);
        charges = List.copyOf(charges);
    }

    /** The {@code source} the store names this invoice by when it refuses it. */
    String source() {
        return "line " + line;
    }

    record Line(Cell itemCode, Cell description, Cell quantity, Cell unitPrice, Cell discountPercent, Cell taxCode) {
    }

    record Charge(Cell kind, Cell description, Cell amount, Cell taxCode) {
    }
}
