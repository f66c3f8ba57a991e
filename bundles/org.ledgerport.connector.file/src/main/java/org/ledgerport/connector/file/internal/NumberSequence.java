package org.ledgerport.connector.file.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The invoice numbers this connector hands out when a connection lets the accounting package number invoices: a
 * counter kept in the export folder itself, so that it carries on across sessions, restarts and workstations
 * sharing the folder. Use it only while holding the folder.
 */
final class NumberSequence {

    static final String FILE = ExportFolder.OWN_PREFIX + "sequence";

    private static final String NEXT = "next";

    private final ExportFolder folder;

    NumberSequence(ExportFolder folder) {
        this.folder = folder;
    }

    /** The next sequence number to hand out, never below {@code first}. */
    long next(long first) throws IOException {
        Properties saved = new Properties();
        Path file = folder.path().resolve(FILE);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            saved.load(reader);
        } catch (NoSuchFileException e) {
            return first;
        }
        String next = saved.getProperty(NEXT, "");
        try {
            return Math.max(first, Long.parseLong(next.strip()));
        } catch (NumberFormatException e) {
            throw new IOException("the number sequence %s holds '%s' instead of the next invoice number; put the "
                    .formatted(file, next) + "next number there as next=<number>", e);
        }
    }

    /**
     * Saves the next sequence number. Callers save before they write invoices with the numbers taken, so that a
     * crash in between skips numbers and never hands one out twice.
     */
    void save(long next) throws IOException {
        String content = "# The next invoice number of Ledgerport's file export. Raise it to skip numbers; never "
                + "lower it.\n" + NEXT + "=" + next + "\n";
        folder.writeAtomically(FILE, content.getBytes(StandardCharsets.US_ASCII), true);
    }
}
