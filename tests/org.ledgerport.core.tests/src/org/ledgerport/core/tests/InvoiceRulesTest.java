package org.ledgerport.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ledgerport.core.model.Charge;
import org.ledgerport.core.model.ChargeKind;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLifecycle;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceRules;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.InvoiceTotals;
import org.ledgerport.core.model.LifecycleException;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.model.TaxMode;

/** Tax rounding, discounts and charges, the invoice checks and every lifecycle move. */
class InvoiceRulesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Map<String, TaxCode> RATES = Map.of("S", new TaxCode("S", "Standard", new BigDecimal("20")),
            "R", new TaxCode("R", "Reduced", new BigDecimal("5")));

    private static InvoiceLine line(String price, String discount, String taxCode) {
        return new InvoiceLine("", "Service", BigDecimal.ONE, Money.of(price, "EUR"), new BigDecimal(discount), taxCode);
    }

    private static Invoice invoice(TaxMode mode, List<InvoiceLine> lines, List<Charge> charges, InvoiceStatus status) {
        return new InvoiceDraft("INV-T", 1, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), EUR, lines, charges,
                "", mode).toInvoice(9, status, 4);
    }

    @Test
    void taxRoundedPerLineAndPerInvoiceDifferByTheCentTheyShould() {
        List<InvoiceLine> lines = List.of(line("0.13", "0", "S"), line("0.13", "0", "S"), line("0.13", "0", "S"));
        InvoiceTotals perLine = InvoiceTotals.of(invoice(TaxMode.PER_LINE, lines, List.of(), InvoiceStatus.DRAFT),
                RATES, false);
        InvoiceTotals perInvoice = InvoiceTotals.of(invoice(TaxMode.PER_DOCUMENT, lines, List.of(),
                InvoiceStatus.DRAFT), RATES, false);
        assertEquals(Money.of("0.09", "EUR"), perLine.tax(), "0.026 rounds to 0.03, three times");
        assertEquals(Money.of("0.08", "EUR"), perInvoice.tax(), "0.078 rounds once to 0.08");
        assertEquals(Money.of("0.48", "EUR"), perLine.total());
        assertEquals(Money.of("0.47", "EUR"), perInvoice.total());
    }

    @Test
    void discountsAndChargesCountBeforeTaxAndTaxExemptCustomersPayNone() {
        Invoice invoice = invoice(TaxMode.PER_LINE, List.of(line("99.99", "12.5", "S"), line("40.00", "0", "R")),
                List.of(new Charge(ChargeKind.FREIGHT, "", Money.of("15.00", "EUR"), "S"),
                        new Charge(ChargeKind.DISCOUNT, "Loyalty", Money.of("10.00", "EUR"), "S")),
                InvoiceStatus.DRAFT);
        InvoiceTotals totals = InvoiceTotals.of(invoice, RATES, false);
        assertEquals(Money.of("87.49", "EUR"), invoice.lines().get(0).amount(), "99.99 less 12.5 % is 87.49125");
        assertEquals(Money.of("127.49", "EUR"), totals.lines());
        assertEquals(Money.of("5.00", "EUR"), totals.charges(), "freight 15 less discount 10");
        assertEquals(Map.of("S", Money.of("18.50", "EUR"), "R", Money.of("2.00", "EUR")), totals.taxByCode(),
                "S: 17.50 + 3.00 - 2.00; R: 2.00");
        assertEquals(Money.of("152.99", "EUR"), totals.total());
        assertEquals("Discount", invoice.charges().get(1).kind().label());

        InvoiceTotals exempt = InvoiceTotals.of(invoice, RATES, true);
        assertEquals(Money.zero(EUR), exempt.tax());
        assertEquals(Money.of("132.49", "EUR"), exempt.total());
        assertThrows(IllegalArgumentException.class, () -> line("1.00", "101", "S"));
    }

    @Test
    void theChecksNameEveryFieldThatIsWrong() {
        Customer gbp = new Customer(1, "Dubois & Fils", "", null, false, Currency.getInstance("GBP"));
        Invoice invoice = invoice(TaxMode.PER_LINE, List.of(line("10.00", "0", "X"),
                new InvoiceLine("NOPE", "Widget", BigDecimal.ZERO, Money.of("1.00", "EUR"), BigDecimal.ZERO, "S")),
                List.of(), InvoiceStatus.DRAFT);
        List<Problem> problems = InvoiceRules.check(invoice, gbp, RATES, Map.of());
        assertEquals(List.of("currency", "lines[1].taxCode", "lines[2].quantity", "lines[2].item"),
                problems.stream().map(Problem::field).toList());
        assertEquals("Invoice INV-T is in EUR but Dubois & Fils is invoiced in GBP.", problems.get(0).message());
        assertEquals(List.of("invoice.customer.missing"), InvoiceRules
                .check(invoice(TaxMode.PER_LINE, List.of(line("1.00", "0", "S")), List.of(), InvoiceStatus.DRAFT),
                        null, RATES, Map.of())
                .stream().map(Problem::code).toList());
    }

    @Test
    void everyStatusMoveIsAllowedOrRefusedWithItsReason() {
        Map<InvoiceStatus, List<InvoiceStatus>> allowed = Map.of(
                InvoiceStatus.DRAFT, List.of(InvoiceStatus.FINALIZED, InvoiceStatus.VOID),
                InvoiceStatus.FINALIZED, List.of(InvoiceStatus.DRAFT, InvoiceStatus.EXPORTED, InvoiceStatus.VOID),
                InvoiceStatus.EXPORTED, List.of(InvoiceStatus.PAID, InvoiceStatus.DRAFT),
                InvoiceStatus.PAID, List.of(InvoiceStatus.CLOSED),
                InvoiceStatus.CLOSED, List.of(),
                InvoiceStatus.VOID, List.of());
        for (InvoiceStatus from : InvoiceStatus.values()) {
            Invoice invoice = invoice(TaxMode.PER_LINE, List.of(line("1.00", "0", "S")), List.of(), from);
            for (InvoiceStatus to : InvoiceStatus.values()) {
                Optional<String> refusal = InvoiceLifecycle.refusal(invoice, to);
                assertEquals(allowed.get(from).contains(to), refusal.isEmpty(), from + " -> " + to);
                refusal.ifPresent(reason -> assertTrue(reason.startsWith("Invoice INV-T "), reason));
            }
        }
        Invoice exported = invoice(TaxMode.PER_LINE, List.of(line("1.00", "0", "S")), List.of(), InvoiceStatus.EXPORTED);
        assertEquals("Invoice INV-T is exported and read-only; revert it to draft to change it.",
                assertThrows(LifecycleException.class, () -> InvoiceLifecycle.checkEditable(exported)).getMessage());
        assertEquals("Invoice INV-T is a draft; finalize it before exporting it.", InvoiceLifecycle
                .refusal(invoice(TaxMode.PER_LINE, List.of(), List.of(), InvoiceStatus.DRAFT), InvoiceStatus.EXPORTED)
                .orElseThrow());
    }
}
