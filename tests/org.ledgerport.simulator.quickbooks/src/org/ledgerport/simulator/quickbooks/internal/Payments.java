package org.ledgerport.simulator.quickbooks.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Payments received from customers (POST /payment), applied to their invoices: each invoice linked gets the
 * payment in its LinkedTxn, a lower Balance and a new SyncToken (reference 1.6). What is not applied stays on the
 * payment as UnappliedAmt, a credit of the customer.
 */
public final class Payments {

    /** [unverified] QuickBooks documents no length for PaymentRefNum; 21, its cap on document numbers, is safe. */
    static final int REFERENCE_LIMIT = 21;
    /** The account types money can be deposited into (the Payment entity's DepositToAccountRef). */
    private static final Set<String> DEPOSIT_TYPES = Set.of("Bank", "Other Current Asset");

    private final Company company;

    Payments(Company company) {
        this.company = company;
    }

    /** Creates a payment; updating one is not part of what this simulator keeps. */
    public ObjectNode create(ObjectNode input) {
        if (Json.text(input, "Id") != null) {
            throw QboFault.unsupported("Updating a payment is not supported by this simulator; create a new one");
        }
        ObjectNode customer = company.customer(input, "a payment");
        String customerId = customer.path("Id").asText();
        String customerCurrency = Json.ref(customer, "CurrencyRef") == null ? company.setup().homeCurrency()
                : Json.ref(customer, "CurrencyRef");
        String currency = Json.ref(input, "CurrencyRef");
        if (currency == null && company.setup().multiCurrency()) {
            throw QboFault.requiredMissing("CurrencyRef");
        }
        if (currency != null && !currency.equals(customerCurrency)) {
            throw QboFault.business("the payment's currency (" + currency + ") must be its customer's currency ("
                    + customerCurrency + ")", "CurrencyRef");
        }
        BigDecimal total = Json.decimal(input, "TotalAmt");
        if (total == null) {
            throw QboFault.requiredMissing("TotalAmt");
        }
        total = Json.money(total);
        if (total.signum() < 0) {
            throw QboFault.business("a payment's TotalAmt cannot be negative (" + total.toPlainString() + ")",
                    "TotalAmt");
        }
        String reference = Json.text(input, "PaymentRefNum");
        Json.checkLength(reference, REFERENCE_LIMIT, "PaymentRefNum");
        Json.checkLength(Json.text(input, "PrivateNote"), 4000, "PrivateNote");
        ObjectNode deposit = depositAccount(input);
        LocalDate date = Invoices.date(input, "TxnDate", company.today());

        Map<String, BigDecimal> applied = applied(input, customerId);
        BigDecimal appliedTotal = applied.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        if (appliedTotal.compareTo(total) > 0) {
            throw QboFault.business("the amounts applied to invoices (" + appliedTotal.toPlainString() + ") are more "
                    + "than the payment's TotalAmt (" + total.toPlainString() + ")", "Line.Amount");
        }

        ObjectNode payment = Json.object().put("TxnDate", date.toString());
        payment.set("CustomerRef", Json.refNode(customerId, customer.path("DisplayName").asText()));
        payment.set("CurrencyRef", Company.currencyRef(customerCurrency));
        payment.set("DepositToAccountRef", Json.refNode(deposit.path("Id").asText(), deposit.path("Name").asText()));
        if (reference != null) {
            payment.put("PaymentRefNum", reference);
        }
        if (Json.text(input, "PrivateNote") != null) {
            payment.put("PrivateNote", Json.text(input, "PrivateNote"));
        }
        payment.put("TotalAmt", total).put("UnappliedAmt", Json.money(total.subtract(appliedTotal)))
                .put("ProcessPayment", false);
        ArrayNode lines = payment.putArray("Line");
        applied.forEach((invoiceId, amount) -> lines.addObject().put("Amount", amount).putArray("LinkedTxn")
                .addObject().put("TxnId", invoiceId).put("TxnType", "Invoice"));
        ObjectNode stored = company.add("Payment", payment);
        String paymentId = stored.path("Id").asText();
        applied.forEach((invoiceId, amount) -> company.invoices().applyPayment(invoiceId, paymentId, amount));
        return stored;
    }

