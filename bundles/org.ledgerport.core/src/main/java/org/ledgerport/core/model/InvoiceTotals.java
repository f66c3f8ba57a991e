package org.ledgerport.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sums of an invoice: lines, header charges, tax per tax code and the total, computed by the invoice's
 * {@link TaxMode}.
 *
 * @param taxByCode tax per tax code, in the order the codes first appear on the invoice
 */
public record InvoiceTotals(Money lines, Money charges, Map<String, Money> taxByCode, Money tax, Money total) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public InvoiceTotals {
        taxByCode = Collections.unmodifiableMap(new LinkedHashMap<>(taxByCode));
    }

    /** The net amount before tax: lines plus charges. */
    public Money net() {
        return lines.add(charges);
    }

    /**
     * Computes the totals. A tax-exempt customer pays no tax whatever the codes say; a code that is not in
     * {@code rates} is a validation error and is refused here.
     */
    public static InvoiceTotals of(Invoice invoice, Map<String, TaxCode> rates, boolean taxExempt) {
        Money zero = Money.zero(invoice.currency());
        List<Taxable> taxables = new ArrayList<>();
        Money lines = zero;
        for (InvoiceLine line : invoice.lines()) {
            lines = lines.add(line.amount());
            taxables.add(new Taxable(line.taxCode(), line.amount()));
        }
        Money charges = zero;
        for (Charge charge : invoice.charges()) {
            charges = charges.add(charge.signedAmount());
            taxables.add(new Taxable(charge.taxCode(), charge.signedAmount()));
        }
        Map<String, Money> taxByCode = new LinkedHashMap<>();
        if (!taxExempt) {
            if (invoice.taxMode() == TaxMode.PER_LINE) {
                for (Taxable t : taxables) {
                    taxByCode.merge(t.code, tax(t.net.amount(), rate(rates, t.code), invoice), Money::add);
                }
            } else {
                Map<String, BigDecimal> netByCode = new LinkedHashMap<>();
                taxables.forEach(t -> netByCode.merge(t.code, t.net.amount(), BigDecimal::add));
                netByCode.forEach((code, net) -> taxByCode.put(code, tax(net, rate(rates, code), invoice)));
            }
            taxByCode.remove("");
        }
        Money tax = taxByCode.values().stream().reduce(zero, Money::add);
        return new InvoiceTotals(lines, charges, taxByCode, tax, lines.add(charges).add(tax));
    }

    private static BigDecimal rate(Map<String, TaxCode> rates, String code) {
        if (code.isEmpty()) {
            return BigDecimal.ZERO;
        }
        TaxCode taxCode = rates.get(code);
        if (taxCode == null) {
            throw new IllegalArgumentException("Tax code " + code + " is not defined");
        }
        return taxCode.ratePercent();
    }

    private static Money tax(BigDecimal net, BigDecimal ratePercent, Invoice invoice) {
        return Money.rounded(net.multiply(ratePercent).divide(HUNDRED, net.scale() + 6, RoundingMode.HALF_UP),
                invoice.currency());
    }

    private record Taxable(String code, Money net) {
    }
}
