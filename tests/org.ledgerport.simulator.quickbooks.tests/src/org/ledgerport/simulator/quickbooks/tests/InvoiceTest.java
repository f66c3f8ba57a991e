package org.ledgerport.simulator.quickbooks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerport.simulator.quickbooks.CompanySetup;
import org.ledgerport.simulator.quickbooks.QuickBooksSimulator;
import org.ledgerport.simulator.support.SimClock;

/** Invoice create, read, sparse and full update, void and delete, SyncToken, validation (reference 1.3, 1.6). */
class InvoiceTest {

    private Qbo qbo;

    @BeforeEach
    void start() {
        // A UK company: tax by code, so amounts are exact without Automated Sales Tax.
        qbo = Qbo.start(QuickBooksSimulator.Options.defaults().withClock(SimClock.standingAt(Qbo.START))
                .withCompanies(CompanySetup.uk("4620816365000001", "Ledgerport Ltd")));
    }

    @AfterEach
    void stop() {
        qbo.close();
    }

    private static BigDecimal amount(JsonNode node) {
        return node.decimalValue();
    }

    @Test
    void createComputesAmountsAndReadsBackAsStored() {
        ObjectNode invoice = qbo.createInvoice(qbo.invoiceFor("Cool Cars", "Consulting", "3", "33.333",
                "\"PrivateNote\":\"ref LP-1\",\"CustomerMemo\":{\"value\":\"Thanks\"},\"NotAField\":42"));
        assertEquals("0", invoice.path("SyncToken").asText());
        assertTrue(invoice.path("Id").isTextual(), "Ids are strings");
        JsonNode line = invoice.path("Line").path(0);
        assertEquals(new BigDecimal("100.00"), amount(line.path("Amount")), "3 × 33.333 rounded to cents");
        assertEquals(qbo.id("TaxCode", "Standard"), line.path("SalesItemLineDetail").path("TaxCodeRef").path("value").asText(),
                "the item's tax code (Standard) when the line sends none");
        assertEquals(new BigDecimal("20.00"), amount(invoice.path("TxnTaxDetail").path("TotalTax")));
        assertEquals(new BigDecimal("120.00"), amount(invoice.path("TotalAmt")));
        assertEquals(new BigDecimal("120.00"), amount(invoice.path("Balance")));
        assertEquals("2025-03-03", invoice.path("TxnDate").asText());
        assertEquals("2025-03-03T17:00:00+00:00", invoice.path("MetaData").path("CreateTime").asText());
        assertFalse(invoice.has("NotAField"), "unknown fields are ignored");

        Qbo.Reply read = qbo.get("invoice/" + invoice.path("Id").asText());
        assertEquals(200, read.status());
        assertEquals(invoice.toString(), read.json().path("Invoice").toString());
        assertEquals(invoice.toString(), qbo.ledger().invoice(invoice.path("Id").asText()).orElseThrow().toString());
    }

    @Test
    void sparseUpdateKeepsWhatItDoesNotSendAndAStaleSyncTokenIsFault5010() {
        ObjectNode invoice = qbo.createInvoice(qbo.invoiceFor("Cool Cars", "Widget", "2", "25",
                "\"PrivateNote\":\"keep me\""));
        String id = invoice.path("Id").asText();
        qbo.clock().advance(Duration.ofMinutes(5));
        Qbo.Reply sparse = qbo.post("invoice", """
                {"Id":"%s","SyncToken":"0","sparse":true,"CustomerMemo":{"value":"Paid by card"}}""".formatted(id));
        assertEquals(200, sparse.status(), sparse.body());
        JsonNode updated = sparse.json().path("Invoice");
        assertEquals("1", updated.path("SyncToken").asText());
        assertEquals("keep me", updated.path("PrivateNote").asText());
        assertEquals("Paid by card", updated.path("CustomerMemo").path("value").asText());
        assertEquals(invoice.path("TotalAmt"), updated.path("TotalAmt"));
        assertEquals("2025-03-03T17:05:00+00:00", updated.path("MetaData").path("LastUpdatedTime").asText());

        Qbo.Reply stale = qbo.post("invoice", """
                {"Id":"%s","SyncToken":"0","sparse":true,"PrivateNote":"lost"}""".formatted(id));
        assertEquals(400, stale.status());
        assertEquals("5010", stale.faultCode());

        Qbo.Reply full = qbo.post("invoice", """
                {"Id":"%s","SyncToken":"1","CustomerRef":{"value":"%s"},
                 "Line":[{"DetailType":"SalesItemLineDetail","SalesItemLineDetail":{"ItemRef":{"value":"%s"},"Qty":1}}]}
                """.formatted(id, qbo.id("Customer", "Cool Cars"), qbo.id("Item", "Widget")));
        assertEquals(200, full.status(), full.body());
        assertFalse(full.json().path("Invoice").has("PrivateNote"), "a full update drops the fields it omits");
        assertEquals(new BigDecimal("30.00"), amount(full.json().path("Invoice").path("TotalAmt")));
    }

