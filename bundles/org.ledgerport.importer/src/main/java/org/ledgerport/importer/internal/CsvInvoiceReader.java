package org.ledgerport.importer.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/**
 * Reads the CSV format of docs/import-formats.md (RFC 4180, UTF-8): a first row naming the columns, then one
 * row per invoice line or header charge. The rows of one invoice follow one another and repeat its header
 * columns; a row with a ChargeKind is a charge, any other row a line.
 */
final class CsvInvoiceReader implements InvoiceFileReader {

    /** The columns, in the order the documentation lists them. */
    enum Column {
        INVOICE_NUMBER("InvoiceNumber", Part.HEADER, true),
        STATUS("Status", Part.HEADER, false),
        CUSTOMER_NAME("CustomerName", Part.HEADER, true),
        CUSTOMER_EMAIL("CustomerEmail", Part.HEADER, false),
        CURRENCY("Currency", Part.HEADER, true),
        ISSUE_DATE("IssueDate", Part.HEADER, true),
        DUE_DATE("DueDate", Part.HEADER, true),
        MEMO("Memo", Part.HEADER, false),
        TAX_ROUNDING("TaxRounding", Part.HEADER, false),
        CHARGE_KIND("ChargeKind", Part.CHARGE, false),
        ITEM_CODE("ItemCode", Part.LINE, false),
        DESCRIPTION("Description", Part.ANY, true),
        QUANTITY("Quantity", Part.LINE, true),
        UNIT_PRICE("UnitPrice", Part.LINE, true),
        DISCOUNT_PERCENT("DiscountPercent", Part.LINE, false),
        TAX_CODE("TaxCode", Part.ANY, false),
        CHARGE_AMOUNT("ChargeAmount", Part.CHARGE, false);

        final String title;
        final Part part;
        final boolean required;

        Column(String title, Part part, boolean required) {
            this.title = title;
            this.part = part;
            this.required = required;
        }

        /** The column a header names, in any case and with or without blanks ("Unit Price"); null if none. */
        static Column named(String title) {
            String key = simplified(title);
            return Arrays.stream(values()).filter(c -> simplified(c.title).equals(key)).findFirst().orElse(null);
        }

        private static String simplified(String title) {
            return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        }
    }

    /** Which rows a column belongs on. */
    private enum Part {
        /** Repeated on every row of an invoice. */
        HEADER,
        /** Only on an invoice line's row. */
        LINE,
        /** Only on a charge's row. */
        CHARGE,
        /** On both. */
        ANY
    }

    private static final CsvFactory CSV = new CsvFactory();
    private static final String ALL_COLUMNS = Arrays.stream(Column.values()).map(c -> c.title)
            .collect(Collectors.joining(", "));

    /** A row of values as the file has them, with the line it starts on. */
    private record Row(int line, List<String> values, Map<Column, Integer> columns) {

        String text(Column column) {
            Integer index = columns.get(column);
            return index == null || index >= values.size() ? "" : values.get(index).strip();
        }

        Cell cell(Column column) {
            return Cell.of(line, column.title, text(column));
        }

        /** Where an invoice's customer is: CSV names customers with an email at most. */
        CustomerCells customer() {
            Cell notInCsv = Cell.of(line, "", "");
            return new CustomerCells(cell(Column.CUSTOMER_NAME), cell(Column.CUSTOMER_EMAIL), notInCsv,
                    AddressCells.NONE, notInCsv);
        }
    }

    @Override
    public String expected() {
        return "a first row naming the columns (" + ALL_COLUMNS + "), then a row for each invoice line";
    }

    @Override
    public void read(String text, ImportPlan plan, ErrorList errors) {
        List<Row> rows = rows(text, errors);
        if (rows == null) {
            return;
        }
        if (rows.isEmpty()) {
            errors.file("the file has no rows; expected " + expected());
            return;
        }
        Row header = rows.getFirst();
        Map<Column, Integer> columns = columns(header, errors);
        if (columns == null) {
            return;
        }
        List<Row> body = rows.subList(1, rows.size()).stream()
                .map(row -> new Row(row.line(), row.values(), columns)).toList();
        if (body.isEmpty()) {
            errors.add(header.line(), "", "the file names its columns but has no invoice rows below them");
            return;
        }
        Map<String, Integer> invoiceStarts = new HashMap<>();
        int start = 0;
        while (start < body.size()) {
            String number = body.get(start).text(Column.INVOICE_NUMBER);
            int end = start + 1;
            while (end < body.size() && body.get(end).text(Column.INVOICE_NUMBER).equals(number)) {
                end++;
            }
            List<Row> invoice = body.subList(start, end);
            Integer earlier = number.isEmpty() ? null : invoiceStarts.putIfAbsent(number, invoice.getFirst().line());
            if (earlier == null) {
                plan.addInvoice(invoice(invoice, header.values().size(), errors));
            } else {
                errors.add(invoice.getFirst().cell(Column.INVOICE_NUMBER), ("invoice %s already has rows from "
                        + "line %d on; put the rows of an invoice one after another, or give this invoice a number of "
                        + "its own").formatted(number, earlier));
            }
            start = end;
        }
    }

