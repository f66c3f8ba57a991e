package org.ledgerport.simulator.quickbooks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Payments received through POST /payment and applied to invoices (reference 1.6), with their faults. */
class PaymentTest {

    @AutoClose
    private final Qbo qbo = Qbo.start();

    private String invoice(String customer) {
        return qbo.createInvoice(qbo.invoiceFor(customer, "Widget", "4", "25", "")).path("Id").asText();
    }

    private BigDecimal total(String invoiceId) {
        return qbo.get("invoice/" + invoiceId).json().path("Invoice").path("TotalAmt").decimalValue();
    }

    /** A payment of the customer's applying {@code applied} to the invoice, deposited to {@code account}. */
    private String payment(String customer, String total, String invoiceId, String applied, String account) {
        return """
                {"CustomerRef":{"value":"%s"},"TotalAmt":%s,"TxnDate":"2025-03-03","PaymentRefNum":"CHK-1042",
                 %s"Line":[{"Amount":%s,"LinkedTxn":[{"TxnId":"%s","TxnType":"Invoice"}]}]}
                """.formatted(customer, total, account == null ? "" : "\"DepositToAccountRef\":{\"value\":\""
                        + account + "\"},", applied, invoiceId);
    }

    @Test
    void aPaymentLowersTheBalanceBumpsTheSyncTokenAndIsAnsweredOncePerRequestId() {
        String cars = qbo.id("Customer", "Cool Cars");
        String checking = qbo.id("Account", "Business Checking");
        String invoice = invoice("Cool Cars");
        BigDecimal total = total(invoice);

        Qbo.Reply first = qbo.post("payment?requestid=pay-1", payment(cars, "40.00", invoice, "40.00", checking));

        assertEquals(200, first.status(), first.body());
        JsonNode payment = first.json().path("Payment");
        String paymentId = payment.path("Id").asText();
        assertEquals(checking, payment.path("DepositToAccountRef").path("value").asText());
        assertEquals(0, payment.path("UnappliedAmt").decimalValue().signum());
        assertEquals("CHK-1042", payment.path("PaymentRefNum").asText());
        JsonNode partly = qbo.get("invoice/" + invoice).json().path("Invoice");
        assertEquals(0, total.subtract(new BigDecimal("40.00")).compareTo(partly.path("Balance").decimalValue()));
        assertEquals("1", partly.path("SyncToken").asText());
        assertEquals(paymentId, partly.path("LinkedTxn").path(0).path("TxnId").asText());
        assertEquals("Payment", partly.path("LinkedTxn").path(0).path("TxnType").asText());

        Qbo.Reply replayed = qbo.post("payment?requestid=pay-1", payment(cars, "40.00", invoice, "40.00", checking));
        assertEquals(first.body(), replayed.body(), "the first answer, not a second payment");
        assertEquals(1, qbo.ledger().payments().size());
        assertEquals("1", qbo.get("invoice/" + invoice).json().path("Invoice").path("SyncToken").asText());
        assertEquals(paymentId, qbo.get("payment/" + paymentId).json().path("Payment").path("Id").asText());
        assertEquals(1, qbo.query("select * from Payment").json().path("QueryResponse").path("Payment").size());

        String rest = total.subtract(new BigDecimal("40.00")).toPlainString();
        Qbo.Reply second = qbo.post("payment?requestid=pay-2", payment(cars, rest, invoice, rest, null));
        assertEquals(200, second.status(), second.body());
        assertEquals(qbo.id("Account", "Undeposited Funds"), second.json().path("Payment")
                .path("DepositToAccountRef").path("value").asText(), "QuickBooks' default deposit account");
        JsonNode paid = qbo.get("invoice/" + invoice).json().path("Invoice");
        assertEquals(0, paid.path("Balance").decimalValue().signum());
        assertEquals(2, paid.path("LinkedTxn").size());
    }

    @Test
    void aPaymentQuickBooksWouldNotTakeIsRefusedAndChangesNothing() {
        String cars = qbo.id("Customer", "Cool Cars");
        String amys = qbo.id("Customer", "Amy's Bird Sanctuary");
        String checking = qbo.id("Account", "Business Checking");
        String invoice = invoice("Cool Cars");
        String tooMuch = total(invoice).add(new BigDecimal("0.01")).toPlainString();

        Qbo.Reply noCustomer = qbo.post("payment", """
                {"TotalAmt":10,"Line":[{"Amount":10,"LinkedTxn":[{"TxnId":"%s","TxnType":"Invoice"}]}]}
                """.formatted(invoice));
        assertEquals("6560", noCustomer.faultCode());
        Qbo.Reply otherCustomer = qbo.post("payment", payment(amys, "10", invoice, "10", checking));
        assertEquals("6000", otherCustomer.faultCode());
        assertTrue(otherCustomer.faultDetail().contains("another customer"), otherCustomer.faultDetail());
        Qbo.Reply overBalance = qbo.post("payment", payment(cars, tooMuch, invoice, tooMuch, checking));
        assertEquals("6000", overBalance.faultCode());
        assertTrue(overBalance.faultDetail().contains("balance"), overBalance.faultDetail());
        assertEquals("2500", qbo.post("payment", payment(cars, "10", "9999", "10", checking)).faultCode(),
                "an invoice the company does not have");
        assertEquals("2500", qbo.post("payment", payment(cars, "10", invoice, "10", "9999")).faultCode(),
                "an account the company does not have");
        Qbo.Reply income = qbo.post("payment", payment(cars, "10", invoice, "10", qbo.id("Account", "Sales")));
        assertEquals("6000", income.faultCode());
        assertTrue(income.faultDetail().contains("Bank or Other Current Asset"), income.faultDetail());
        assertEquals("610", qbo.post("payment", payment(cars, "10", invoice, "10", qbo.id("Account",
                "Old Savings"))).faultCode(), "an inactive bank account");
        assertEquals("6000", qbo.post("payment", payment(cars, "5", invoice, "10", checking)).faultCode(),
                "more applied than the payment's total");
        assertEquals("2050", qbo.post("payment", payment(cars, "10", invoice, "10", checking)
                .replace("CHK-1042", "A reference of more than 21 characters")).faultCode());

        assertTrue(qbo.ledger().payments().isEmpty());
        assertEquals("0", qbo.get("invoice/" + invoice).json().path("Invoice").path("SyncToken").asText());
    }
}
