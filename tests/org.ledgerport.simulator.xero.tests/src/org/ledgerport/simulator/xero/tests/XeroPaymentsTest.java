package org.ledgerport.simulator.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.simulator.xero.tests.XeroSession.invoices;
import static org.ledgerport.simulator.xero.tests.XeroSession.json;
import static org.ledgerport.simulator.xero.tests.XeroSession.object;
import static org.ledgerport.simulator.xero.tests.XeroSession.salesInvoice;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.ledgerport.simulator.xero.Account;
import org.ledgerport.simulator.xero.AccountType;
import org.ledgerport.simulator.xero.Organisation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Payments applied to invoices through PUT /Payments, and read back through GET /Payments. */
class XeroPaymentsTest {

    private static final String PAID_ON = "2026-04-02";

    @AutoClose
    private final XeroSession session = XeroSession.start(options -> options.withOrganisations(
            Organisation.standard("Tasman Joinery Ltd").withAccount(Account.of("970", "Owner A Funds Introduced",
                    AccountType.EQUITY, "NONE").withPaymentsEnabled()))).signedIn();

    @Test
    void aPaymentIsAppliedAndTheInvoiceIsPaidWhenNothingIsLeftDue() {
        String invoice = approvedInvoice();
        session.clock().advance(Duration.ofMinutes(5));

        JsonNode first = recorded(session.put("/Payments?summarizeErrors=false", payments(payment(invoice, "090",
                "50.00")), "Idempotency-Key", "pay-1"));
        assertEquals(new BigDecimal("50.00"), first.path("Amount").decimalValue());
        assertEquals("ACCRECPAYMENT", first.path("PaymentType").asText());
        assertEquals("090", first.path("Account").path("Code").asText());
        assertEquals(new BigDecimal("65.00"), first.path("Invoice").path("AmountDue").decimalValue(),
                "the invoice as it is after the payment");
        JsonNode partly = invoice(invoice);
        assertEquals("AUTHORISED", partly.path("Status").asText());
        assertEquals(new BigDecimal("50.00"), partly.path("AmountPaid").decimalValue());
        assertEquals(new BigDecimal("65.00"), partly.path("AmountDue").decimalValue());
        assertEquals(session.clock().instant().toEpochMilli(), millis(partly.path("UpdatedDateUTC").asText()),
                "a payment changes the invoice's UpdatedDateUTC");

        recorded(session.put("/Payments?summarizeErrors=false", payments(payment(invoice, "970", "65.00")),
                "Idempotency-Key", "pay-2"));
        JsonNode paid = invoice(invoice);
        assertEquals("PAID", paid.path("Status").asText());
        assertEquals(new BigDecimal("0.00"), paid.path("AmountDue").decimalValue());
        assertEquals(LocalDate.parse(PAID_ON).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                millis(paid.path("FullyPaidOnDate").asText()));
        assertEquals(2, session.sim.payments(session.tenant).size());

        JsonNode listed = json(session.get("/Payments"));
        assertEquals(2, listed.path("Payments").size());
        assertEquals(first.path("PaymentID").asText(), listed.at("/Payments/0/PaymentID").asText());
        assertEquals(invoice, listed.at("/Payments/1/Invoice/InvoiceID").asText());
        assertEquals(first.path("PaymentID").asText(), json(session.get("/Payments/" + first.path("PaymentID")
                .asText())).at("/Payments/0/PaymentID").asText());
    }

    @Test
    void theSameIdempotencyKeyIsAnsweredWithTheFirstPaymentAndRecordsNothingMore() {
        String invoice = approvedInvoice();
        ObjectNode body = payments(payment(invoice, "090", "40.00"));

        HttpResponse<String> first = session.put("/Payments?summarizeErrors=false", body, "Idempotency-Key", "k-1");
        HttpResponse<String> again = session.put("/Payments?summarizeErrors=false", body, "Idempotency-Key", "k-1");

        assertEquals(first.body(), again.body());
        assertEquals(1, session.sim.payments(session.tenant).size());
        assertEquals(new BigDecimal("75.00"), invoice(invoice).path("AmountDue").decimalValue());
    }

    @Test
    void paymentsAreRefusedAsXeroRefusesThem() {
        String approved = approvedInvoice();
        String draft = json(session.put("/Invoices", invoices(salesInvoice(null, "Acme")))).at(
                "/Invoices/0/InvoiceID").asText();

        assertEquals("Payment amount exceeds the amount outstanding on this document",
                refusal(payment(approved, "090", "115.01")));
        assertTrue(refusal(payment(draft, "090", "10.00")).contains("AUTHORISED"), "a draft takes no payment");
        assertTrue(refusal(payment(approved, "200", "10.00")).contains("'200'"),
                "a sales account is neither a bank account nor open to payments");
        assertTrue(refusal(payment(approved, "999", "10.00")).contains("'999'"));
        assertTrue(refusal(payment(approved, "090", "0")).contains("more than zero"));
        assertTrue(refusal(payment(UUID.randomUUID().toString(), "090", "10.00")).contains("could not be found"));

        HttpResponse<String> summarized = session.put("/Payments", payments(payment(approved, "090", "500.00")));
        assertEquals(400, summarized.statusCode(), "without summarizeErrors=false one refusal fails the request");
        assertEquals("ValidationException", json(summarized).path("Type").asText());
        assertEquals(0, session.sim.payments(session.tenant).size());
        assertEquals(new BigDecimal("115.00"), invoice(approved).path("AmountDue").decimalValue());
    }

    @Test
    void accountsSayWhetherPaymentsMayGoIntoThem() {
        JsonNode accounts = json(session.get("/Accounts?where=" + URLEncoder.encode("EnablePaymentsToAccount==true",
                StandardCharsets.UTF_8)));
        assertEquals(1, accounts.path("Accounts").size());
        assertEquals("970", accounts.at("/Accounts/0/Code").asText());
    }

    private String approvedInvoice() {
        return json(session.put("/Invoices", invoices(salesInvoice(null, "Acme").put("Status", "AUTHORISED"))))
                .at("/Invoices/0/InvoiceID").asText();
    }

    private JsonNode invoice(String id) {
        return json(session.get("/Invoices/" + id)).at("/Invoices/0");
    }

    /** The message Xero gives a refused payment, sent with summarizeErrors=false; nothing may be recorded. */
    private String refusal(ObjectNode payment) {
        HttpResponse<String> answer = session.put("/Payments?summarizeErrors=false", payments(payment));
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode element = json(answer).at("/Payments/0");
        assertTrue(element.path("HasValidationErrors").asBoolean(), answer.body());
        assertEquals("ERROR", element.path("StatusAttributeString").asText());
        return element.at("/ValidationErrors/0/Message").asText();
    }

    private static JsonNode recorded(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
        JsonNode payment = json(answer).at("/Payments/0");
        assertEquals("OK", payment.path("StatusAttributeString").asText(), answer.body());
        return payment;
    }

    private static ObjectNode payments(ObjectNode payment) {
        ObjectNode body = object();
        body.putArray("Payments").add(payment);
        return body;
    }

    private static ObjectNode payment(String invoiceId, String accountCode, String amount) {
        ObjectNode payment = object();
        payment.putObject("Invoice").put("InvoiceID", invoiceId);
        payment.putObject("Account").put("Code", accountCode);
        payment.put("Date", PAID_ON);
        payment.put("Amount", new BigDecimal(amount));
        payment.put("Reference", "Bank transfer");
        return payment;
    }

    private static long millis(String msDate) {
        return Long.parseLong(msDate.replaceAll("/Date\\((-?\\d+).*", "$1"));
    }
}
