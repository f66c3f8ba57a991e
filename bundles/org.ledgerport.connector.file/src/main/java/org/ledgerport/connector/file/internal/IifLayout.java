package org.ledgerport.connector.file.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.model.Address;
import org.ledgerport.core.model.Charge;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.TaxCode;

/**
 * QuickBooks Desktop's import file (IIF): tab-separated text in Windows-1252 with CRLF line ends. Each invoice is
 * a transaction: a TRNS row for what the customer owes, an SPL row for each line, charge and tax code, and
 * ENDTRNS. The amounts of a transaction add up to zero, and QuickBooks takes every amount as written: it computes
 * no tax on import, so the tax rows carry the invoice's own totals.
 */
final class IifLayout implements Layout {

    static final String ID = "qbd-iif";

    static final Charset CHARSET = Charset.forName("windows-1252");

    static final List<String> TRNS_COLUMNS = List.of("TRNSID", "TRNSTYPE", "DATE", "ACCNT", "NAME", "AMOUNT",
            "DOCNUM", "MEMO", "TOPRINT", "NAMEISTAXABLE", "ADDR1", "ADDR2", "ADDR3", "ADDR4", "ADDR5", "DUEDATE");
    static final List<String> SPL_COLUMNS = List.of("SPLID", "TRNSTYPE", "DATE", "ACCNT", "NAME", "AMOUNT",
            "DOCNUM", "MEMO", "PRICE", "QNTY", "INVITEM", "TAXABLE", "EXTRA");

    private static final String CRLF = "\r\n";
    private static final String TAB = "\t";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu");
    private static final int ADDRESS_ROWS = 5;

    // QuickBooks Desktop's limits on names and numbers.
    private static final int MAX_CUSTOMER_NAME = 41;
    private static final int MAX_DOCNUM = 11;
    private static final int MAX_ITEM_NAME = 31;

    /** Decimals of a discounted line's net rate; the amount itself is always written exactly. */
    private static final int RATE_DECIMALS = 5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String packageName() {
        return "QuickBooks Desktop";
    }

    @Override
    public String accountTerm() {
        return "QuickBooks Desktop income account";
    }

    @Override
    public String taxTerm() {
        return "QuickBooks Desktop sales tax item";
    }

    @Override
    public String fileStem() {
        return "qbd-invoices";
    }

    @Override
    public String extension() {
        return ".iif";
    }

    @Override
    public int maxNumberLength() {
        return MAX_DOCNUM;
    }

    @Override
    public List<Problem> checkCustomer(Customer customer) {
        List<Problem> problems = new ArrayList<>();
        String name = customer.name();
        if (name.length() > MAX_CUSTOMER_NAME) {
            problems.add(Problem.error("iif.customerName.tooLong", "customer.name",
                    ("Customer '%s' has a name of %d characters; QuickBooks Desktop takes at most %d. Shorten the "
                            + "customer's name.").formatted(name, name.length(), MAX_CUSTOMER_NAME)));
        }
        if (name.contains(":")) {
            problems.add(Problem.error("iif.customerName.colon", "customer.name",
                    ("Customer '%s' has a colon in the name, which QuickBooks Desktop reads as customer:job. "
                            + "Remove the colon from the customer's name.").formatted(name)));
        }
        checkText(name, "customer.name", "The name of customer '%s'".formatted(name), problems);
        Address address = customer.billingAddress();
        checkText(String.join(" ", addressLines(address)), "customer.billingAddress",
                "The billing address of customer '%s'".formatted(name), problems);
        return problems;
    }

    @Override
    public List<Problem> checkItem(String packageItem, String field, String where) {
        List<Problem> problems = new ArrayList<>();
        if (packageItem.length() > MAX_ITEM_NAME) {
            problems.add(Problem.error("iif.itemName.tooLong", field,
                    ("Item %s%s is longer than the %d characters of a QuickBooks Desktop item name. Map it to its "
                            + "QuickBooks name in the connection's item mappings.")
                            .formatted(packageItem, where, MAX_ITEM_NAME)));
        }
        checkText(packageItem, field, "Item " + packageItem + where, problems);
        return problems;
    }

    @Override
    public List<Problem> validate(OutgoingInvoice outgoing, PackageMapping mapping) {
        Invoice invoice = outgoing.invoice();
        String number = invoice.number();
        List<Problem> problems = new ArrayList<>(checkCustomer(outgoing.customer()));
        String companyCurrency = mapping.settings().currency();
        if (!invoice.currency().getCurrencyCode().equals(companyCurrency)) {
            problems.add(Problem.error("iif.currency.mismatch", "currency",
                    ("Invoice %s is in %s, but IIF files carry no currency and the QuickBooks Desktop company of "
                            + "connection '%s' keeps its books in %s. Enter this invoice in QuickBooks by hand, or "
                            + "correct the connection's company currency if it is wrong.").formatted(number,
                                    invoice.currency().getCurrencyCode(), mapping.connection().name(),
                                    companyCurrency)));
        }
        for (int i = 0; i < invoice.lines().size(); i++) {
            InvoiceLine line = invoice.lines().get(i);
            String field = "lines[" + (i + 1) + "]";
            if (!line.itemCode().isEmpty()) {
                problems.addAll(checkItem(mapping.item(line.itemCode()), field + ".item",
                        " on line %d of invoice %s".formatted(i + 1, number)));
            }
            checkText(line.description(), field + ".description",
                    "The description of line %d of invoice %s".formatted(i + 1, number), problems);
        }
        for (int i = 0; i < invoice.charges().size(); i++) {
            Charge charge = invoice.charges().get(i);
            checkText(charge.description(), "charges[" + (i + 1) + "].description",
                    "The description of a charge of invoice " + number, problems);
        }
        return problems;
    }