    /** The file's non-blank rows, or null when the file cannot be split into rows and columns (reported). */
    private static List<Row> rows(String text, ErrorList errors) {
        List<Row> rows = new ArrayList<>();
        int rowLine = 1;
        try (CsvParser parser = CSV.createParser(text)) {
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            List<String> values = new ArrayList<>();
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY && ++depth == 2) {
                    rowLine = parser.currentLocation().getLineNr();
                    values = new ArrayList<>();
                } else if (token == JsonToken.VALUE_STRING) {
                    values.add(parser.getText());
                } else if (token == JsonToken.END_ARRAY && depth-- == 2
                        && values.stream().anyMatch(value -> !value.isBlank())) {
                    rows.add(new Row(rowLine, values, Map.of()));
                }
            }
            return rows;
        } catch (JacksonException e) {
            errors.add(rowLine, "", ("this row cannot be split into columns (%s); a value with a comma, quote or line "
                    + "break in it goes in double quotes, and a quote inside such a value is doubled (\"\")")
                    .formatted(e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Reading from a string failed", e);
        }
    }

    /** The columns the header row names, or null when it names them wrongly (reported). */
    private static Map<Column, Integer> columns(Row header, ErrorList errors) {
        List<String> titles = header.values().stream().map(String::strip).toList();
        if (titles.size() == 1 && titles.getFirst().contains(";")) {
            errors.add(header.line(), "", "the columns are separated by semicolons; Ledgerport reads comma-separated "
                    + "files: save the file as CSV UTF-8 (comma delimited)");
            return null;
        }
        int before = errors.size();
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < titles.size(); i++) {
            String title = titles.get(i);
            Column column = Column.named(title);
            if (title.isEmpty()) {
                continue; // spreadsheets leave empty columns at the end; a value under one is reported on its row
            }
            if (column == null) {
                errors.add(header.line(), title, "'%s' is not a column Ledgerport knows; the columns are %s"
                        .formatted(title, ALL_COLUMNS));
            } else if (columns.putIfAbsent(column, i) != null) {
                errors.add(header.line(), column.title,
                        "the column %s appears twice; keep one".formatted(column.title));
            }
        }
        for (Column column : Column.values()) {
            if (column.required && !columns.containsKey(column)) {
                errors.add(header.line(), column.title, "the column %s is missing; add it to the first row"
                        .formatted(column.title));
            }
        }
        return errors.size() > before ? null : columns;
    }

    /** One invoice's rows as cells, with what is wrong in the rows as rows reported. */
    private static InvoiceCells invoice(List<Row> rows, int width, ErrorList errors) {
        int before = errors.size();
        Row first = rows.getFirst();
        List<InvoiceCells.Line> lines = new ArrayList<>();
        List<InvoiceCells.Charge> charges = new ArrayList<>();
        for (Row row : rows) {
            if (row.values().size() > width) {
                errors.add(row.line(), "", ("this row has %d values but the first row names %d columns; a value with "
                        + "a comma in it goes in double quotes").formatted(row.values().size(), width));
            }
            for (int i = 0; i < Math.min(width, row.values().size()); i++) {
                if (!row.columns().containsValue(i) && !row.values().get(i).isBlank()) {
                    errors.add(row.line(), "", ("'%s' stands in column %d, which has no name in the first row; "
                            + "name the column or remove the value").formatted(row.values().get(i).strip(), i + 1));
                }
            }
            for (Column column : Column.values()) {
                if (column.part == Part.HEADER && !row.text(column).equals(first.text(column))) {
                    errors.add(row.cell(column), ("'%s' differs from '%s' on line %d; every row of invoice %s "
                            + "repeats its %s").formatted(row.text(column), first.text(column), first.line(),
                                    first.text(Column.INVOICE_NUMBER), column.title));
                }
            }
            if (row.text(Column.CHARGE_KIND).isEmpty()) {
                lines.add(line(row, errors));
            } else {
                charges.add(charge(row, errors));
            }
        }
        return new InvoiceCells(first.line(), errors.size() == before, first.cell(Column.INVOICE_NUMBER),
                first.cell(Column.STATUS), first.customer(), first.cell(Column.CURRENCY),
                first.cell(Column.ISSUE_DATE), first.cell(Column.DUE_DATE), first.cell(Column.MEMO),
                first.cell(Column.TAX_ROUNDING), lines, charges);
    }

    private static InvoiceCells.Line line(Row row, ErrorList errors) {
        if (!row.text(Column.CHARGE_AMOUNT).isEmpty()) {
            errors.add(row.cell(Column.CHARGE_AMOUNT), ("'%s' is a charge's amount, but this row is an invoice line "
                    + "(its ChargeKind is empty); give the row a ChargeKind (FREIGHT, HANDLING or DISCOUNT), or "
                    + "leave ChargeAmount empty").formatted(row.text(Column.CHARGE_AMOUNT)));
        }
        return new InvoiceCells.Line(row.cell(Column.ITEM_CODE), row.cell(Column.DESCRIPTION),
                row.cell(Column.QUANTITY), row.cell(Column.UNIT_PRICE), row.cell(Column.DISCOUNT_PERCENT),
                row.cell(Column.TAX_CODE));
    }

    private static InvoiceCells.Charge charge(Row row, ErrorList errors) {
        for (Column column : Column.values()) {
            if (column.part == Part.LINE && !row.text(column).isEmpty()) {
                errors.add(row.cell(column), ("'%s' belongs to an invoice line, but this row is a charge (ChargeKind "
                        + "%s); leave %s empty on a charge's row, and put the line on a row of its own")
                        .formatted(row.text(column), row.text(Column.CHARGE_KIND), column.title));
            }
        }
        return new InvoiceCells.Charge(row.cell(Column.CHARGE_KIND), row.cell(Column.DESCRIPTION),
                row.cell(Column.CHARGE_AMOUNT), row.cell(Column.TAX_CODE));
    }
}
