package org.ledgerport.connector.file.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.model.Charge;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceTotals;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.TaxMode;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Xero's sales invoice import file: CSV in UTF-8 (RFC 4180), one row per invoice line and per header charge, the
 * invoice's own columns repeated on each of its rows. Amounts are tax exclusive; Xero computes the tax from each
 * row's tax rate, and rounds it on every line.
 */
final class XeroCsvLayout implements Layout {

    static final String ID = "xero-csv";

    // The columns exactly as Xero's template names them; a star marks the ones Xero requires.
    static final String CONTACT_NAME = "*ContactName";
    static final String EMAIL = "EmailAddress";
    static final String ADDRESS_LINE_1 = "POAddressLine1";
    static final String ADDRESS_LINE_2 = "POAddressLine2";
    static final String ADDRESS_LINE_3 = "POAddressLine3";
    static final String ADDRESS_LINE_4 = "POAddressLine4";
    static final String CITY = "POCity";
    static final String REGION = "PORegion";
    static final String POSTAL_CODE = "POPostalCode";
    static final String COUNTRY = "POCountry";
    static final String INVOICE_NUMBER = "*InvoiceNumber";
    static final String REFERENCE = "Reference";
    static final String INVOICE_DATE = "*InvoiceDate";
    static final String DUE_DATE = "*DueDate";
    static final String ITEM_CODE = "InventoryItemCode";
    static final String DESCRIPTION = "*Description";
    static final String QUANTITY = "*Quantity";
    static final String UNIT_AMOUNT = "*UnitAmount";
    static final String DISCOUNT = "Discount";
    static final String ACCOUNT_CODE = "*AccountCode";
    static final String TAX_TYPE = "*TaxType";
    static final String TRACKING_NAME_1 = "TrackingName1";
    static final String TRACKING_OPTION_1 = "TrackingOption1";
    static final String TRACKING_NAME_2 = "TrackingName2";
    static final String TRACKING_OPTION_2 = "TrackingOption2";
    static final String CURRENCY = "Currency";
    static final String BRANDING_THEME = "BrandingTheme";

    static final List<String> COLUMNS = List.of(CONTACT_NAME, EMAIL, ADDRESS_LINE_1, ADDRESS_LINE_2, ADDRESS_LINE_3,
            ADDRESS_LINE_4, CITY, REGION, POSTAL_CODE, COUNTRY, INVOICE_NUMBER, REFERENCE, INVOICE_DATE, DUE_DATE,
            ITEM_CODE, DESCRIPTION, QUANTITY, UNIT_AMOUNT, DISCOUNT, ACCOUNT_CODE, TAX_TYPE, TRACKING_NAME_1,
            TRACKING_OPTION_1, TRACKING_NAME_2, TRACKING_OPTION_2, CURRENCY, BRANDING_THEME);

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    // Xero's limits on what it imports.
    private static final int MAX_CONTACT_NAME = 255;
    private static final int MAX_INVOICE_NUMBER = 255;
    private static final int MAX_REFERENCE = 255;
    private static final int MAX_ITEM_CODE = 30;
    private static final int MAX_DESCRIPTION = 4000;

    // Strict quoting quotes a value only when RFC 4180 needs it, so the header stays exactly as Xero spells it.
    private final CsvMapper mapper = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private final CsvSchema schema = CsvSchema.builder().addColumns(COLUMNS, CsvSchema.ColumnType.STRING)
            .setUseHeader(true).setLineSeparator("\r\n").build();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String packageName() {
        return "Xero";
    }

    @Override
    public String accountTerm() {
        return "Xero account code";
    }

    @Override
    public String taxTerm() {
        return "Xero tax rate";
    }

    @Override
    public String fileStem() {
        return "xero-invoices";
    }

    @Override
    public String extension() {
        return ".csv";
    }

    @Override
    public int maxNumberLength() {
        return MAX_INVOICE_NUMBER;
    }

    @Override
    public List<Problem> checkCustomer(Customer customer) {
        if (customer.name().length() > MAX_CONTACT_NAME) {
            return List.of(Problem.error("xero.contactName.tooLong", "customer.name",
                    "Customer '%s' has a name of %d characters; Xero takes at most %d. Shorten the customer's name."
                            .formatted(customer.name(), customer.name().length(), MAX_CONTACT_NAME)));
        }
        return List.of();
    }

    @Override
    public List<Problem> checkItem(String packageItem, String field, String where) {
        if (packageItem.length() > MAX_ITEM_CODE) {
            return List.of(Problem.error("xero.itemCode.tooLong", field,
                    ("Item %s%s is longer than the %d characters of a Xero item code. Map it to its Xero code in "
                            + "the connection's item mappings.").formatted(packageItem, where, MAX_ITEM_CODE)));
        }
        return List.of();
    }

