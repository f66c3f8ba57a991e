package org.ledgerport.connector.quickbooks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.model.Address;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.simulator.quickbooks.Ledger;
import org.ledgerport.simulator.support.LoggedRequest;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Exports through the real engine to the QuickBooks Online simulator, over HTTP. */
class QuickBooksExportTest {

    private static QuickBooksAccount account;
    private static InvoiceStore store;
    private static Firm firm;

    @BeforeAll
    static void start() throws Exception {
        account = QuickBooksAccount.start();
        store = Osgi.service(InvoiceStore.class);
        firm = new Firm(store, "QBO");
    }

    @AfterAll
    static void stop() {
        account.close();
    }

    @BeforeEach
    void quietSimulator() {
        account.simulator.server().clearRequestLog();
        account.simulator.resetLimits();
    }

    private Ledger company() {
        return account.simulator.company(QuickBooksAccount.REALM);
    }

    @Test
    void exportsEveryInvoiceOnceWithCustomersCreatedInBulkAndNumbersWrittenBack() throws Exception {
        Connection connection = account.connected(NumberingPolicy.VENDOR_ASSIGNS);
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            customers.add(firm.customer(i == 0 ? "O'Brien & Sons" : "Customer"));
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            ids.add(firm.finalized(customers.get(i % customers.size()), "100.00", "20.50").id());
        }
        account.simulator.server().clearRequestLog();

        List<InvoiceResult> results = QuickBooksAccount.export(connection, ids);

