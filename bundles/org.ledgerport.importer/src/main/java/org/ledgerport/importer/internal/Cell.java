package org.ledgerport.importer.internal;

/**
 * One value as the file gives it, with where it stands: the line and the column (CSV) or field (JSON).
 *
 * @param text       the value without surrounding blanks; empty when the file leaves it out
 * @param unreadable why the file's entry is no value at all (a JSON list where text was expected), or empty;
 *                   {@link Values} reports it when the value is read, so that it is reported once
 */
record Cell(int line, String field, String text, String unreadable) {

    Cell {
        text = text == null ? "" : text.strip();
    }

    static Cell of(int line, String field, String text) {
        return new Cell(line, field, text, "");
    }

    static Cell unreadable(int line, String field, String reason) {
        return new Cell(line, field, "", reason);
    }

    boolean readable() {
        return unreadable.isEmpty();
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    /** Whether the file says anything here, readable or not. */
    boolean given() {
        return !text.isEmpty() || !readable();
    }
}
