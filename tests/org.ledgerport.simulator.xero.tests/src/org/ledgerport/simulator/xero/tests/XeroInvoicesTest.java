package org.ledgerport.simulator.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.simulator.xero.tests.XeroSession.invoices;
import static org.ledgerport.simulator.xero.tests.XeroSession.json;
import static org.ledgerport.simulator.xero.tests.XeroSession.line;
import static org.ledgerport.simulator.xero.tests.XeroSession.object;
import static org.ledgerport.simulator.xero.tests.XeroSession.salesInvoice;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.ledgerport.simulator.xero.Invoice;
import org.ledgerport.simulator.xero.InvoiceStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Invoices: create and update, validation, numbering, status rules, arithmetic, listing, the user's actions. */
class XeroInvoicesTest {

    @AutoClose
    private final XeroSession session = XeroSession.start().signedIn();

    @Test
    void putCreatesOnlyAndPostUpdatesTheSalesInvoiceWithThatNumber() {
        JsonNode created = saved(session.put("/Invoices?summarizeErrors=true", invoices(salesInvoice("LP-1", "Acme"))));
        String id = created.get("InvoiceID").asText();

        HttpResponse<String> again = session.put("/Invoices?summarizeErrors=true",
                invoices(salesInvoice("LP-1", "Acme")));
        assertEquals(400, again.statusCode());
        assertEquals("Invoice # must be unique.", json(again).at("/Elements/0/ValidationErrors/0/Message").asText());

        ObjectNode changed = salesInvoice("LP-1", "Acme").put("Reference", "PO 77");
        JsonNode updated = saved(session.post("/Invoices?summarizeErrors=true", invoices(changed)));
        assertEquals(id, updated.get("InvoiceID").asText());
        assertEquals("PO 77", updated.get("Reference").asText());

        JsonNode other = saved(session.post("/Invoices?summarizeErrors=true", invoices(salesInvoice("LP-2", "Acme"))));
        assertNotEquals(id, other.get("InvoiceID").asText());
        assertEquals(2, session.sim.invoices(session.tenant).size());

        HttpResponse<String> withId = session.put("/Invoices?summarizeErrors=true",
                invoices(salesInvoice("LP-3", "Acme").put("InvoiceID", id)));
        assertEquals(400, withId.statusCode(), "PUT never updates");
    }

    @Test
    void summarizeErrorsFalseSavesTheGoodOnesAndMarksTheBadOnes() {
        ObjectNode bad = salesInvoice("LP-2", "Acme");
        ((ObjectNode) bad.withArray("LineItems").get(0)).put("AccountCode", "999");
        HttpResponse<String> answer = session.put("/Invoices?summarizeErrors=false",
                invoices(salesInvoice("LP-1", "Acme"), bad, salesInvoice("LP-3", "Acme")));
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode list = json(answer).get("Invoices");
        assertEquals(3, list.size());
        assertEquals("OK", list.get(0).get("StatusAttributeString").asText());
        assertTrue(list.get(1).get("HasErrors").asBoolean());
        assertEquals("ERROR", list.get(1).get("StatusAttributeString").asText());
        assertEquals("00000000-0000-0000-0000-000000000000", list.get(1).get("InvoiceID").asText());
        assertEquals("Account code '999' is not a valid code for this document.",
                list.get(1).at("/ValidationErrors/0/Message").asText());
        assertEquals("OK", list.get(2).get("StatusAttributeString").asText());
        assertEquals(2, session.sim.invoices(session.tenant).size());
    }

    @Test
    void withoutSummarizeErrorsFalseOneBadInvoiceFailsTheWholeRequestAndSavesNothing() {
        ObjectNode bad = salesInvoice("LP-2", "Acme");
        bad.remove("Contact");
        HttpResponse<String> answer = session.put("/Invoices",
                invoices(salesInvoice("LP-1", "New Customer Ltd"), bad));
        assertEquals(400, answer.statusCode());
        JsonNode body = json(answer);
        assertEquals(10, body.get("ErrorNumber").asInt());
        assertEquals("ValidationException", body.get("Type").asText());
        assertEquals("A validation exception occurred", body.get("Message").asText());
        assertEquals(1, body.get("Elements").size());
        assertEquals("A Contact must be specified for this type of transaction",
                body.at("/Elements/0/ValidationErrors/0/Message").asText());
        assertTrue(session.sim.invoices(session.tenant).isEmpty());
        assertTrue(session.sim.contacts(session.tenant).isEmpty(), "the new contact went with the request");
    }

