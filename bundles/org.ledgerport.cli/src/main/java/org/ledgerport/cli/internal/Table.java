package org.ledgerport.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Rows of text in columns padded to their widest cell; numbers are aligned to the right. */
final class Table {

    private final List<Object[]> rows = new ArrayList<>();

    /** Adds a row; the first row added is usually the heading. */
    Table row(Object... cells) {
        rows.add(cells.clone());
        return this;
    }

    void print(PrintStream out, String indent) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        for (Object[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], String.valueOf(row[c]).length());
                numeric[c] |= row[c] instanceof Number;
            }
        }
        for (Object[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < row.length; c++) {
                String cell = String.valueOf(row[c]);
                String padding = " ".repeat(widths[c] - cell.length());
                line.append(numeric[c] ? padding + cell : cell + padding);
                if (c < row.length - 1) {
                    line.append("  ");
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
