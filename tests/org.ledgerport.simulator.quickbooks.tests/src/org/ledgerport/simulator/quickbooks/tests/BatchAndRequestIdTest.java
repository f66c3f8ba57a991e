package org.ledgerport.simulator.quickbooks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.ledgerport.simulator.quickbooks.CompanySetup;
import org.ledgerport.simulator.quickbooks.Ledger;

/** The batch endpoint (at most 30 operations, faults per item) and requestid replay (reference 1.5). */
class BatchAndRequestIdTest {

    @AutoClose
    private final Qbo qbo = Qbo.start();

    private String invoiceItem(String bId, String customer, String docNumber) {
        return """
                {"bId":"%s","operation":"create","Invoice":{"CustomerRef":{"value":"%s"},"DocNumber":"%s",
                 "Line":[{"DetailType":"SalesItemLineDetail","SalesItemLineDetail":{"ItemRef":{"value":"%s"},"Qty":1}}]}}
                """.formatted(bId, customer, docNumber, qbo.id("Item", "Widget"));
    }

    private String batch(String... items) {
        StringJoiner joined = new StringJoiner(",", "{\"BatchItemRequest\":[", "]}");
        for (String item : items) {
            joined.add(item);
        }
        return joined.toString();
    }

    @Test
    void moreThanThirtyOperationsAreRefusedWhole() {
        String[] items = new String[31];
        for (int i = 0; i < items.length; i++) {
            items[i] = invoiceItem("b" + i, qbo.id("Customer", "Cool Cars"), "B-" + i);
        }
        Qbo.Reply refused = qbo.post("batch", batch(items));
        assertEquals(400, refused.status());
        assertTrue(refused.faultDetail().contains("30"), refused.faultDetail());
        assertTrue(qbo.ledger().invoices().isEmpty());
        assertEquals(200, qbo.post("batch", batch(Arrays.copyOf(items, 30))).status());
        assertEquals(30, qbo.ledger().invoices().size());
    }

    @Test
    void eachOperationAnswersForItselfAndNoneSeesWhatAnotherCreated() {
        String cars = qbo.id("Customer", "Cool Cars");
        Qbo.Reply reply = qbo.post("batch", batch(
                invoiceItem("ok", cars, "B-1"),
                invoiceItem("dup", cars, "B-1"),
                invoiceItem("nocust", "999", "B-2"),
                "{\"bId\":\"newcust\",\"operation\":\"create\",\"Customer\":{\"DisplayName\":\"Batch Buyer\"}}",
                "{\"bId\":\"q\",\"Query\":\"select * from Customer where DisplayName = 'Batch Buyer'\"}"));
        assertEquals(200, reply.status(), reply.body());
        JsonNode answers = reply.json().path("BatchItemResponse");
        assertEquals(5, answers.size());
        assertEquals("ok", answers.path(0).path("bId").asText());
        assertEquals("B-1", answers.path(0).path("Invoice").path("DocNumber").asText());
        assertEquals("6140", answers.path(1).path("Fault").path("Error").path(0).path("code").asText());
        assertEquals("2500", answers.path(2).path("Fault").path("Error").path(0).path("code").asText());
        assertEquals("Batch Buyer", answers.path(3).path("Customer").path("DisplayName").asText());
        assertFalse(answers.path(4).path("QueryResponse").has("Customer"),
                "a later operation does not see what an earlier one created");
        assertEquals(1, qbo.ledger().invoices().size());
    }

    @Test
    void aBatchVoidsWithOptionsData() {
        JsonNode invoice = qbo.createInvoice(qbo.invoiceFor("Cool Cars", "Widget", "1", "25", ""));
        Qbo.Reply reply = qbo.post("batch", batch("{\"bId\":\"v\",\"operation\":\"update\",\"optionsData\":\"void\","
                + "\"Invoice\":{\"Id\":\"" + invoice.path("Id").asText() + "\",\"SyncToken\":\"0\"}}"));
        JsonNode voided = reply.json().path("BatchItemResponse").path(0).path("Invoice");
        assertEquals(0, voided.path("TotalAmt").decimalValue().signum());
        assertTrue(voided.path("PrivateNote").asText().startsWith("Voided"));
    }