    /** The account named, a Bank or Other Current Asset one; Undeposited Funds when none is named. */
    private ObjectNode depositAccount(ObjectNode input) {
        String id = Json.ref(input, "DepositToAccountRef");
        if (id == null) {
            return company.visible("Account").stream()
                    .filter(a -> a.path("AccountSubType").asText().equals("UndepositedFunds")).findFirst()
                    .orElseThrow(() -> QboFault.business("the company has no Undeposited Funds account to hold the "
                            + "payment; name one in DepositToAccountRef", "DepositToAccountRef"));
        }
        ObjectNode account = company.find("Account", id);
        if (account == null) {
            throw QboFault.invalidReference("Account", id, "DepositToAccountRef");
        }
        if (!account.path("Active").asBoolean(true)) {
            throw QboFault.inactive("account " + account.path("Name").asText() + " is inactive",
                    "DepositToAccountRef");
        }
        if (!DEPOSIT_TYPES.contains(account.path("AccountType").asText())) {
            throw QboFault.business("a payment is deposited to a Bank or Other Current Asset account; "
                    + account.path("Name").asText() + " is of type " + account.path("AccountType").asText(),
                    "DepositToAccountRef");
        }
        return account;
    }

    /** What each line applies, by invoice; each invoice must be the customer's and owe at least that much. */
    private Map<String, BigDecimal> applied(ObjectNode input, String customerId) {
        Map<String, BigDecimal> applied = new LinkedHashMap<>();
        JsonNode lines = input.path("Line");
        for (JsonNode line : lines) {
            BigDecimal amount = Json.decimal(line, "Amount");
            if (amount == null) {
                throw QboFault.requiredMissing("Line.Amount");
            }
            amount = Json.money(amount);
            if (amount.signum() <= 0) {
                throw QboFault.business("an amount applied to an invoice is more than 0, not "
                        + amount.toPlainString(), "Line.Amount");
            }
            JsonNode links = line.path("LinkedTxn");
            if (links.size() != 1) {
                throw QboFault.business("each payment line links exactly one transaction (LinkedTxn)",
                        "Line.LinkedTxn");
            }
            String txnId = Json.text(links.get(0), "TxnId");
            String txnType = Json.text(links.get(0), "TxnType");
            if (txnId == null) {
                throw QboFault.requiredMissing("Line.LinkedTxn.TxnId");
            }
            if (!"Invoice".equals(txnType)) {
                throw QboFault.business("this simulator applies payments to invoices only (TxnType Invoice), not "
                        + txnType, "Line.LinkedTxn.TxnType");
            }
            applied.merge(txnId, amount, BigDecimal::add);
        }
        for (Map.Entry<String, BigDecimal> entry : applied.entrySet()) {
            ObjectNode invoice = company.find("Invoice", entry.getKey());
            if (invoice == null) {
                throw QboFault.invalidReference("Invoice", entry.getKey(), "Line.LinkedTxn.TxnId");
            }
            if (!customerId.equals(Json.ref(invoice, "CustomerRef"))) {
                throw QboFault.business("invoice " + entry.getKey() + " belongs to another customer than the "
                        + "payment's (CustomerRef " + customerId + ")", "Line.LinkedTxn.TxnId");
            }
            BigDecimal balance = invoice.path("Balance").decimalValue();
            if (entry.getValue().compareTo(balance) > 0) {
                // [unverified] code: QuickBooks' answer to over-applying is not in the reference; 6000 is its
                // generic business rule code.
                throw QboFault.business("the amount applied to invoice " + entry.getKey() + " ("
                        + entry.getValue().toPlainString() + ") is more than its balance (" + balance.toPlainString()
                        + ")", "Line.Amount");
            }
        }
        return applied;
    }
}
