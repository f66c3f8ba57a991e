package org.ledgerport.ui.parts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ledgerport.core.model.Charge;
import org.ledgerport.core.model.ChargeKind;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.TaxMode;

/**
 * An invoice as the editor holds it while someone types: every field exactly as entered, so a half-typed
 * number stays on screen, and {@link #check()} to say which draft that makes or, field by field, why it makes
 * none. Numbers are read and written in the user's locale. Used on the UI thread only.
 */
final class InvoiceForm {

    static final String NUMBER = "number";
    static final String CUSTOMER = "customer";
    static final String CURRENCY = "currency";
    static final String DUE_DATE = "dueDate";
    /** A problem of the invoice as a whole, found when the draft is put together. */
    static final String INVOICE = "invoice";

    static final String DESCRIPTION = "description";
    static final String ITEM = "itemCode";
    static final String QUANTITY = "quantity";
    static final String UNIT_PRICE = "unitPrice";
    static final String DISCOUNT = "discount";
    static final String TAX_CODE = "taxCode";
    static final String AMOUNT = "amount";

    /** One invoice line as typed. */
    static final class Line {
        String description = "";
        String itemCode = "";
        String quantity = "";
        String unitPrice = "";
        String discount = "";
        String taxCode = "";
    }

    /** One header charge as typed. */
    static final class HeaderCharge {
        ChargeKind kind = ChargeKind.FREIGHT;
        String description = "";
        String amount = "";
        String taxCode = "";
    }

    /**
     * What the form makes.
     *
     * @param draft       the draft, or null when any field is wrong
     * @param errors      what is wrong, by field key ({@link #NUMBER}, {@link #lineField}, ...), in form order
     * @param lineAmounts each line's amount, or null where the line cannot be computed yet
     */
    record Outcome(InvoiceDraft draft, Map<String, String> errors, List<Money> lineAmounts) {

        boolean valid() {
            return draft != null;
        }
    }

    private final Locale locale;
    private final LocalNumbers numbers;

    String number = "";
    long customerId;
    LocalDate issueDate = LocalDate.now();
    LocalDate dueDate = LocalDate.now();
    String currency = "";
    TaxMode taxMode = TaxMode.PER_LINE;
    String memo = "";
    final List<Line> lines = new ArrayList<>();
    final List<HeaderCharge> charges = new ArrayList<>();

    InvoiceForm(Locale locale) {
        this.locale = locale;
        this.numbers = new LocalNumbers(locale);
    }

    /** The form filled with a stored invoice's content. */
    static InvoiceForm of(Invoice invoice, Locale locale) {
        InvoiceForm form = new InvoiceForm(locale);
        form.number = invoice.number();
        form.customerId = invoice.customerId();
        form.issueDate = invoice.issueDate();
        form.dueDate = invoice.dueDate();
        form.currency = invoice.currency().getCurrencyCode();
        form.taxMode = invoice.taxMode();
        form.memo = invoice.memo();
        for (InvoiceLine stored : invoice.lines()) {
            Line line = new Line();
            line.description = stored.description();
            line.itemCode = stored.itemCode();
            line.quantity = form.formatNumber(stored.quantity());
            line.unitPrice = form.formatMoney(stored.unitPrice());
            line.discount = stored.discountPercent().signum() == 0 ? "" : form.formatNumber(stored.discountPercent());
            line.taxCode = stored.taxCode();
            form.lines.add(line);
        }
        for (Charge stored : invoice.charges()) {
            HeaderCharge charge = new HeaderCharge();
            charge.kind = stored.kind();
            charge.description = stored.description();
            charge.amount = form.formatMoney(stored.amount());
            charge.taxCode = stored.taxCode();
            form.charges.add(charge);
        }
        return form;
    }

    /** A new line, priced in nothing yet, taxed like the line above it. */
    Line addLine() {
        Line line = new Line();
        line.quantity = formatNumber(BigDecimal.ONE);
        if (!lines.isEmpty()) {
            line.taxCode = lines.get(lines.size() - 1).taxCode;
        }
        lines.add(line);
        return line;
    }

    HeaderCharge addCharge() {
        HeaderCharge charge = new HeaderCharge();
        charges.add(charge);
        return charge;
    }

    static String lineField(int index, String column) {
        return "lines[" + index + "]." + column;
    }

    static String chargeField(int index, String column) {
        return "charges[" + index + "]." + column;
    }

