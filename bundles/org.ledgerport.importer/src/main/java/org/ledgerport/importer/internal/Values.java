package org.ledgerport.importer.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ledgerport.core.model.Money;

/**
 * Reads single values the way both file formats write them, and says for each wrong one what was expected,
 * guessing the intended value where the mistake is a common one (a decimal comma, a day-first date). A method
 * returns null when the value is wrong or, where a value is required, missing; the error is then in the list.
 */
final class Values {

    static final String EXAMPLE_DATE = "2026-03-14";

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern EXPONENT = Pattern.compile("-?\\d+(\\.\\d+)?[eE][+-]?\\d+");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d+,\\d+");
    private static final Pattern ONE_THOUSANDS_GROUP = Pattern.compile("-?\\d{1,3},\\d{3}");
    private static final Pattern THOUSANDS_COMMAS = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern THOUSANDS_POINTS = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern NOT_NUMERIC = Pattern.compile("[^0-9.,\\-]");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
    private static final Map<String, String> CURRENCY_SIGNS = Map.of("£", "GBP", "€", "EUR", "$", "USD");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final ErrorList errors;

    Values(ErrorList errors) {
        this.errors = errors;
    }

    /** Free text that may be left out (then empty). */
    String text(Cell cell) {
        return readable(cell) ? cell.text() : null;
    }

    /** Free text that must be given. */
    String required(Cell cell, String expected) {
        if (!readable(cell)) {
            return null;
        }
        if (cell.isEmpty()) {
            errors.add(cell, "missing: write " + expected);
            return null;
        }
        return cell.text();
    }

    /** A number that must be given, such as a quantity or a tax rate. */
    BigDecimal number(Cell cell, String expected) {
        if (required(cell, expected) == null) {
            return null;
        }
        if (PLAIN_NUMBER.matcher(cell.text()).matches()) {
            return new BigDecimal(cell.text());
        }
        errors.add(cell, "'%s' is not a number; %s".formatted(cell.text(), numberAdvice(cell.text())));
        return null;
    }

    /** A percentage from 0 to 100, or {@code ifEmpty} when it is left out (null when it must be given). */
    BigDecimal percent(Cell cell, String expected, BigDecimal ifEmpty) {
        if (!cell.given() && ifEmpty != null) {
            return ifEmpty;
        }
        BigDecimal value = number(cell, expected);
        if (value != null && (value.signum() < 0 || value.compareTo(HUNDRED) > 0)) {
            errors.add(cell, "%s is not between 0 and 100; write %s".formatted(cell.text(), expected));
            return null;
        }
        return value;
    }

    /**
     * An amount in the invoice's currency. When the currency itself is wrong (null) the amount is still checked
     * to be a number, so that one pass over the file finds both mistakes.
     */
    Money money(Cell cell, Currency currency, String expected) {
        BigDecimal amount = number(cell, expected);
        if (amount == null || currency == null) {
            return null;
        }
        int decimals = currency.getDefaultFractionDigits();
        int given = amount.stripTrailingZeros().scale();
        if (given > decimals) {
            String code = currency.getCurrencyCode();
            String rounded = amount.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
            errors.add(cell, decimals == 0
                    ? "'%s' has decimals but %s amounts have none; round it, e.g. to %s".formatted(cell.text(), code,
                            rounded)
                    : "'%s' has %d decimals but %s amounts have %d; round it, e.g. to %s".formatted(cell.text(), given,
                            code, decimals, rounded));
            return null;
        }
        return new Money(amount, currency);
    }

