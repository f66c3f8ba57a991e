package org.ledgerport.simulator.quickbooks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ledgerport.simulator.quickbooks.CompanySetup;
import org.ledgerport.simulator.quickbooks.QuickBooksSimulator;
import org.ledgerport.simulator.support.SimClock;

/** Invoice numbers by the company's sequence or the sender (reference 1.6), and tax with and without AST (1.3). */
class DocNumberAndTaxTest {

    private Qbo qbo;

    private Qbo start(CompanySetup company) {
        qbo = Qbo.start(QuickBooksSimulator.Options.defaults().withClock(SimClock.standingAt(Qbo.START))
                .withCompanies(company));
        return qbo;
    }

    @AfterEach
    void stop() {
        qbo.close();
    }

    private String number(String moreFields) {
        return qbo.createInvoice(qbo.invoiceFor("Cool Cars", "Widget", "1", "25", moreFields)).path("DocNumber")
                .asText(null);
    }

    @Test
    void withCustomNumbersOffTheCompanyNumbersWhatComesWithout() {
        start(CompanySetup.uk("4620816365000001", "Ledgerport Ltd").withFirstDocNumber("1001"));
        assertEquals("1001", number(""));
        assertEquals("1002", number(""));
        assertEquals("7777", number("\"DocNumber\":\"7777\""), "a number sent is kept even with the preference off");
        assertEquals("7778", number(""), "the sequence continues from the last number used");
    }

    @Test
    void withCustomNumbersOnNoneSentMeansNoneAndAutoGenerateContinuesAfterAPrefixedNumber() {
        start(CompanySetup.uk("4620816365000001", "Ledgerport Ltd").withCustomTxnNumbers(true));
        assertEquals(null, number(""));
        assertEquals("App_1000", number("\"DocNumber\":\"App_1000\""));
        assertEquals("App_1001", number("\"DocNumber\":\"AUTO_GENERATE\""),
                "QuickBooks' own next number follows the last one, prefix included");

        Qbo.Reply duplicate = qbo.post("invoice", qbo.invoiceFor("Cool Cars", "Widget", "1", "25",
                "\"DocNumber\":\"App_1000\""));
        assertEquals("6140", duplicate.faultCode());
        assertEquals(200, qbo.post("invoice?include=allowduplicatedocnum", qbo.invoiceFor("Cool Cars", "Widget",
                "1", "25", "\"DocNumber\":\"App_1000\"")).status());
        assertEquals(2, qbo.ledger().invoicesNumbered("App_1000").size());
        assertEquals(true, qbo.get("preferences").json().path("Preferences").path("SalesFormsPrefs")
                .path("CustomTxnNumbers").asBoolean());
    }

    @Test
    void automatedSalesTaxOverridesTheCodesSentUnlessTheTotalTaxIsSent() {
        start(CompanySetup.us("9130350000000001", "Ledgerport Inc").withTaxRates(BigDecimal.ZERO,
                new BigDecimal("8.25")));
        JsonNode preferences = qbo.get("preferences").json().path("Preferences");
        assertEquals(true, preferences.path("TaxPrefs").path("PartnerTaxEnabled").asBoolean());

        String line = """
                {"CustomerRef":{"value":"%s"},
                 "Line":[{"DetailType":"SalesItemLineDetail",
                          "SalesItemLineDetail":{"ItemRef":{"value":"%s"},"Qty":1,"UnitPrice":4495.16,
                                                 "TaxCodeRef":{"value":"NON"}}}]%s}""";
        JsonNode computed = qbo.createInvoice(line.formatted(qbo.id("Customer", "Cool Cars"), qbo.id("Item",
                "Consulting"), ""));
        assertEquals("TAX", computed.path("Line").path(0).path("SalesItemLineDetail").path("TaxCodeRef")
                .path("value").asText(), "AST overrides the code sent");
        assertEquals(new BigDecimal("370.85"), computed.path("TxnTaxDetail").path("TotalTax").decimalValue(),
                "8.25% of 4495.16 = 370.8507");
        assertEquals(new BigDecimal("4866.01"), computed.path("TotalAmt").decimalValue());

        JsonNode kept = qbo.createInvoice(line.formatted(qbo.id("Customer", "Cool Cars"), qbo.id("Item",
                "Consulting"), ",\"TxnTaxDetail\":{\"TotalTax\":448.40}"));
        assertEquals(new BigDecimal("448.40"), kept.path("TxnTaxDetail").path("TotalTax").decimalValue());
        assertEquals(new BigDecimal("4943.56"), kept.path("TotalAmt").decimalValue());
    }

    @Test
    void withoutAutomatedSalesTaxEachLinesCodeDecidesItsRate() {
        start(CompanySetup.uk("4620816365000001", "Ledgerport Ltd"));
        JsonNode preferences = qbo.get("preferences").json().path("Preferences");
        assertFalse(preferences.path("TaxPrefs").has("PartnerTaxEnabled"), "absent for a company without AST");
        JsonNode invoice = qbo.createInvoice("""
                {"CustomerRef":{"value":"%s"},
                 "Line":[{"DetailType":"SalesItemLineDetail",
                          "SalesItemLineDetail":{"ItemRef":{"value":"%s"},"Qty":1,"UnitPrice":100,
                                                 "TaxCodeRef":{"value":"%s"}}},
                         {"DetailType":"SalesItemLineDetail",
                          "SalesItemLineDetail":{"ItemRef":{"value":"%s"},"Qty":1,"UnitPrice":50,
                                                 "TaxCodeRef":{"value":"%s"}}},
                         {"DetailType":"SalesItemLineDetail",
                          "SalesItemLineDetail":{"ItemRef":{"value":"%s"},"Qty":1,"UnitPrice":10,
                                                 "TaxCodeRef":{"value":"NON"}}}],
                 "TxnTaxDetail":{"TotalTax":1.00}}""".formatted(qbo.id("Customer", "Cool Cars"),
                qbo.id("Item", "Consulting"), qbo.id("TaxCode", "Standard"), qbo.id("Item", "Widget"),
                qbo.id("TaxCode", "Zero-rated"), qbo.id("Item", "Widget")));
        assertEquals(new BigDecimal("20.00"), invoice.path("TxnTaxDetail").path("TotalTax").decimalValue(),
                "20% of 100, 0% of 50, none on the exempt 10; a TotalTax sent is worked out again");
        assertEquals(new BigDecimal("180.00"), invoice.path("TotalAmt").decimalValue());
        assertEquals("2500", qbo.post("invoice", qbo.invoiceFor("Cool Cars", "Widget", "1", "1", "")
                .replace("\"UnitPrice\":1}", "\"UnitPrice\":1,\"TaxCodeRef\":{\"value\":\"77\"}}")).faultCode());
    }
}