        assertEquals(35, results.size());
        results.forEach(r -> assertEquals(ExportOutcome.EXPORTED, r.outcome(), r.toString()));
        for (InvoiceResult result : results) {
            List<ObjectNode> copies = company().invoices().stream()
                    .filter(i -> i.path("PrivateNote").asText().contains("[LP-" + result.invoiceId() + "-v")).toList();
            assertEquals(1, copies.size(), "invoice " + result.invoiceNumber() + " is in QuickBooks exactly once");
            assertEquals(copies.get(0).path("DocNumber").asText(), result.external().number(),
                    "QuickBooks' number is written back");
            assertEquals(0, new BigDecimal("144.60").compareTo(copies.get(0).path("TotalAmt").decimalValue()),
                    "120.50 plus 20 % tax");
        }
        long customersNamed = company().customers().stream()
                .filter(c -> c.path("DisplayName").asText().startsWith("O'Brien & Sons")).count();
        assertEquals(1, customersNamed, "the customer with an apostrophe was found or created once");
        List<LoggedRequest> calls = account.simulator.server().requestLog();
        long batches = calls.stream().filter(c -> c.is("POST", "/batch")).count();
        long queries = calls.stream().filter(c -> c.is("GET", "/query")).count();
        assertEquals(3, batches, "one batch of new customers, two of invoices (30 + 5)");
        assertTrue(queries <= 6, "customers looked up in bulk and the lists read once, not per invoice: " + queries);
    }

    @Test
    void itemsAreFoundByNameOrCreatedOnceWithTheIncomeAccountAndLinesBookedOnThem() throws Exception {
        Connection connection = account.connected(NumberingPolicy.VENDOR_ASSIGNS);
        Item consulting = store.createItem(new Item(0, Firm.unique("CONS").replace(' ', '-'), "Consulting",
                Money.of("150.00", "EUR"), "", Firm.STANDARD.code()));
        Item audit = store.createItem(new Item(0, Firm.unique("AUD").replace(' ', '-'), Firm.unique("Audit's day"),
                Money.of("900.00", "EUR"), "", Firm.STANDARD.code()));
        Customer customer = firm.customer("Items");
        List<Long> ids = new ArrayList<>();
        for (Item item : List.of(consulting, audit, audit)) {
            ids.add(finalizedWith(customer, item).id());
        }

        List<InvoiceResult> results = QuickBooksAccount.export(connection, ids);

        results.forEach(r -> assertEquals(ExportOutcome.EXPORTED, r.outcome(), r.toString()));
        assertEquals(1, company().items().stream().filter(i -> i.path("Name").asText().equals("Consulting")).count(),
                "the company's own Consulting was found, not created again");
        List<ObjectNode> created = company().items().stream()
                .filter(i -> i.path("Name").asText().equals(audit.name())).toList();
        assertEquals(1, created.size(), "the new item was created once");
        assertEquals(company().idOf("Account", "Sales"), created.get(0).path("IncomeAccountRef").path("value")
                .asText());
        ObjectNode invoice = company().invoices().stream().filter(i -> i.path("PrivateNote").asText()
                .contains("[LP-" + ids.get(2) + "-v")).findFirst().orElseThrow();
        assertEquals(created.get(0).path("Id").asText(), invoice.path("Line").path(0).path("SalesItemLineDetail")
                .path("ItemRef").path("value").asText());
    }

    @Test
    void aLostAnswerAfterQuickBooksCommittedNeverMakesADuplicate() throws Exception {
        Connection connection = account.connected(NumberingPolicy.VENDOR_ASSIGNS);
        Customer customer = firm.customer("Lost answer");
        List<Long> ids = List.of(firm.finalized(customer, "10.00").id(), firm.finalized(customer, "11.00").id());
        account.simulator.server().dropResponseAfterCommit(r -> r.path().endsWith("/batch")
                && r.body().contains("\"Invoice\""), 1);

        List<InvoiceResult> results = QuickBooksAccount.export(connection, ids);

        results.forEach(r -> assertEquals(ExportOutcome.EXPORTED, r.outcome(), r.toString()));
        for (long id : ids) {
            long copies = company().invoices().stream()
                    .filter(i -> i.path("PrivateNote").asText().contains("[LP-" + id + "-v")).count();
            assertEquals(1, copies, "invoice " + id + " is in QuickBooks exactly once");
        }
        assertTrue(account.simulator.server().requestLog().stream().anyMatch(r -> r.status() == 0),
                "the simulator did drop an answer");
    }

    @Test
    void anInvalidInvoiceFailsAloneWithItsReasonAndTheRestGoOn() throws Exception {
        Connection connection = account.connected(NumberingPolicy.VENDOR_ASSIGNS);
        TaxCode reduced = new TaxCode("R9", "Reduced 9 %", new BigDecimal("9"));
        store.saveTaxCode(reduced);
        Customer customer = firm.customer("Mixed batch");
        Invoice good = firm.finalized(customer, "50.00");
        Invoice unmapped = finalized(customer, "EUR", reduced.code());
        Invoice wrongCurrency = finalized(store.createCustomer(new Customer(0, Firm.unique("Sterling client"), "",
                Address.NONE, false, java.util.Currency.getInstance("GBP"))), "GBP", Firm.STANDARD.code());

        Map<Long, InvoiceResult> results = QuickBooksAccount.export(connection, List.of(good.id(), unmapped.id(),
                wrongCurrency.id())).stream().collect(Collectors.toMap(InvoiceResult::invoiceId, r -> r));

        assertEquals(ExportOutcome.EXPORTED, results.get(good.id()).outcome());
        assertEquals(ExportOutcome.FAILED, results.get(unmapped.id()).outcome());
        assertEquals("tax.unmapped", results.get(unmapped.id()).problems().get(0).code());
        assertTrue(results.get(unmapped.id()).problems().get(0).message().contains("Standard"),
                "the message lists QuickBooks' tax codes to map to");
        assertEquals(ExportOutcome.FAILED, results.get(wrongCurrency.id()).outcome());
        assertTrue(results.get(wrongCurrency.id()).problems().stream()
                .anyMatch(p -> p.code().equals("invoice.currency-mismatch") && p.message().contains("multicurrency")));
        assertEquals(1, company().invoices().stream()
                .filter(i -> i.path("PrivateNote").asText().contains("[LP-" + good.id() + "-v")).count());
    }

    @Test
    void aCustomerNameTakenByASupplierIsExplainedAndOnlyItsInvoicesFail() throws Exception {
        Connection connection = account.connected(NumberingPolicy.VENDOR_ASSIGNS);
        Customer clash = firm.customer("Harbour Supplies");
        company().addVendor(clash.name(), true);
        Customer fine = firm.customer("Harbour Bakery");
        Invoice refused = firm.finalized(clash, "75.00");
        Invoice sent = firm.finalized(fine, "75.00");

        Map<Long, InvoiceResult> results = QuickBooksAccount.export(connection, List.of(refused.id(), sent.id()))
                .stream().collect(Collectors.toMap(InvoiceResult::invoiceId, r -> r));

        InvoiceResult failed = results.get(refused.id());
        assertEquals(ExportOutcome.FAILED, failed.outcome());
        assertEquals("customer.duplicate-name", failed.problems().get(0).code());
        assertEquals("6240", failed.problems().get(0).vendorCode());
        assertTrue(failed.problems().get(0).message().contains("supplier"), failed.problems().get(0).message());
        assertEquals(ExportOutcome.EXPORTED, results.get(sent.id()).outcome());
    }

    @Test
    void ourNumbersAreSentWhenTheConnectionSaysSo() throws Exception {
        Connection connection = account.connected(NumberingPolicy.OURS);
        Invoice invoice = firm.finalized(firm.customer("Numbered"), "30.00");

        InvoiceResult exported = QuickBooksAccount.export(connection, List.of(invoice.id())).get(0);

        assertEquals(ExportOutcome.EXPORTED, exported.outcome());
        assertEquals(invoice.number(), exported.external().number());
        assertEquals(1, company().invoicesNumbered(invoice.number()).size());
    }

    @Test
    void anAccessTokenExpiringMidRunIsRefreshedOnceAndTheRunGoesOn() throws Exception {
        Connection connection = account.connected(NumberingPolicy.VENDOR_ASSIGNS);
        Customer customer = firm.customer("Token");
        List<Long> ids = List.of(firm.finalized(customer, "1.00").id(), firm.finalized(customer, "2.00").id());
        int refreshesBefore = account.simulator.oauth().refreshCount();
        account.simulator.expireAccessTokensAfter(2);

        List<InvoiceResult> results = QuickBooksAccount.export(connection, ids);

        results.forEach(r -> assertEquals(ExportOutcome.EXPORTED, r.outcome(), r.toString()));
        assertEquals(refreshesBefore + 1, account.simulator.oauth().refreshCount());
    }

    @Test
    void aDeadSignInStopsTheRunAsReconnectNeededAndSendsNothing() throws Exception {
        Connection connection = account.connected(NumberingPolicy.VENDOR_ASSIGNS);
        Invoice invoice = firm.finalized(firm.customer("Dead token"), "5.00");
        account.simulator.oauth().expireRefreshTokens();
        account.simulator.oauth().expireAccessTokens();

        InvoiceResult result = QuickBooksAccount.export(connection, List.of(invoice.id())).get(0);

        assertEquals(ExportOutcome.FAILED, result.outcome());
        assertEquals("connection.reconnect-needed", result.problems().get(0).code());
        assertTrue(result.problems().get(0).message().contains("Reconnect"), result.problems().get(0).message());
        assertFalse(company().invoices().stream()
                .anyMatch(i -> i.path("PrivateNote").asText().contains("[LP-" + invoice.id() + "-v")));
        assertEquals(invoice.status(), store.findInvoice(invoice.id()).orElseThrow().status(), "still finalized");
    }

    @Test
    void aGatewayFailureOnTheBatchIsRetriedWithTheSameRequestId() throws Exception {
        Connection connection = account.connected(NumberingPolicy.VENDOR_ASSIGNS);
        Customer customer = firm.customer("Gateway");
        Invoice invoice = firm.finalized(customer, "9.00");
        firm.finalized(customer, "1.00");
        account.simulator.server().failNext(r -> r.path().endsWith("/batch") && r.body().contains("\"Invoice\""), 1,
                503);

        InvoiceResult result = QuickBooksAccount.export(connection, List.of(invoice.id())).get(0);

        assertEquals(ExportOutcome.EXPORTED, result.outcome(), result.toString());
        List<LoggedRequest> batches = account.simulator.server().requestLog().stream()
                .filter(r -> r.is("POST", "/batch") && r.query().contains("requestid")).toList();
        assertEquals(503, batches.get(batches.size() - 2).status());
        assertEquals(batches.get(batches.size() - 2).query(), batches.get(batches.size() - 1).query(),
                "the resend carries the same request id");
    }

    private Invoice finalizedWith(Customer customer, Item item) {
        Invoice draft = store.createInvoice(InvoiceDraft.of(firm.number(), customer.id(), LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 12, 2), Firm.EUR, List.of(new InvoiceLine(item.code(), item.name(),
                        new BigDecimal("2"), item.defaultPrice(), BigDecimal.ZERO, Firm.STANDARD.code()))));
        return store.changeStatus(draft.id(), draft.version(), InvoiceStatus.FINALIZED);
    }

    private Invoice finalized(Customer customer, String currency, String taxCode) {
        Invoice draft = store.createInvoice(InvoiceDraft.of(firm.number(), customer.id(), LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 12, 2), java.util.Currency.getInstance(currency), List.of(new InvoiceLine("",
                        "Advice", BigDecimal.ONE, Money.of("40.00", currency), BigDecimal.ZERO, taxCode))));
        return store.changeStatus(draft.id(), draft.version(), InvoiceStatus.FINALIZED);
    }
}
