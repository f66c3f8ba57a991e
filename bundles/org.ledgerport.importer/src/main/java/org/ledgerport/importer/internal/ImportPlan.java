package org.ledgerport.importer.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.ledgerport.core.importing.ImportError;
import org.ledgerport.core.model.Address;
import org.ledgerport.core.model.Charge;
import org.ledgerport.core.model.ChargeKind;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceRules;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.model.TaxMode;
import org.ledgerport.core.store.ImportBatch;
import org.ledgerport.core.store.ImportBatch.ImportedInvoice;
import org.ledgerport.core.store.ImportRefusedException;
import org.ledgerport.core.store.InvoiceStore;

/**
 * Everything one file brings, checked value by value, against the rest of the file and against the database,
 * and put together into the {@link ImportBatch} the store saves in one go. The readers of both formats hand
 * their invoices, customers, items and tax codes to it; what it checks is the same for both.
 */
final class ImportPlan {

    private static final List<InvoiceStatus> IMPORTABLE = List.of(InvoiceStatus.DRAFT, InvoiceStatus.FINALIZED);
    private static final Pattern PART_FIELD = Pattern.compile("(lines|charges)\\[(\\d+)\\](?:\\.(\\w+))?");

    private final InvoiceStore store;
    private final ErrorList errors;
    private final Values values;
    private final Map<String, TaxCode> storedTaxCodes;
    private final Map<String, Customer> storedCustomers;
    private final Map<String, Item> storedItems;

    private final Map<String, Placed<TaxCode>> taxCodes = new LinkedHashMap<>();
    private final Map<String, Placed<Customer>> customers = new LinkedHashMap<>();
    private final Map<String, Placed<Item>> items = new LinkedHashMap<>();
    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<ImportedInvoice> invoices = new ArrayList<>();
    private final Map<String, Integer> sourceLines = new HashMap<>();
    private int invoicesRead;

    /**
     * A tax code, customer or item the file brings and the database does not have, with the line it is given on.
     *
     * @param described false for a customer an invoice only names, whom the plan creates from the invoice
     */
    private record Placed<T>(T value, int line, boolean described) {
    }

    ImportPlan(InvoiceStore store, ErrorList errors) {
        this.store = store;
        this.errors = errors;
        this.values = new Values(errors);
        storedTaxCodes = byKey(store.listTaxCodes(), TaxCode::code);
        storedCustomers = byKey(store.listCustomers(), Customer::name);
        storedItems = byKey(store.listItems(), Item::code);
    }

    private static <T> Map<String, T> byKey(List<T> values, Function<T, String> key) {
        return values.stream().collect(Collectors.toMap(key, Function.identity(), (first, second) -> first));
    }

    /** A tax code from the file's list. One the database has must keep its rate. */
    void addTaxCode(TaxCodeCells cells) {
        int before = errors.size();
        String code = values.required(cells.code(), "the tax code, e.g. S20");
        String name = values.text(cells.name());
        BigDecimal rate = values.percent(cells.rate(), "the rate in percent, e.g. 20 for 20 %", null);
        if (errors.size() > before) {
            return;
        }
        Placed<TaxCode> earlier = taxCodes.get(code);
        if (earlier != null) {
            errors.add(cells.code(), "tax code %s is listed twice; it is also on line %d".formatted(code,
                    earlier.line()));
            return;
        }
        TaxCode stored = storedTaxCodes.get(code);
        if (stored != null && stored.ratePercent().compareTo(rate) != 0) {
            errors.add(cells.rate(), ("tax code %s is %s %% in Ledgerport; a rate is changed in Ledgerport's tax "
                    + "codes, not by an import, so that the invoices written before keep their tax")
                    .formatted(code, stored.ratePercent().toPlainString()));
            return;
        }
        taxCodes.put(code, new Placed<>(new TaxCode(code, name, rate), cells.code().line(), true));
    }

    /** A customer from the file's list; its currency must be given. One the database has is kept as it is. */
    void addCustomer(CustomerCells cells) {
        String name = values.required(cells.name(), "the customer's name");
        Customer customer = name == null ? null : describe(name, cells, null, false);
        if (customer != null) {
            remember(cells.name(), customer, true);
        }
    }

    /** An item from the file's list. One the database has is kept as it is. */
    void addItem(ItemCells cells) {
        int before = errors.size();
        String code = values.required(cells.code(), "the item code, e.g. DESIGN-HR");
        String name = values.required(cells.name(), "the item's name, as invoice lines show it");
        Currency currency = values.currency(cells.currency());
        Money price = values.money(cells.price(), currency, "the item's usual unit price, e.g. 85.00");
        String incomeAccount = values.text(cells.incomeAccount());
        String taxCode = taxCode(cells.taxCode());
        if (errors.size() > before) {
            return;
        }
        Placed<Item> earlier = items.get(code);
        if (earlier != null) {
            errors.add(cells.code(), "item %s is listed twice; it is also on line %d".formatted(code, earlier.line()));
        } else if (!storedItems.containsKey(code)) {
            items.put(code, new Placed<>(new Item(0, code, name, price, incomeAccount, taxCode), cells.code().line(),
                    true));
        }
    }