    /** A date written as yyyy-MM-dd, which must be given. */
    LocalDate date(Cell cell, String what) {
        if (required(cell, "the %s as yyyy-MM-dd, e.g. %s".formatted(what, EXAMPLE_DATE)) == null) {
            return null;
        }
        String text = cell.text();
        if (ISO_DATE.matcher(text).matches()) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException e) {
                errors.add(cell, "'%s' is not a day in the calendar; check the month and the day".formatted(text));
                return null;
            }
        }
        errors.add(cell, "'%s' is not a date in the form yyyy-MM-dd; %s".formatted(text, dateAdvice(text)));
        return null;
    }

    /** A currency by its ISO 4217 code, which must be given. */
    Currency currency(Cell cell) {
        if (required(cell, "the three-letter currency code, e.g. GBP or EUR") == null) {
            return null;
        }
        String code = cell.text().toUpperCase(Locale.ROOT);
        if (CURRENCY_SIGNS.containsKey(code)) {
            errors.add(cell, "'%s' is a currency sign; write the currency's code, e.g. %s".formatted(cell.text(),
                    CURRENCY_SIGNS.get(code)));
            return null;
        }
        if (CURRENCY_CODE.matcher(code).matches()) {
            try {
                Currency currency = Currency.getInstance(code);
                if (currency.getDefaultFractionDigits() >= 0) {
                    return currency;
                }
                errors.add(cell, "%s is not a currency invoices are written in; write one such as GBP, EUR or USD"
                        .formatted(code));
                return null;
            } catch (IllegalArgumentException unknown) {
                // reported below with the same advice as any other wrong code
            }
        }
        errors.add(cell, "'%s' is not a currency code; write the three-letter ISO 4217 code, e.g. GBP, EUR or USD"
                .formatted(cell.text()));
        return null;
    }

    /**
     * One of {@code allowed}, written as the constant's name in any case, with blanks or hyphens for underscores;
     * {@code ifEmpty} when it is left out (null when it must be given).
     */
    <E extends Enum<E>> E choice(Cell cell, List<E> allowed, E ifEmpty) {
        if (!cell.given() && ifEmpty != null) {
            return ifEmpty;
        }
        if (required(cell, names(allowed)) == null) {
            return null;
        }
        String name = cell.text().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (E value : allowed) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        errors.add(cell, "'%s' is not allowed here; write %s".formatted(cell.text(), names(allowed)));
        return null;
    }

    /** True or false; false when left out. */
    Boolean flag(Cell cell) {
        if (!readable(cell)) {
            return null;
        }
        if (cell.isEmpty() || cell.text().equalsIgnoreCase("false")) {
            return false;
        }
        if (cell.text().equalsIgnoreCase("true")) {
            return true;
        }
        errors.add(cell, "'%s' is neither true nor false; write true or false".formatted(cell.text()));
        return null;
    }

    /** One email address, or empty when left out. */
    String email(Cell cell) {
        if (!readable(cell)) {
            return null;
        }
        if (cell.isEmpty() || EMAIL.matcher(cell.text()).matches()) {
            return cell.text();
        }
        errors.add(cell, "'%s' is not an email address; write one address, e.g. accounts@example.com"
                .formatted(cell.text()));
        return null;
    }

    /** Reports a file entry that is not a value at all, once, when it is read. */
    private boolean readable(Cell cell) {
        if (!cell.readable()) {
            errors.add(cell, cell.unreadable());
        }
        return cell.readable();
    }

    /** "A, B or C", the way an error message offers a choice. */
    static String names(List<? extends Enum<?>> values) {
        List<String> names = values.stream().map(Enum::name).toList();
        return names.size() == 1 ? names.getFirst()
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }

    private static String numberAdvice(String text) {
        if (EXPONENT.matcher(text).matches()) {
            return "write " + new BigDecimal(text).toPlainString();
        }
        String bare = NOT_NUMERIC.matcher(text).replaceAll("");
        if (PLAIN_NUMBER.matcher(bare).matches()) {
            return "write " + bare;
        }
        if (ONE_THOUSANDS_GROUP.matcher(bare).matches()) {
            return "write %s, or %s if the comma marks decimals".formatted(bare.replace(",", ""),
                    bare.replace(',', '.'));
        }
        if (THOUSANDS_COMMAS.matcher(bare).matches()) {
            return "write " + bare.replace(",", "") + " without thousands separators";
        }
        if (DECIMAL_COMMA.matcher(bare).matches()) {
            return "write " + bare.replace(',', '.');
        }
        if (THOUSANDS_POINTS.matcher(bare).matches()) {
            return "write " + bare.replace(".", "").replace(',', '.');
        }
        return "write digits with a point before any decimals, e.g. 12.50";
    }

    private static String dateAdvice(String text) {
        Matcher numeric = NUMERIC_DATE.matcher(text);
        if (numeric.matches()) {
            int first = Integer.parseInt(numeric.group(1));
            int second = Integer.parseInt(numeric.group(2));
            int year = Integer.parseInt(numeric.group(3));
            List<LocalDate> candidates = new ArrayList<>();
            addIfValid(candidates, year, second, first);
            if (first != second) {
                addIfValid(candidates, year, first, second);
            }
            if (candidates.size() == 1) {
                return "write " + candidates.getFirst();
            }
            if (candidates.size() == 2) {
                return "write %s or %s, whichever is meant".formatted(candidates.get(0), candidates.get(1));
            }
        }
        return "write year, month and day, e.g. " + EXAMPLE_DATE;
    }

    private static void addIfValid(List<LocalDate> candidates, int year, int month, int day) {
        try {
            candidates.add(LocalDate.of(year, month, day));
        } catch (DateTimeException notADay) {
            // not a reading of the date that exists in the calendar
        }
    }
}