    @Test
    void voidZeroesAndKeepsTheInvoiceDeleteRemovesIt() {
        ObjectNode invoice = qbo.createInvoice(qbo.invoiceFor("Cool Cars", "Widget", "2", "25",
                "\"PrivateNote\":\"ref LP-9\""));
        String id = invoice.path("Id").asText();
        Qbo.Reply voided = qbo.post("invoice?operation=void", "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\"}");
        assertEquals(200, voided.status(), voided.body());
        JsonNode after = voided.json().path("Invoice");
        assertEquals(BigDecimal.ZERO.compareTo(amount(after.path("TotalAmt"))), 0);
        assertEquals(BigDecimal.ZERO.compareTo(amount(after.path("Line").path(0).path("Amount"))), 0);
        assertTrue(after.path("PrivateNote").asText().startsWith("Voided"), after.path("PrivateNote").asText());
        assertTrue(after.path("PrivateNote").asText().contains("ref LP-9"));
        assertEquals("1", after.path("SyncToken").asText());

        Qbo.Reply staleDelete = qbo.post("invoice?operation=delete", "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\"}");
        assertEquals("5010", staleDelete.faultCode());
        Qbo.Reply deleted = qbo.post("invoice?operation=delete", "{\"Id\":\"" + id + "\",\"SyncToken\":\"1\"}");
        assertEquals(200, deleted.status(), deleted.body());
        assertEquals("Deleted", deleted.json().path("Invoice").path("status").asText());
        assertEquals("610", qbo.get("invoice/" + id).faultCode());
        assertTrue(qbo.ledger().invoices().isEmpty());
    }

    @Test
    void aPaymentBumpsTheSyncTokenLinksThePaymentAndLowersTheBalance() {
        ObjectNode invoice = qbo.createInvoice(qbo.invoiceFor("Cool Cars", "Widget", "4", "25", ""));
        String id = invoice.path("Id").asText();
        qbo.ledger().receivePayment(id, new BigDecimal("40"));
        JsonNode partly = qbo.get("invoice/" + id).json().path("Invoice");
        assertEquals(new BigDecimal("80.00"), amount(partly.path("Balance")), "120.00 less 40.00");
        assertEquals("1", partly.path("SyncToken").asText());
        assertEquals("Payment", partly.path("LinkedTxn").path(0).path("TxnType").asText());

        qbo.ledger().markPaid(id);
        JsonNode paid = qbo.get("invoice/" + id).json().path("Invoice");
        assertEquals(0, amount(paid.path("Balance")).signum());
        assertEquals(2, qbo.ledger().payments().size());

        assertEquals("5010", qbo.post("invoice", """
                {"Id":"%s","SyncToken":"0","sparse":true,"PrivateNote":"x"}""".formatted(id)).faultCode(),
                "the SyncToken stored at creation is stale once paid");
        Qbo.Reply delete = qbo.post("invoice?operation=delete", "{\"Id\":\"" + id + "\",\"SyncToken\":\"2\"}");
        assertEquals("6000", delete.faultCode(), "an invoice with payments is not deleted");
        assertEquals(200, qbo.post("invoice?operation=void", "{\"Id\":\"" + id + "\",\"SyncToken\":\"2\"}").status());
    }

    @Test
    void aRealCompanyRefusesWhatItCannotTake() {
        String cars = qbo.id("Customer", "Cool Cars");
        String widget = qbo.id("Item", "Widget");
        String line = "[{\"DetailType\":\"SalesItemLineDetail\",\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\""
                + widget + "\"}}}]";
        assertEquals("6560", qbo.post("invoice", "{\"Line\":" + line + "}").faultCode());
        assertEquals("2020", qbo.post("invoice", "{\"CustomerRef\":{\"value\":\"" + cars + "\"},\"Line\":[]}")
                .faultCode());
        assertEquals("2500", qbo.post("invoice", "{\"CustomerRef\":{\"value\":\"999\"},\"Line\":" + line + "}")
                .faultCode());
        assertEquals("610", qbo.post("invoice", "{\"CustomerRef\":{\"value\":\"" + qbo.id("Customer",
                "Dormant Customer") + "\"},\"Line\":" + line + "}").faultCode());
        assertEquals("610", qbo.post("invoice", qbo.invoiceFor("Cool Cars", "Retired Service", "1", "1", ""))
                .faultCode());
        Qbo.Reply tooLong = qbo.post("invoice", qbo.invoiceFor("Cool Cars", "Widget", "1", "1",
                "\"DocNumber\":\"1234567890123456789012\""));
        assertEquals("2050", tooLong.faultCode());
        assertEquals("DocNumber", tooLong.json().path("Fault").path("Error").path(0).path("element").asText());
        Qbo.Reply currency = qbo.post("invoice", qbo.invoiceFor("Cool Cars", "Widget", "1", "1",
                "\"CurrencyRef\":{\"value\":\"EUR\"}"));
        assertEquals("6000", currency.faultCode());
        assertTrue(currency.faultDetail().contains("EUR") && currency.faultDetail().contains("GBP"),
                currency.faultDetail());
        assertEquals("6070", qbo.post("invoice", """
                {"CustomerRef":{"value":"%s"},"Line":[{"DetailType":"SalesItemLineDetail","Amount":99,
                 "SalesItemLineDetail":{"ItemRef":{"value":"%s"},"Qty":2,"UnitPrice":25}}]}"""
                .formatted(cars, widget)).faultCode());

        byte[] latin1 = qbo.invoiceFor("Cool Cars", "Widget", "1", "1", "\"PrivateNote\":\"Café\"")
                .getBytes(StandardCharsets.ISO_8859_1);
        Qbo.Reply notUtf8 = qbo.postBytes("invoice", latin1);
        assertEquals("500", notUtf8.faultCode());
        assertTrue(qbo.ledger().invoices().isEmpty(), "nothing refused was kept");
    }
}