    /** An invoice, checked as a whole and added to the batch when nothing in it is wrong. */
    void addInvoice(InvoiceCells cells) {
        invoicesRead++;
        int before = errors.size();
        String number = number(cells.number());
        InvoiceStatus status = status(cells.status());
        Currency currency = values.currency(cells.currency());
        LocalDate issued = values.date(cells.issueDate(), "issue date");
        LocalDate due = values.date(cells.dueDate(), "due date");
        if (issued != null && due != null && due.isBefore(issued)) {
            errors.add(cells.dueDate(), ("%s is before the issue date %s; an invoice falls due on or after the day "
                    + "it is issued").formatted(due, issued));
        }
        String memo = values.text(cells.memo());
        TaxMode taxMode = values.choice(cells.taxMode(), List.of(TaxMode.values()), TaxMode.PER_LINE);
        String customer = customer(cells.customer(), currency, cells.currency());
        List<InvoiceLine> lines = new ArrayList<>();
        for (InvoiceCells.Line line : cells.lines()) {
            lines.add(line(line, currency));
        }
        List<Charge> charges = new ArrayList<>();
        for (InvoiceCells.Charge charge : cells.charges()) {
            charges.add(charge(charge, currency));
        }
        if (errors.size() > before || !cells.intact()) {
            return;
        }
        InvoiceDraft draft = new InvoiceDraft(number, 0, issued, due, currency, lines, charges, memo, taxMode);
        if (status == InvoiceStatus.FINALIZED) {
            checkFinalized(cells, draft, customer);
        }
        sourceLines.put(cells.source(), cells.line());
        invoices.add(new ImportedInvoice(cells.source(), customer, draft, status));
    }

    private String number(Cell cell) {
        String number = values.required(cell, "the invoice number, e.g. INV-1001");
        if (number == null) {
            return null;
        }
        if (number.length() > Invoice.MAX_NUMBER_LENGTH) {
            errors.add(cell, ("'%s' has %d characters; an invoice number has at most %d, so that every accounting "
                    + "package takes it").formatted(number, number.length(), Invoice.MAX_NUMBER_LENGTH));
            return null;
        }
        Integer earlier = numbers.putIfAbsent(number, cell.line());
        if (earlier != null) {
            errors.add(cell, "invoice number %s is already used on line %d; every invoice needs a number of its own"
                    .formatted(number, earlier));
            return null;
        }
        Invoice existing = store.findInvoiceByNumber(number).orElse(null);
        if (existing != null) {
            errors.add(cell, ("invoice %s is already in Ledgerport (issued %s, %s); give this invoice a new number, "
                    + "or leave it out if it was imported before").formatted(number, existing.issueDate(),
                            existing.status().label().toLowerCase()));
            return null;
        }
        return number;
    }

    private InvoiceStatus status(Cell cell) {
        if (cell.readable()) {
            for (InvoiceStatus status : InvoiceStatus.values()) {
                if (!IMPORTABLE.contains(status) && status.name().equalsIgnoreCase(cell.text())) {
                    errors.add(cell, ("'%s' is not a status an import can give; write DRAFT or FINALIZED "
                            + "(invoices are exported, paid and closed through Ledgerport)").formatted(cell.text()));
                    return null;
                }
            }
        }
        return values.choice(cell, IMPORTABLE, InvoiceStatus.DRAFT);
    }

    /**
     * The name of the customer an invoice is for, who must be invoiced in the invoice's currency; null when
     * something is wrong. A customer the file describes for the first time is added; one the database has is
     * kept as it is.
     */
    private String customer(CustomerCells cells, Currency invoiceCurrency, Cell currencyCell) {
        String name = values.required(cells.name(), "the customer's name, as the accounting package should show it");
        if (name == null) {
            return null;
        }
        if (!cells.nameOnly()) {
            Customer described = describe(name, cells, invoiceCurrency, true);
            if (described == null || !remember(cells.name(), described, true)) {
                return null;
            }
        }
        if (invoiceCurrency == null) {
            return null;
        }
        if (!storedCustomers.containsKey(name) && !customers.containsKey(name)) {
            remember(cells.name(), new Customer(0, name, "", Address.NONE, false, invoiceCurrency), false);
        }
        Customer stored = storedCustomers.get(name);
        Currency theirs = stored != null ? stored.currency() : customers.get(name).value().currency();
        if (!theirs.equals(invoiceCurrency)) {
            String where = stored != null ? "in Ledgerport" : "see line " + customers.get(name).line();
            errors.add(currencyCell, ("%s is not the currency of %s, who is invoiced in %s (%s); an invoice is "
                    + "written in its customer's currency").formatted(invoiceCurrency.getCurrencyCode(), name,
                            theirs.getCurrencyCode(), where));
            return null;
        }
        return name;
    }