    @Test
    void aRepeatedRequestIdAnswersTheFirstAnswerWithoutASecondInvoice() {
        String body = qbo.invoiceFor("Cool Cars", "Widget", "1", "25", "");
        Qbo.Reply first = qbo.post("invoice?requestid=7d1c0b1e-0001", body);
        Qbo.Reply again = qbo.post("invoice?requestid=7d1c0b1e-0001", body);
        assertEquals(200, again.status());
        assertEquals(first.body(), again.body());
        assertEquals(1, qbo.ledger().invoices().size());

        Qbo.Reply fresh = qbo.post("invoice?requestid=7d1c0b1e-0002", body);
        assertEquals(2, qbo.ledger().invoices().size());
        assertFalse(fresh.body().equals(first.body()));
    }

    @Test
    void aReplayAfterADeleteStillAnswersTheDeletedInvoice() {
        String body = qbo.invoiceFor("Cool Cars", "Widget", "1", "25", "");
        String id = qbo.post("invoice?requestid=push-1", body).json().path("Invoice").path("Id").asText();
        qbo.ledger().deleteInvoice(id);
        Qbo.Reply replay = qbo.post("invoice?requestid=push-1", body);
        assertEquals(200, replay.status());
        assertEquals(id, replay.json().path("Invoice").path("Id").asText(), "the weakness the reference reports");
        assertTrue(qbo.ledger().invoices().isEmpty(), "yet the company has no invoice");
        assertEquals("610", qbo.get("invoice/" + id).faultCode());
    }

    @Test
    void requestIdsBelongToOneCompanyAndHaveLengthLimits() {
        String body = qbo.invoiceFor("Cool Cars", "Widget", "1", "25", "");
        assertEquals(200, qbo.post("invoice?requestid=shared", body).status());
        Ledger other = qbo.sim.addCompany(CompanySetup.us("9130350000000002", "Second Co"));
        String otherBody = body.replace(qbo.id("Customer", "Cool Cars"), other.idOf("Customer", "Cool Cars"))
                .replace(qbo.id("Item", "Widget"), other.idOf("Item", "Widget"));
        Qbo.Reply elsewhere = qbo.send(HttpRequest.newBuilder(URI.create(qbo.sim.companyUri(other.realmId())
                + "/invoice?requestid=shared"))
                .header("Authorization", "Bearer " + qbo.sim.connect(other.realmId()).accessToken())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(otherBody))
                .build());
        assertEquals(200, elsewhere.status(), elsewhere.body());
        assertEquals(1, other.invoices().size(), "the same id in another company is new work");

        assertEquals("2050", qbo.post("invoice?requestid=" + "x".repeat(51), body).faultCode());
        assertEquals("2050", qbo.post("batch?requestid=" + "x".repeat(37), batch(invoiceItem("b", qbo.id("Customer",
                "Cool Cars"), "L-1"))).faultCode());
        Qbo.Reply longBatchId = qbo.post("batch?requestid=ok", batch(invoiceItem("b-12345678901",
                qbo.id("Customer", "Cool Cars"), "L-2")));
        assertEquals("2050", longBatchId.faultCode(), "bIds are at most 10 characters with a request id");
        assertEquals(1, qbo.ledger().invoices().size());
    }

    @Test
    void aBatchIsReplayedWholeByItsRequestId() {
        String body = batch(invoiceItem("a", qbo.id("Customer", "Cool Cars"), "R-1"));
        Qbo.Reply first = qbo.post("batch?requestid=batch-1", body);
        Qbo.Reply again = qbo.post("batch?requestid=batch-1", body);
        assertEquals(first.body(), again.body());
        assertEquals(1, qbo.ledger().invoices().size());
    }
}