    @Override
    public List<Problem> validate(OutgoingInvoice outgoing, PackageMapping mapping) {
        Invoice invoice = outgoing.invoice();
        String number = invoice.number();
        List<Problem> problems = new ArrayList<>(checkCustomer(outgoing.customer()));
        if (outgoing.ourReference().length() > MAX_REFERENCE) {
            problems.add(Problem.error("xero.reference.tooLong", "reference",
                    "The reference of invoice %s is longer than the %d characters Xero takes.".formatted(number,
                            MAX_REFERENCE)));
        }
        String untaxedField = outgoing.customer().taxExempt() ? "customer" : "";
        for (int i = 0; i < invoice.lines().size(); i++) {
            InvoiceLine line = invoice.lines().get(i);
            String field = "lines[" + (i + 1) + "]";
            if (untaxedField.isEmpty() && line.taxCode().isEmpty()) {
                untaxedField = field + ".taxCode";
            }
            if (!line.itemCode().isEmpty()) {
                problems.addAll(checkItem(mapping.item(line.itemCode()), field + ".item",
                        " on line %d of invoice %s".formatted(i + 1, number)));
            }
            checkDescription(line.description(), field + ".description",
                    "Line %d of invoice %s".formatted(i + 1, number), problems);
        }
        for (int i = 0; i < invoice.charges().size(); i++) {
            Charge charge = invoice.charges().get(i);
            String field = "charges[" + (i + 1) + "]";
            if (untaxedField.isEmpty() && charge.taxCode().isEmpty()) {
                untaxedField = field + ".taxCode";
            }
            checkDescription(charge.description(), field + ".description",
                    "A charge of invoice " + number, problems);
        }
        if (!untaxedField.isEmpty() && mapping.settings().xeroUntaxedRate().isEmpty()) {
            String why = outgoing.customer().taxExempt() ? "%s is tax-exempt".formatted(outgoing.customer().name())
                    : "invoice %s has lines without a tax code".formatted(number);
            problems.add(Problem.error("xero.untaxedRate.missing", untaxedField,
                    ("Xero needs a tax rate on every line, and %s. Enter the 'Xero tax rate for untaxed lines' "
                            + "(such as No VAT or Tax Exempt) in the settings of connection '%s'.")
                            .formatted(why, mapping.connection().name())));
        }
        checkTaxRounding(outgoing).ifPresent(problems::add);
        return problems;
    }

    /**
     * Xero is sent no tax amounts: it computes the tax itself, rounded on every line. An invoice rounded once per
     * tax code can come to a cent more or less there; the totals by the same rule as Xero's tell.
     */
    private static Optional<Problem> checkTaxRounding(OutgoingInvoice outgoing) {
        Invoice invoice = outgoing.invoice();
        boolean ratesKnown = invoice.lines().stream().map(InvoiceLine::taxCode)
                .allMatch(c -> c.isEmpty() || outgoing.taxCodes().containsKey(c))
                && invoice.charges().stream().map(Charge::taxCode)
                        .allMatch(c -> c.isEmpty() || outgoing.taxCodes().containsKey(c));
        if (invoice.taxMode() != TaxMode.PER_DOCUMENT || outgoing.customer().taxExempt() || !ratesKnown) {
            return Optional.empty();
        }
        Invoice roundedPerLine = new Invoice(invoice.id(), invoice.number(), invoice.customerId(),
                invoice.issueDate(), invoice.dueDate(), invoice.currency(), invoice.lines(), invoice.charges(),
                invoice.memo(), TaxMode.PER_LINE, invoice.status(), invoice.version());
        InvoiceTotals xeros = InvoiceTotals.of(roundedPerLine, outgoing.taxCodes(), false);
        if (xeros.taxByCode().equals(outgoing.totals().taxByCode())) {
            return Optional.empty();
        }
        return Optional.of(Problem.error("xero.tax.rounding", "taxMode",
                ("Invoice %s rounds tax once per tax code, to %s, but Xero rounds it on every line and would come "
                        + "to %s. Change the invoice to round tax per line, or enter it in Xero by hand.")
                        .formatted(invoice.number(), outgoing.totals().tax(), xeros.tax())));
    }

    private static void checkDescription(String description, String field, String where, List<Problem> problems) {
        if (description.length() > MAX_DESCRIPTION) {
            problems.add(Problem.error("xero.description.tooLong", field,
                    "%s has a description of %d characters; Xero takes at most %d. Shorten it.".formatted(where,
                            description.length(), MAX_DESCRIPTION)));
        }
    }