    /** An IIF row ends at a tab or line break, and the file holds only what Windows-1252 can. */
    private static void checkText(String text, String field, String what, List<Problem> problems) {
        if (text.chars().anyMatch(c -> c == '\t' || c == '\r' || c == '\n')) {
            problems.add(Problem.error("iif.text.lineBreak", field,
                    ("%s has a tab or line break, which would split its row in the IIF file. Write it on one "
                            + "line.").formatted(what)));
        }
        CharsetEncoder encoder = CHARSET.newEncoder();
        String unwritable = text.codePoints().filter(c -> !encoder.canEncode(Character.toString(c)))
                .distinct().mapToObj(Character::toString).collect(Collectors.joining(" "));
        if (!unwritable.isEmpty()) {
            problems.add(Problem.error("iif.text.encoding", field,
                    ("%s has characters QuickBooks Desktop import files (Windows-1252) cannot hold: %s. Replace "
                            + "them.").formatted(what, unwritable)));
        }
    }

    @Override
    public RenderedFile render(List<NumberedInvoice> invoices, PackageMapping mapping) throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add(headerRow("!TRNS", TRNS_COLUMNS));
        rows.add(headerRow("!SPL", SPL_COLUMNS));
        rows.add("!ENDTRNS");
        List<WrittenInvoice> written = new ArrayList<>();
        for (NumberedInvoice numbered : invoices) {
            int firstRow = rows.size() + 1;
            rows.addAll(transaction(numbered, mapping));
            written.add(new WrittenInvoice(numbered.outgoing().ourReference(), numbered.number(),
                    numbered.outgoing().invoice().issueDate(), firstRow, rows.size()));
        }
        String text = rows.stream().map(row -> row + CRLF).collect(Collectors.joining());
        // Reports what String.getBytes would silently turn into '?'; validation keeps it from happening.
        ByteBuffer bytes = CHARSET.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
        return new RenderedFile(Arrays.copyOf(bytes.array(), bytes.limit()), written);
    }

    private static List<String> transaction(NumberedInvoice numbered, PackageMapping mapping) {
        OutgoingInvoice outgoing = numbered.outgoing();
        Invoice invoice = outgoing.invoice();
        Customer customer = outgoing.customer();
        boolean taxed = !customer.taxExempt();
        List<String> rows = new ArrayList<>();

        Map<String, String> trns = common(numbered, mapping.settings().iifReceivablesAccount(),
                outgoing.totals().total());
        trns.put("NAME", customer.name());
        trns.put("MEMO", outgoing.ourReference());
        trns.put("TOPRINT", "N");
        trns.put("NAMEISTAXABLE", yesNo(taxed));
        List<String> address = billTo(customer);
        for (int i = 0; i < ADDRESS_ROWS; i++) {
            trns.put("ADDR" + (i + 1), address.get(i));
        }
        trns.put("DUEDATE", DATE.format(invoice.dueDate()));
        rows.add(row("TRNS", TRNS_COLUMNS, trns));

        for (InvoiceLine line : invoice.lines()) {
            Map<String, String> spl = common(numbered, mapping.incomeAccount(outgoing, line).orElseThrow(),
                    line.amount().negate());
            spl.put("MEMO", line.description());
            spl.put("PRICE", rate(line));
            spl.put("QNTY", line.quantity().negate().toPlainString());
            spl.put("INVITEM", line.itemCode().isEmpty() ? "" : mapping.item(line.itemCode()));
            spl.put("TAXABLE", yesNo(taxed && !line.taxCode().isEmpty()));
            rows.add(row("SPL", SPL_COLUMNS, spl));
        }
        for (Charge charge : invoice.charges()) {
            // A charge is a line of one at its own price; a discount's price and amount carry the opposite sign.
            Map<String, String> spl = common(numbered, mapping.chargeAccount().orElseThrow(),
                    charge.signedAmount().negate());
            spl.put("MEMO", charge.description());
            spl.put("PRICE", charge.signedAmount().amount().toPlainString());
            spl.put("QNTY", "-1");
            spl.put("TAXABLE", yesNo(taxed && !charge.taxCode().isEmpty()));
            rows.add(row("SPL", SPL_COLUMNS, spl));
        }
        Iterator<Map.Entry<String, Money>> taxes = outgoing.totals().taxByCode().entrySet().iterator();
        while (taxes.hasNext()) {
            Map.Entry<String, Money> tax = taxes.next();
            TaxCode code = outgoing.taxCodes().get(tax.getKey());
            Map<String, String> spl = common(numbered, mapping.settings().iifSalesTaxAccount(),
                    tax.getValue().negate());
            spl.put("MEMO", code.name());
            spl.put("PRICE", code.ratePercent().toPlainString() + "%");
            spl.put("INVITEM", mapping.taxCode(tax.getKey()));
            spl.put("TAXABLE", "N");
            // The last tax row is the invoice's own sales tax line, so QuickBooks adds no empty one of its own.
            spl.put("EXTRA", taxes.hasNext() ? "" : "AUTOSTAX");
            rows.add(row("SPL", SPL_COLUMNS, spl));
        }
        rows.add("ENDTRNS");
        return rows;
    }

    /** The columns every row of a transaction has. */
    private static Map<String, String> common(NumberedInvoice numbered, String account, Money amount) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("TRNSTYPE", "INVOICE");
        values.put("DATE", DATE.format(numbered.outgoing().invoice().issueDate()));
        values.put("ACCNT", account);
        values.put("AMOUNT", amount.amount().toPlainString());
        values.put("DOCNUM", numbered.number());
        return values;
    }

    /**
     * QuickBooks keeps a line as quantity, rate and amount, and computes the amount again from the other two when
     * someone edits the line there. A discounted line therefore goes out at its net rate (our line amount divided
     * by the quantity), so that quantity times rate is our line amount and the line keeps it when edited. A
     * separate discount line would need a discount item in every company file and changes what QuickBooks
     * reckons sales tax on.
     */
    private static String rate(InvoiceLine line) {
        if (line.discountPercent().signum() == 0 || line.quantity().signum() == 0) {
            return line.unitPrice().amount().toPlainString();
        }
        int decimals = line.unitPrice().currency().getDefaultFractionDigits();
        BigDecimal net = line.amount().amount().divide(line.quantity(), RATE_DECIMALS, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return net.setScale(Math.max(decimals, net.scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    /** QuickBooks' bill-to block: the customer's name first, then the address, five rows at most. */
    private static List<String> billTo(Customer customer) {
        List<String> rows = new ArrayList<>();
        rows.add(customer.name());
        rows.addAll(addressLines(customer.billingAddress()));
        while (rows.size() < ADDRESS_ROWS) {
            rows.add("");
        }
        return rows;
    }

    private static List<String> addressLines(Address address) {
        String cityLine = Stream.of(address.city(), String.join(" ",
                Stream.of(address.region(), address.postalCode()).filter(s -> !s.isEmpty()).toList()))
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
        return Stream.of(address.line1(), address.line2(), cityLine, address.country()).filter(s -> !s.isEmpty())
                .toList();
    }

    private static String headerRow(String kind, List<String> columns) {
        return kind + TAB + String.join(TAB, columns);
    }

    private static String row(String kind, List<String> columns, Map<String, String> values) {
        return kind + TAB + columns.stream().map(c -> values.getOrDefault(c, "")).collect(Collectors.joining(TAB));
    }

    private static String yesNo(boolean yes) {
        return yes ? "Y" : "N";
    }

    @Override
    public List<WrittenInvoice> read(Path file) throws IOException {
        List<String> rows = List.of(new String(Files.readAllBytes(file), CHARSET).split("\r?\n"));
        List<String> header = List.of();
        List<WrittenInvoice> invoices = new ArrayList<>();
        WrittenInvoice open = null;
        for (int i = 0; i < rows.size(); i++) {
            List<String> fields = List.of(rows.get(i).split(TAB, -1));
            int rowNumber = i + 1;
            String kind = fields.get(0);
            if (kind.equals("!TRNS")) {
                header = fields;
            } else if (kind.equals("TRNS")) {
                open = new WrittenInvoice(field(fields, header, "MEMO"), field(fields, header, "DOCNUM"),
                        date(field(fields, header, "DATE"), rowNumber), rowNumber, rowNumber);
            } else if (kind.equals("ENDTRNS")) {
                if (open == null) {
                    throw new IOException("row %d ends a transaction that never began".formatted(rowNumber));
                }
                invoices.add(new WrittenInvoice(open.ourReference(), open.number(), open.date(), open.firstRow(),
                        rowNumber));
                open = null;
            }
        }
        return invoices;
    }

    private static String field(List<String> fields, List<String> header, String column) throws IOException {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new IOException("it has no !TRNS header row with a " + column + " column");
        }
        return index < fields.size() ? fields.get(index) : "";
    }

    private static LocalDate date(String value, int rowNumber) throws IOException {
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeParseException e) {
            throw new IOException("row %d has the date '%s', not month/day/year".formatted(rowNumber, value), e);
        }
    }
}
