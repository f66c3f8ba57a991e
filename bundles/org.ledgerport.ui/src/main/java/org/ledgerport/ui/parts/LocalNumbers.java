package org.ledgerport.ui.parts;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

import org.ledgerport.core.model.Money;

/**
 * Numbers and amounts as a user types and reads them in their locale, without grouping: what the invoice form and
 * the payment dialog accept, and how they show stored values back.
 */
final class LocalNumbers {

    private final Locale locale;

    LocalNumbers(Locale locale) {
        this.locale = locale;
    }

    /** The number the text holds in the user's locale, all of it, or null. Grouping is refused, not guessed. */
    BigDecimal parse(String text) {
        String clean = text.strip();
        ParsePosition position = new ParsePosition(0);
        Number parsed = decimalFormat().parse(clean, position);
        return position.getIndex() == clean.length() && parsed instanceof BigDecimal value ? value : null;
    }

    String formatNumber(BigDecimal value) {
        DecimalFormat format = decimalFormat();
        format.setMaximumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
        return format.format(value);
    }

    /** The amount to the currency's own decimals, without its symbol, as it is typed. */
    String formatMoney(Money money) {
        DecimalFormat format = decimalFormat();
        int digits = money.currency().getDefaultFractionDigits();
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(money.amount());
    }

    private DecimalFormat decimalFormat() {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        DecimalFormat decimal = format instanceof DecimalFormat d ? d : new DecimalFormat();
        decimal.setParseBigDecimal(true);
        decimal.setGroupingUsed(false);
        return decimal;
    }
}