    @Test
    void anOrganisationChecksWhatARealOneChecks() {
        List<ObjectNode> cases = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        cases.add(withLine(line("Old work", "1", "10", "205")));
        expected.add("Account code '205' has been archived, or has been deleted. Each line item must reference a "
                + "valid account.");
        cases.add(withLine(line("Cash", "1", "10", "090")));
        expected.add("Account code '090' is a bank or system account and cannot be used on an invoice line.");
        cases.add(withLine(line("Tax", "1", "10", "200").put("TaxType", "INPUT")));
        expected.add("The TaxType code 'INPUT' does not exist or cannot be used for this type of transaction.");
        cases.add(withLine(line("Tax", "1", "10", "200").put("TaxType", "GST99")));
        expected.add("The TaxType code 'GST99' does not exist or cannot be used for this type of transaction.");
        cases.add(withLine(line("Widget", "1", "10", "200").put("ItemCode", "NOPE")));
        expected.add("Item code 'NOPE' is not valid.");
        ObjectNode noDescription = line("x", "1", "10", "200");
        noDescription.remove("Description");
        cases.add(withLine(noDescription));
        expected.add("The description field is mandatory for each line item.");
        cases.add(salesInvoice(null, "Acme").put("CurrencyCode", "USD"));
        expected.add("Organisation is not subscribed to currency USD");
        cases.add(salesInvoice(null, "Acme").put("DueDate", "2026-03-01"));
        expected.add("The Due Date must not be earlier than the invoice Date.");

        HttpResponse<String> answer = session.put("/Invoices?summarizeErrors=false",
                invoices(cases.toArray(ObjectNode[]::new)));
        assertEquals(200, answer.statusCode());
        JsonNode list = json(answer).get("Invoices");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), list.get(i).at("/ValidationErrors/0/Message").asText(), "case " + i);
        }
        assertTrue(session.sim.invoices(session.tenant).isEmpty());
        assertEquals("AUD", saved(session.put("/Invoices", invoices(salesInvoice(null, "Acme")
                .put("CurrencyCode", "AUD")))).get("CurrencyCode").asText(), "an enabled currency is taken");
    }

    @Test
    void salesInvoicesWithoutANumberGetTheNextOfTheOrganisationsSequence() {
        assertEquals("INV-0001", saved(session.put("/Invoices", invoices(salesInvoice(null, "Acme"))))
                .get("InvoiceNumber").asText());
        saved(session.put("/Invoices", invoices(salesInvoice("INV-0002", "Acme"))));
        assertEquals("INV-0003", saved(session.put("/Invoices", invoices(salesInvoice(null, "Acme"))))
                .get("InvoiceNumber").asText(), "a number already taken is skipped");
        ObjectNode bill = salesInvoice(null, "Supplier Ltd").put("Type", "ACCPAY");
        ((ObjectNode) bill.withArray("LineItems").get(0)).put("AccountCode", "400");
        assertEquals("", saved(session.put("/Invoices", invoices(bill))).get("InvoiceNumber").asText());
        saved(session.put("/Invoices", invoices(bill.deepCopy())));
    }

    @Test
    void statusesMoveAsXeroAllowsAndNumbersAreReusedOnlyAfterADelete() {
        String draft = saved(session.put("/Invoices", invoices(salesInvoice("LP-1", "Acme")))).get("InvoiceID")
                .asText();
        assertEquals("Only AUTHORISED invoices can be voided. Delete a DRAFT or SUBMITTED invoice instead.",
                refusal(session.post("/Invoices/" + draft, invoices(object().put("Status", "VOIDED")))));
        assertEquals("SUBMITTED", saved(session.post("/Invoices/" + draft,
                invoices(object().put("Status", "SUBMITTED")))).get("Status").asText());
        assertEquals("DELETED", saved(session.post("/Invoices/" + draft,
                invoices(object().put("Status", "DELETED")))).get("Status").asText());
        assertEquals("Invoice not of valid status for modification",
                refusal(session.post("/Invoices/" + draft, invoices(object().put("Reference", "again")))));
        saved(session.put("/Invoices", invoices(salesInvoice("LP-1", "Acme"))));

        String approved = saved(session.put("/Invoices", invoices(salesInvoice("LP-2", "Acme")
                .put("Status", "AUTHORISED")))).get("InvoiceID").asText();
        assertEquals("Only DRAFT or SUBMITTED invoices can be deleted. Void an AUTHORISED invoice instead.",
                refusal(session.post("/Invoices/" + approved, invoices(object().put("Status", "DELETED")))));
        assertTrue(refusal(session.post("/Invoices/" + approved, invoices(object().put("Status", "DRAFT"))))
                .startsWith("An AUTHORISED invoice cannot be returned to DRAFT"));
        assertEquals("VOIDED", saved(session.post("/Invoices/" + approved,
                invoices(object().put("Status", "VOIDED")))).get("Status").asText());
        assertEquals("Invoice # must be unique.", refusal(session.put("/Invoices",
                invoices(salesInvoice("LP-2", "Acme")))));

        // Renumbered before it is voided, an approved invoice gives its old number up.
        String renumbered = saved(session.put("/Invoices", invoices(salesInvoice("LP-3", "Acme")
                .put("Status", "AUTHORISED")))).get("InvoiceID").asText();
        saved(session.post("/Invoices/" + renumbered, invoices(object().put("InvoiceNumber", "LP-3-VOID"))));
        saved(session.post("/Invoices/" + renumbered, invoices(object().put("Status", "VOIDED"))));
        saved(session.put("/Invoices", invoices(salesInvoice("LP-3", "Acme"))));

        assertTrue(refusal(session.put("/Invoices", invoices(salesInvoice("LP-4", "Acme").put("Status", "PAID"))))
                .startsWith("An invoice can only be created as DRAFT, SUBMITTED or AUTHORISED"));
    }

    @Test
    void taxIsRoundedPerLineThenSummed() {
        ObjectNode invoice = salesInvoice(null, "Acme");
        invoice.withArray("LineItems").removeAll().add(line("A", "1", "1.05", "200")).add(line("B", "1", "1.05", "200"))
                .add(line("C", "1", "1.05", "200"));
        JsonNode saved = saved(session.put("/Invoices", invoices(invoice)));
        // Per line 0.1575 -> 0.16, three times: 0.48; on the document's 3.15 it would have been 0.47.
        assertEquals(new BigDecimal("0.16"), saved.at("/LineItems/0/TaxAmount").decimalValue());
        assertEquals(new BigDecimal("3.15"), saved.get("SubTotal").decimalValue());
        assertEquals(new BigDecimal("0.48"), saved.get("TotalTax").decimalValue());
        assertEquals(new BigDecimal("3.63"), saved.get("Total").decimalValue());

        ObjectNode inclusive = salesInvoice(null, "Acme").put("LineAmountTypes", "Inclusive");
        inclusive.withArray("LineItems").removeAll().add(line("A", "1", "10.00", "200"))
                .add(line("B", "1", "10.00", "200").put("TaxAmount", new BigDecimal("1.31")));
        JsonNode in = saved(session.put("/Invoices", invoices(inclusive)));
        assertEquals(new BigDecimal("1.30"), in.at("/LineItems/0/TaxAmount").decimalValue());
        assertEquals(new BigDecimal("1.31"), in.at("/LineItems/1/TaxAmount").decimalValue(), "explicit tax is kept");
        assertEquals(new BigDecimal("20.00"), in.get("Total").decimalValue());
        assertEquals(new BigDecimal("17.39"), in.get("SubTotal").decimalValue());

        ObjectNode noTax = salesInvoice(null, "Acme").put("LineAmountTypes", "NoTax");
        assertEquals(new BigDecimal("0.00"), saved(session.put("/Invoices", invoices(noTax))).get("TotalTax")
                .decimalValue());

        ObjectNode fourPlaces = salesInvoice(null, "Acme");
        fourPlaces.withArray("LineItems").removeAll().add(line("A", "10", "1.2345", "200"));
        assertEquals(new BigDecimal("12.30"), saved(session.put("/Invoices", invoices(fourPlaces)))
                .at("/LineItems/0/LineAmount").decimalValue(), "unit amounts keep 2 places without unitdp=4");
        assertEquals(new BigDecimal("12.35"), saved(session.put("/Invoices?unitdp=4", invoices(fourPlaces)))
                .at("/LineItems/0/LineAmount").decimalValue());
    }

    @Test
    void changesArePolledByIfModifiedSinceAndStatusesAndListsArePagedBy100() {
        List<ObjectNode> batch = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            batch.add(salesInvoice(null, "Customer " + (i % 7)).put("Status", "AUTHORISED"));
            if (batch.size() == 50) {
                assertEquals(200, session.put("/Invoices", invoices(batch.toArray(ObjectNode[]::new))).statusCode());
                batch.clear();
            }
        }
        List<Invoice> all = session.sim.invoices(session.tenant);
        session.clock().advance(Duration.ofMinutes(10));
        String since = "2026-04-01T09:05:00";
        session.sim.payInFull(session.tenant, all.get(3).invoiceId(), LocalDate.of(2026, 4, 1));
        session.sim.voidInvoice(session.tenant, all.get(4).invoiceId());

        JsonNode changed = json(session.get("/Invoices", "If-Modified-Since", since)).get("Invoices");
        assertEquals(2, changed.size());
        JsonNode paid = json(session.get("/Invoices?Statuses=PAID", "If-Modified-Since", since)).get("Invoices");
        assertEquals(1, paid.size());
        assertEquals(all.get(3).invoiceId().toString(), paid.get(0).get("InvoiceID").asText());
        assertEquals(2, json(session.get("/Invoices?Statuses=PAID,VOIDED")).get("Invoices").size());
        assertEquals(148, json(session.get("/Invoices?page=1&pageSize=1000&Statuses=AUTHORISED")).get("Invoices")
                .size());

        JsonNode first = json(session.get("/Invoices?page=1"));
        assertEquals(100, first.get("Invoices").size());
        assertTrue(first.at("/Invoices/0/LineItems").isArray(), "a page carries the lines");
        assertEquals(150, first.at("/pagination/itemCount").asInt());
        assertEquals(2, first.at("/pagination/pageCount").asInt());
        assertEquals(50, json(session.get("/Invoices?page=2")).get("Invoices").size());
        assertEquals(0, json(session.get("/Invoices?page=3")).get("Invoices").size());
        JsonNode unpaged = json(session.get("/Invoices"));
        assertEquals(100, unpaged.get("Invoices").size());
        assertFalse(unpaged.at("/Invoices/0").has("LineItems"));

        JsonNode where = json(session.get("/Invoices?where=" + URLEncoder.encode(
                "Status==\"VOIDED\" && Date>=DateTime(2026,03,01)", StandardCharsets.UTF_8)));
        assertEquals(1, where.get("Invoices").size());
    }

    @Test
    void aRequestOver3point5MegabytesIsRefusedAsTooLarge() {
        ObjectNode invoice = salesInvoice(null, "Acme");
        invoice.put("Padding", "x".repeat(3_500_001));
        HttpResponse<String> tooLarge = session.put("/Invoices", invoices(invoice));
        assertEquals(413, tooLarge.statusCode());
        assertTrue(session.sim.invoices(session.tenant).isEmpty());

        invoice.put("Padding", "x".repeat(3_400_000));
        assertEquals(200, session.put("/Invoices", invoices(invoice)).statusCode());
    }

    @Test
    void theXeroUserPaysVoidsAndDeletesInvoices() {
        UUID approved = UUID.fromString(saved(session.put("/Invoices", invoices(salesInvoice(null, "Acme")
                .put("Status", "AUTHORISED")))).get("InvoiceID").asText());
        session.sim.pay(session.tenant, approved, new BigDecimal("50.00"), LocalDate.of(2026, 4, 2));
        JsonNode partly = saved(session.get("/Invoices/" + approved));
        assertEquals("AUTHORISED", partly.get("Status").asText());
        assertEquals(new BigDecimal("50.00"), partly.get("AmountPaid").decimalValue());
        assertEquals(new BigDecimal("65.00"), partly.get("AmountDue").decimalValue());
        assertEquals(1, partly.get("Payments").size());
        assertEquals("This document cannot be edited as it has a payment or credit note allocated to it.",
                refusal(session.post("/Invoices/" + approved, invoices(object().put("Status", "VOIDED")))));
        assertThrows(IllegalStateException.class, () -> session.sim.voidInvoice(session.tenant, approved));

        session.sim.pay(session.tenant, approved, new BigDecimal("65.00"), LocalDate.of(2026, 4, 9));
        JsonNode paid = saved(session.get("/Invoices/" + approved));
        assertEquals("PAID", paid.get("Status").asText());
        assertEquals(new BigDecimal("0.00"), paid.get("AmountDue").decimalValue());
        assertEquals("/Date(" + LocalDate.of(2026, 4, 9).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                + "+0000)/", paid.get("FullyPaidOnDate").asText());
        assertEquals("Invoice not of valid status for modification", refusal(session.post("/Invoices/" + approved,
                invoices(object().put("Reference", "late change")))));

        UUID draft = UUID.fromString(saved(session.put("/Invoices", invoices(salesInvoice(null, "Acme"))))
                .get("InvoiceID").asText());
        session.sim.approve(session.tenant, draft);
        assertEquals(InvoiceStatus.VOIDED, session.sim.voidInvoice(session.tenant, draft).status());
        UUID another = UUID.fromString(saved(session.put("/Invoices", invoices(salesInvoice(null, "Acme"))))
                .get("InvoiceID").asText());
        assertEquals(InvoiceStatus.DELETED, session.sim.deleteInvoice(session.tenant, another).status());
        assertEquals("DELETED", saved(session.get("/Invoices/" + another)).get("Status").asText());
    }

    @Test
    void theOrganisationsPlanCanCapApprovals() {
        session.sim.limitApprovals(session.tenant, 1);
        saved(session.put("/Invoices", invoices(salesInvoice(null, "Acme").put("Status", "AUTHORISED"))));
        assertEquals("You have reached the limit of invoices you can approve", refusal(session.put("/Invoices",
                invoices(salesInvoice(null, "Acme").put("Status", "AUTHORISED")))));
        saved(session.put("/Invoices", invoices(salesInvoice(null, "Acme"))));
    }

    @Test
    void aContactNamedOnlyByNameIsFoundOrCreatedOnceAndAnArchivedOneIsRefused() {
        HttpResponse<String> two = session.put("/Invoices", invoices(salesInvoice(null, "Kauri Cafe"),
                salesInvoice(null, "kauri cafe")));
        assertEquals(200, two.statusCode(), two.body());
        assertEquals(1, session.sim.contacts(session.tenant).size());
        JsonNode list = json(two).get("Invoices");
        assertEquals(list.at("/0/Contact/ContactID"), list.at("/1/Contact/ContactID"));

        UUID contact = UUID.fromString(list.at("/0/Contact/ContactID").asText());
        session.sim.archiveContact(session.tenant, contact);
        ObjectNode byId = salesInvoice(null, "ignored");
        byId.putObject("Contact").put("ContactID", contact.toString());
        assertTrue(refusal(session.put("/Invoices", invoices(byId))).contains("archived"));
    }

    private static ObjectNode withLine(ObjectNode line) {
        ObjectNode invoice = salesInvoice(null, "Acme");
        invoice.withArray("LineItems").removeAll().add(line);
        return invoice;
    }

    /** The one invoice of a 200 answer. */
    private static JsonNode saved(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
        return json(answer).at("/Invoices/0");
    }

    /** The first message of a refused invoice, from a 400 ValidationException. */
    private static String refusal(HttpResponse<String> answer) {
        assertEquals(400, answer.statusCode(), answer.body());
        return json(answer).at("/Elements/0/ValidationErrors/0/Message").asText();
    }
}