    @Override
    public RenderedFile render(List<NumberedInvoice> invoices, PackageMapping mapping) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        List<WrittenInvoice> written = new ArrayList<>();
        for (NumberedInvoice numbered : invoices) {
            int firstRow = rows.size() + 2; // row 1 is the header
            rows.addAll(rows(numbered, mapping));
            written.add(new WrittenInvoice(numbered.outgoing().ourReference(), numbered.number(),
                    numbered.outgoing().invoice().issueDate(), firstRow, rows.size() + 1));
        }
        return new RenderedFile(mapper.writer(schema).writeValueAsBytes(rows), written);
    }

    private static List<Map<String, String>> rows(NumberedInvoice numbered, PackageMapping mapping) {
        OutgoingInvoice outgoing = numbered.outgoing();
        Invoice invoice = outgoing.invoice();
        Map<String, String> header = header(numbered);
        List<Map<String, String>> rows = new ArrayList<>();
        for (InvoiceLine line : invoice.lines()) {
            Map<String, String> row = new LinkedHashMap<>(header);
            row.put(ITEM_CODE, line.itemCode().isEmpty() ? "" : mapping.item(line.itemCode()));
            row.put(DESCRIPTION, line.description());
            row.put(QUANTITY, line.quantity().toPlainString());
            row.put(UNIT_AMOUNT, line.unitPrice().amount().toPlainString());
            row.put(DISCOUNT, line.discountPercent().signum() == 0 ? "" : line.discountPercent().toPlainString());
            row.put(ACCOUNT_CODE, mapping.incomeAccount(outgoing, line).orElseThrow());
            row.put(TAX_TYPE, taxType(outgoing, line.taxCode(), mapping));
            rows.add(row);
        }
        for (Charge charge : invoice.charges()) {
            // A charge is a line of one; a discount is taken off as a negative amount.
            Map<String, String> row = new LinkedHashMap<>(header);
            row.put(DESCRIPTION, charge.description());
            row.put(QUANTITY, "1");
            row.put(UNIT_AMOUNT, charge.signedAmount().amount().toPlainString());
            row.put(ACCOUNT_CODE, mapping.chargeAccount().orElseThrow());
            row.put(TAX_TYPE, taxType(outgoing, charge.taxCode(), mapping));
            rows.add(row);
        }
        return rows;
    }

    /** The invoice's own columns, repeated on each of its rows. */
    private static Map<String, String> header(NumberedInvoice numbered) {
        OutgoingInvoice outgoing = numbered.outgoing();
        Customer customer = outgoing.customer();
        Map<String, String> row = new LinkedHashMap<>();
        row.put(CONTACT_NAME, customer.name());
        row.put(EMAIL, customer.email());
        row.put(ADDRESS_LINE_1, customer.billingAddress().line1());
        row.put(ADDRESS_LINE_2, customer.billingAddress().line2());
        row.put(CITY, customer.billingAddress().city());
        row.put(REGION, customer.billingAddress().region());
        row.put(POSTAL_CODE, customer.billingAddress().postalCode());
        row.put(COUNTRY, customer.billingAddress().country());
        row.put(INVOICE_NUMBER, numbered.number());
        row.put(REFERENCE, outgoing.ourReference());
        row.put(INVOICE_DATE, DATE.format(outgoing.invoice().issueDate()));
        row.put(DUE_DATE, DATE.format(outgoing.invoice().dueDate()));
        row.put(CURRENCY, outgoing.invoice().currency().getCurrencyCode());
        return row;
    }

    private static String taxType(OutgoingInvoice outgoing, String taxCode, PackageMapping mapping) {
        return outgoing.customer().taxExempt() || taxCode.isEmpty() ? mapping.settings().xeroUntaxedRate()
                : mapping.taxCode(taxCode);
    }

    @Override
    public List<WrittenInvoice> read(Path file) throws IOException {
        List<WrittenInvoice> invoices = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class)
                        .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            int rowNumber = 1;
            WrittenInvoice current = null;
            while (rows.hasNextValue()) {
                Map<String, String> row = rows.nextValue();
                rowNumber++;
                if (rowNumber == 2 && !((CsvSchema) rows.getParserSchema()).getColumnNames().equals(COLUMNS)) {
                    throw new IOException("its first row is not the header of a Xero sales invoice import file");
                }
                String reference = Objects.requireNonNullElse(row.get(REFERENCE), "");
                String number = Objects.requireNonNullElse(row.get(INVOICE_NUMBER), "");
                if (current != null && current.ourReference().equals(reference) && current.number().equals(number)) {
                    current = new WrittenInvoice(reference, number, current.date(), current.firstRow(), rowNumber);
                } else {
                    if (current != null) {
                        invoices.add(current);
                    }
                    current = new WrittenInvoice(reference, number, date(row, rowNumber), rowNumber, rowNumber);
                }
            }
            if (current != null) {
                invoices.add(current);
            }
        }
        return invoices;
    }

    private static LocalDate date(Map<String, String> row, int rowNumber) throws IOException {
        String value = Objects.requireNonNullElse(row.get(INVOICE_DATE), "");
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeParseException e) {
            throw new IOException("row %d has the invoice date '%s', not a day/month/year date".formatted(rowNumber,
                    value), e);
        }
    }
}