    /**
     * The customer the cells describe. The currency of an invoice's customer defaults to the invoice's; when that
     * is wrong (null, and reported), so is the customer.
     */
    private Customer describe(String name, CustomerCells cells, Currency invoiceCurrency, boolean ofInvoice) {
        int before = errors.size();
        String email = values.email(cells.email());
        Boolean taxExempt = values.flag(cells.taxExempt());
        AddressCells a = cells.address();
        Address address = new Address(values.text(a.line1()), values.text(a.line2()), values.text(a.city()),
                values.text(a.region()), values.text(a.postalCode()), values.text(a.country()));
        Currency currency = cells.currency().given() || !ofInvoice ? values.currency(cells.currency())
                : invoiceCurrency;
        if (errors.size() > before || currency == null) {
            return null;
        }
        return new Customer(0, name, email, address, taxExempt, currency);
    }

    /**
     * Adds a customer the database does not have. A customer described twice must be described the same way; one
     * only named takes the currency of the invoice that names it first.
     *
     * @return false when the customer contradicts what the file said of them before
     */
    private boolean remember(Cell nameCell, Customer customer, boolean described) {
        if (storedCustomers.containsKey(customer.name())) {
            return true;
        }
        Placed<Customer> earlier = customers.get(customer.name());
        if (earlier != null) {
            List<String> differences = differences(earlier.value(), customer, earlier.described() && described);
            if (!differences.isEmpty()) {
                errors.add(nameCell, ("%s is given with a different %s on line %d; give a customer's details the "
                        + "same way each time, or only once").formatted(customer.name(),
                                String.join(" and ", differences), earlier.line()));
                return false;
            }
            if (earlier.described() || !described) {
                return true;
            }
        }
        customers.put(customer.name(), new Placed<>(customer, nameCell.line(), described));
        return true;
    }

    private static List<String> differences(Customer a, Customer b, boolean bothDescribed) {
        List<String> differences = new ArrayList<>();
        if (!a.currency().equals(b.currency())) {
            differences.add("currency");
        }
        if (bothDescribed) {
            if (!a.email().equals(b.email())) {
                differences.add("email");
            }
            if (!a.billingAddress().equals(b.billingAddress())) {
                differences.add("address");
            }
            if (a.taxExempt() != b.taxExempt()) {
                differences.add("tax exemption");
            }
        }
        return differences;
    }

    private InvoiceLine line(InvoiceCells.Line cells, Currency currency) {
        int before = errors.size();
        String description = values.required(cells.description(), "the text the customer reads on the line");
        BigDecimal quantity = values.number(cells.quantity(), "the quantity, e.g. 2 or 1.5");
        Money unitPrice = values.money(cells.unitPrice(), currency, "the price of one unit, e.g. 12.50");
        BigDecimal discount = values.percent(cells.discountPercent(), "the discount in percent, e.g. 10 for 10 %",
                BigDecimal.ZERO);
        String taxCode = taxCode(cells.taxCode());
        String itemCode = values.text(cells.itemCode());
        if (errors.size() > before || currency == null) {
            return null;
        }
        if (!itemCode.isEmpty() && !storedItems.containsKey(itemCode) && !items.containsKey(itemCode)) {
            items.put(itemCode, new Placed<>(new Item(0, itemCode, description, unitPrice, "", taxCode),
                    cells.itemCode().line(), false));
        }
        return new InvoiceLine(itemCode, description, quantity, unitPrice, discount, taxCode);
    }

    private Charge charge(InvoiceCells.Charge cells, Currency currency) {
        int before = errors.size();
        ChargeKind kind = values.choice(cells.kind(), List.of(ChargeKind.values()), null);
        String description = values.text(cells.description());
        Money amount = values.money(cells.amount(), currency, "the charge's amount, e.g. 12.50");
        String taxCode = taxCode(cells.taxCode());
        if (amount != null && amount.amount().signum() < 0) {
            errors.add(cells.amount(), ("'%s' is negative; write charges, discounts too, as positive amounts (a "
                    + "discount is taken off)").formatted(cells.amount().text()));
        }
        if (errors.size() > before || currency == null) {
            return null;
        }
        return new Charge(kind, description, amount, taxCode);
    }

