package org.ledgerport.core.importing;

/**
 * One thing wrong in an import file.
 *
 * @param line    the line in the file (1 is the first line), or 0 when the whole file is wrong
 * @param field   the column or JSON field, or empty
 * @param message what is wrong and what is expected
 */
public record ImportError(int line, String field, String message) {

    @Override
    public String toString() {
        String where = line > 0 ? "line " + line : "file";
        return field.isEmpty() ? where + ": " + message : where + ", " + field + ": " + message;
    }
}