    Outcome check() {
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanNumber = number.strip();
        if (cleanNumber.isEmpty()) {
            errors.put(NUMBER, "Give the invoice a number.");
        } else if (cleanNumber.length() > Invoice.MAX_NUMBER_LENGTH) {
            errors.put(NUMBER, "An invoice number has at most %d characters; this one has %d."
                    .formatted(Invoice.MAX_NUMBER_LENGTH, cleanNumber.length()));
        }
        if (customerId <= 0) {
            errors.put(CUSTOMER, "Choose the customer.");
        }
        Currency money = currency(errors);
        if (dueDate.isBefore(issueDate)) {
            errors.put(DUE_DATE, "The due date is before the issue date.");
        }
        List<InvoiceLine> builtLines = new ArrayList<>();
        List<Money> lineAmounts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine built = line(i, money, errors);
            builtLines.add(built);
            lineAmounts.add(built == null ? null : built.amount());
        }
        List<Charge> builtCharges = new ArrayList<>();
        for (int i = 0; i < charges.size(); i++) {
            builtCharges.add(charge(i, money, errors));
        }
        InvoiceDraft draft = null;
        if (errors.isEmpty()) {
            try {
                draft = new InvoiceDraft(cleanNumber, customerId, issueDate, dueDate, money, builtLines, builtCharges,
                        memo, taxMode);
            } catch (IllegalArgumentException e) {
                errors.put(INVOICE, e.getMessage());
            }
        }
        return new Outcome(draft, Collections.unmodifiableMap(errors), Collections.unmodifiableList(lineAmounts));
    }

    private Currency currency(Map<String, String> errors) {
        String code = currency.strip().toUpperCase(Locale.ROOT);
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            errors.put(CURRENCY, "\u201c%s\u201d is not a currency; enter its three-letter code, such as EUR or GBP."
                    .formatted(currency.strip()));
            return null;
        }
    }

    /** The line as the invoice will hold it, or null (with the reason in errors) when it cannot be one. */
    private InvoiceLine line(int index, Currency money, Map<String, String> errors) {
        Line line = lines.get(index);
        String where = "Line " + (index + 1) + ": ";
        BigDecimal quantity = number(line.quantity, lineField(index, QUANTITY), where + "enter a quantity.",
                where + "the quantity \u201c%s\u201d is not a number.", errors);
        Money price = money(line.unitPrice, money, lineField(index, UNIT_PRICE), where + "enter the unit price.",
                where + "the unit price", errors);
        BigDecimal discount = line.discount.isBlank() ? BigDecimal.ZERO
                : number(line.discount, lineField(index, DISCOUNT), null,
                        where + "the discount \u201c%s\u201d is not a number.", errors);
        if (discount != null && (discount.signum() < 0 || discount.compareTo(new BigDecimal("100")) > 0)) {
            errors.put(lineField(index, DISCOUNT), where + "the discount is a percentage from 0 to 100, not %s."
                    .formatted(line.discount.strip()));
            return null;
        }
        if (quantity == null || price == null || discount == null) {
            return null;
        }
        try {
            return new InvoiceLine(line.itemCode, line.description, quantity, price, discount, line.taxCode);
        } catch (IllegalArgumentException e) {
            errors.put(lineField(index, DESCRIPTION), where + e.getMessage());
            return null;
        }
    }

    private Charge charge(int index, Currency money, Map<String, String> errors) {
        HeaderCharge charge = charges.get(index);
        String where = "Charge %d (%s): ".formatted(index + 1, charge.kind.label().toLowerCase(locale));
        Money amount = money(charge.amount, money, chargeField(index, AMOUNT), where + "enter the amount.",
                where + "the amount", errors);
        if (amount == null) {
            return null;
        }
        if (amount.amount().signum() < 0) {
            errors.put(chargeField(index, AMOUNT), where + "enter the amount without a minus sign; "
                    + (charge.kind == ChargeKind.DISCOUNT ? "a discount is taken off the invoice anyway."
                            : "to take something off, make the charge a discount."));
            return null;
        }
        return new Charge(charge.kind, charge.description, amount, charge.taxCode);
    }

    private BigDecimal number(String text, String field, String missing, String notANumber,
            Map<String, String> errors) {
        if (text.isBlank()) {
            errors.put(field, missing);
            return null;
        }
        BigDecimal value = parse(text);
        if (value == null) {
            errors.put(field, notANumber.formatted(text.strip()));
        }
        return value;
    }

    /** An amount in the invoice's currency; null, with the reason in errors, when it is not one. */
    private Money money(String text, Currency money, String field, String missing, String what,
            Map<String, String> errors) {
        BigDecimal value = number(text, field, missing, what + " \u201c%s\u201d is not an amount.", errors);
        if (value == null || money == null) {
            return null;
        }
        if (value.stripTrailingZeros().scale() > money.getDefaultFractionDigits()) {
            errors.put(field, "%s %s has more decimals than %s allows (%d).".formatted(what, text.strip(),
                    money.getCurrencyCode(), money.getDefaultFractionDigits()));
            return null;
        }
        return new Money(value, money);
    }

    /** The number the text holds in the user's locale, all of it, or null. Grouping is refused, not guessed. */
    BigDecimal parse(String text) {
        return numbers.parse(text);
    }

    String formatNumber(BigDecimal value) {
        return numbers.formatNumber(value);
    }

    String formatMoney(Money money) {
        return numbers.formatMoney(money);
    }
}
