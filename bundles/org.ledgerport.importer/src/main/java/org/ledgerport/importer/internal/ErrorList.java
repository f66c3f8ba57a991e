package org.ledgerport.importer.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.ledgerport.core.importing.ImportError;

/** The errors found in one file, collected so that all of them are reported at once. */
final class ErrorList {

    private final List<ImportError> errors = new ArrayList<>();

    void add(Cell where, String message) {
        errors.add(new ImportError(where.line(), where.field(), message));
    }

    void add(int line, String field, String message) {
        errors.add(new ImportError(line, field, message));
    }

    /** An error of the whole file rather than of one line. */
    void file(String message) {
        errors.add(new ImportError(0, "", message));
    }

    void addAll(List<ImportError> more) {
        errors.addAll(more);
    }

    int size() {
        return errors.size();
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    /** The errors by line, those of the whole file first; errors of one line keep the order they were found in. */
    List<ImportError> inFileOrder() {
        return errors.stream().sorted(Comparator.comparingInt(ImportError::line)).toList();
    }
}