    /** A tax code on a line, charge or item: empty for none, else one the file or the database defines. */
    private String taxCode(Cell cell) {
        String code = values.text(cell);
        if (code == null || code.isEmpty() || taxCodes.containsKey(code) || storedTaxCodes.containsKey(code)) {
            return code;
        }
        TreeSet<String> known = new TreeSet<>(storedTaxCodes.keySet());
        known.addAll(taxCodes.keySet());
        errors.add(cell, known.isEmpty()
                ? ("'%s' is not a tax code: Ledgerport has none yet; add tax codes in Ledgerport or in the taxCodes "
                        + "list of a JSON import").formatted(code)
                : "'%s' is not a tax code in Ledgerport or in this file; write one of %s, or leave it empty for no tax"
                        .formatted(code, String.join(", ", known)));
        return null;
    }

    /** A finalized invoice must pass the checks Ledgerport makes when an invoice is finalized. */
    private void checkFinalized(InvoiceCells cells, InvoiceDraft draft, String customerName) {
        Customer customer = storedCustomers.containsKey(customerName) ? storedCustomers.get(customerName)
                : customers.get(customerName).value();
        Map<String, TaxCode> allTaxCodes = new HashMap<>(storedTaxCodes);
        taxCodes.forEach((code, placed) -> allTaxCodes.put(code, placed.value()));
        Map<String, Item> allItems = new HashMap<>(storedItems);
        items.forEach((code, placed) -> allItems.put(code, placed.value()));
        Invoice invoice = draft.toInvoice(0, InvoiceStatus.FINALIZED, 0);
        for (Problem problem : InvoiceRules.check(invoice, customer, allTaxCodes, allItems)) {
            Cell where = where(cells, problem.field());
            errors.add(where, problem.message());
        }
    }

    /** The cell a problem of {@link InvoiceRules} is about, by the field it names ("lines[2].quantity"). */
    private static Cell where(InvoiceCells cells, String field) {
        Cell wholeInvoice = Cell.of(cells.line(), "", "");
        if (field.equals("customer")) {
            return cells.customer().name();
        }
        if (field.equals("currency")) {
            return cells.currency();
        }
        Matcher part = PART_FIELD.matcher(field);
        if (!part.matches()) {
            return wholeInvoice;
        }
        int index = Integer.parseInt(part.group(2)) - 1;
        String name = part.group(3) == null ? "" : part.group(3);
        if (part.group(1).equals("lines") && index < cells.lines().size()) {
            InvoiceCells.Line line = cells.lines().get(index);
            return switch (name) {
                case "quantity" -> line.quantity();
                case "item" -> line.itemCode();
                case "taxCode" -> line.taxCode();
                default -> line.description();
            };
        }
        if (part.group(1).equals("charges") && index < cells.charges().size()) {
            InvoiceCells.Charge charge = cells.charges().get(index);
            return name.equals("taxCode") ? charge.taxCode() : charge.kind();
        }
        return wholeInvoice;
    }

    /** The batch the store saves: the invoices and what the database does not have yet. */
    ImportBatch batch() {
        return new ImportBatch(taxCodes.values().stream().map(Placed::value).toList(),
                customers.values().stream().map(Placed::value).toList(),
                items.values().stream().map(Placed::value).toList(), invoices);
    }

    int invoicesRead() {
        return invoicesRead;
    }

    int newCustomers() {
        return customers.size();
    }

    int newItems() {
        return items.size();
    }

    /**
     * The store's reasons for refusing the batch as errors of the lines they name: each reason names the
     * {@link ImportedInvoice#source()} of what it refuses. A reason naming no invoice is an error of the file.
     */
    List<ImportError> refusals(ImportRefusedException refused) {
        List<ImportError> refusals = new ArrayList<>();
        for (String reason : refused.reasons()) {
            String source = sourceLines.keySet().stream().filter(s -> names(reason, s))
                    .max(Comparator.comparingInt(String::length)).orElse(null);
            if (source == null) {
                refusals.add(new ImportError(0, "", reason));
            } else {
                String message = reason.startsWith(source)
                        ? reason.substring(source.length()).replaceFirst("^[\\s:,;]+", "")
                        : reason;
                refusals.add(new ImportError(sourceLines.get(source), "", message));
            }
        }
        return refusals;
    }

    /** Whether the reason names the source, and not a longer one that starts the same ("line 14" in "line 145"). */
    private static boolean names(String reason, String source) {
        for (int at = reason.indexOf(source); at >= 0; at = reason.indexOf(source, at + 1)) {
            int end = at + source.length();
            if (end == reason.length() || !Character.isLetterOrDigit(reason.charAt(end))) {
                return true;
            }
        }
        return false;
    }
}
