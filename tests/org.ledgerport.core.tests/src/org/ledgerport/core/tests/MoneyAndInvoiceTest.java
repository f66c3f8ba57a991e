package org.ledgerport.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Money;

/** Money keeps its currency's decimals and never mixes currencies; an invoice's total is the sum of its lines. */
class MoneyAndInvoiceTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void moneyHoldsTheCurrencysDecimalsAndRefusesMore() {
        assertEquals(new BigDecimal("12.50"), Money.of("12.5", "EUR").amount());
        assertEquals(new BigDecimal("1500"), Money.of("1500.00", "JPY").amount());
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Money.of("0.125", "EUR"));
        assertEquals("EUR 0.125 has more decimals than EUR allows (2)", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Money.of("10.5", "JPY"));
    }

    @Test
    void moneyRoundsHalfUpOnlyWhereAskedAndNeverMixesCurrencies() {
        assertEquals(Money.of("0.13", "EUR"), Money.rounded(new BigDecimal("0.125"), EUR));
        assertEquals(Money.of("0.03", "EUR"), Money.of("0.05", "EUR").times(new BigDecimal("0.5")),
                "0.025 rounds half-up to 0.03, not to the even 0.02");
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> Money.of("1.00", "EUR").add(Money.of("1.00", "GBP")));
        assertEquals("Cannot combine EUR and GBP amounts", mixed.getMessage());
    }

    @Test
    void anInvoiceChecksItsDatesAndCurrency() {
        List<InvoiceLine> lines = List.of(InvoiceLine.of("Hours", new BigDecimal("2.50"), Money.of("33.33", "EUR")),
                InvoiceLine.of("Travel", new BigDecimal("1"), Money.of("12.00", "EUR")));
        InvoiceDraft draft = InvoiceDraft.of("INV-1", 7, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), EUR, lines);
        assertEquals(Money.of("95.33", "EUR"), draft.toInvoice(1, InvoiceStatus.FINALIZED, 3).net(),
                "83.325 rounds to 83.33 per line, plus 12.00");
        assertEquals(new BigDecimal("2.5"), lines.get(0).quantity(), "2.50 and 2.5 are the same quantity");

        IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
                () -> InvoiceDraft.of("INV-2", 7, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1), EUR, lines));
        assertEquals("Invoice INV-2 is due (2026-02-01) before it is issued (2026-03-01)", early.getMessage());
        IllegalArgumentException currency = assertThrows(IllegalArgumentException.class,
                () -> InvoiceDraft.of("INV-3", 7, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
                        Currency.getInstance("GBP"), lines));
        assertEquals("Invoice INV-3 is in GBP but has an amount in EUR", currency.getMessage());
    }
}
