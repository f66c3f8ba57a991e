package org.ledgerport.ui.parts;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/** Writes a run's problems as a CSV file, quoted as spreadsheets read it. */
final class ErrorCsv {

    /** Spreadsheet programs read a UTF-8 file as UTF-8 (names such as Søn or Zoë intact) when it starts so. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private ErrorCsv() {
    }

    /** Writes the rows under a header line; replaces the file if it exists. */
    static void write(Path file, List<ProblemRow> rows) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder();
        for (String column : ProblemRow.CSV_COLUMNS) {
            schema.addColumn(column);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(BYTE_ORDER_MARK);
            try (SequenceWriter csv = new CsvMapper().writer(schema.build().withHeader()).writeValues(out)) {
                for (ProblemRow row : rows) {
                    csv.write(row.csv());
                }
            }
        }
    }
}
