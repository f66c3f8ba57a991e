package org.ledgerport.connector.quickbooks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.connector.quickbooks.tests.SessionWork.created;
import static org.ledgerport.connector.quickbooks.tests.SessionWork.invoice;
import static org.ledgerport.connector.quickbooks.tests.SessionWork.irishCustomer;
import static org.ledgerport.connector.quickbooks.tests.SessionWork.open;
import static org.ledgerport.connector.quickbooks.tests.SessionWork.outgoing;
import static org.ledgerport.connector.quickbooks.tests.SessionWork.withCustomer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ledgerport.connector.http.HttpProblems;
import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.connector.PushResult;
import org.ledgerport.core.connector.StatusChange;
import org.ledgerport.core.connector.VendorStatus;
import org.ledgerport.core.connector.Withdrawal;
import org.ledgerport.core.model.Address;
import org.ledgerport.core.model.Charge;
import org.ledgerport.core.model.ChargeKind;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.InvoiceTotals;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.model.TaxMode;
import org.ledgerport.simulator.quickbooks.CompanySetup;
import org.ledgerport.simulator.quickbooks.Ledger;
import org.ledgerport.testing.support.Browser;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The connector's session against the simulator: sign-in, reconciliation, withdrawal, status, US sales tax. */
class QuickBooksSessionTest {

    private static final String US_REALM = "9130350000000077";
    private static final Currency USD = Currency.getInstance("USD");
    private static QuickBooksAccount account;

    @BeforeAll
    static void start() throws Exception {
        account = QuickBooksAccount.start(QuickBooksAccount.irishCompany(QuickBooksAccount.REALM, "Quay Books Ltd"),
                CompanySetup.us(US_REALM, "Sunset Landscaping LLC"));
    }

    @AfterAll
    static void stop() {
        account.close();
    }

    @Test
    void signingInLearnsTheCompanyAndKeepsTheTokensOutOfTheSettings() throws Exception {
        Connection connection = account.connected(NumberingPolicy.VENDOR_ASSIGNS);
        assertEquals(QuickBooksAccount.REALM, connection.setting("realmId", ""));
        assertEquals("Quay Books Ltd", connection.setting("companyName", ""));
        assertTrue(connection.settings().values().stream().noneMatch(v -> v.contains("test-app-secret")));
        assertTrue(QuickBooksAccount.context(connection).credentials().read("oauth.refresh-token").isPresent());
        assertEquals("Quay Books Ltd", QuickBooksAccount.connector().test(QuickBooksAccount.context(connection))
                .name());
    }

    @Test
    void withProductionKeysTheAddressOfTheRegisteredPageIsPastedBack() throws Exception {
        Connection saved = account.connection(NumberingPolicy.VENDOR_ASSIGNS);
        Map<String, String> settings = new java.util.TreeMap<>(saved.settings());
        settings.put("redirectUri", QuickBooksAccount.WEB_REDIRECT.toString());
        Connection connection = new Connection(saved.id(), saved.uid(), saved.connectorId(), saved.name(), settings,
                saved.mappings(), saved.numbering(), saved.version());
        AccountInfo account = QuickBooksAccount.connector().connect(QuickBooksAccount.context(connection),
                (page, redirectTo, received) -> {
                    assertEquals(QuickBooksAccount.WEB_REDIRECT, redirectTo);
                    assertFalse(received.toCompletableFuture().isDone(), "nothing on this computer receives it");
                    return Browser.redirectOf(page);
                });
        assertEquals(QuickBooksAccount.REALM, account.accountId());
    }

    @Test
    void aDeclinedSignInIsExplainedWithTheNextStep() throws Exception {
        Connection connection = account.connection(NumberingPolicy.VENDOR_ASSIGNS);
        account.simulator.denyNextAuthorization();
        ConnectorException refused = assertThrows(ConnectorException.class, () -> QuickBooksAccount.connector()
                .connect(QuickBooksAccount.context(connection), Browser.signIn()));
        assertEquals(HttpProblems.SIGN_IN_FAILED, refused.problem().code());
        assertTrue(refused.problem().message().contains("declined"), refused.problem().message());
    }

    @Test
    void anInvoiceIsFoundByOurReferenceAfterALostAnswerAndNothingElseIs() throws Exception {
        Connection connection = account.connected(NumberingPolicy.VENDOR_ASSIGNS);
        OutgoingInvoice outgoing;
        ExternalInvoice created;
        try (ConnectorSession session = open(connection)) {
            outgoing = outgoing(session, irishCustomer("Reconcile"), "EUR", "T20", "100.00");
            created = created(session.push(List.of(outgoing)));
        }
        try (ConnectorSession fresh = open(connection)) {
            ExternalInvoice found = fresh.findByReference(outgoing.ourReference()).orElseThrow();
            assertEquals(created.externalId(), found.externalId());
            assertEquals(created.number(), found.number());
            assertEquals(Optional.empty(), fresh.findByReference("LP-999999-v1"));
        }
    }

    @Test
    void aNumberQuickBooksAlreadyHasIsRefusedWithTheRemedyAndTheBatchGoesOn() throws Exception {
        Connection connection = account.connected(NumberingPolicy.OURS);
        try (ConnectorSession session = open(connection)) {
            Customer customer = irishCustomer("Duplicate number");
            String number = "Q-" + UUID.randomUUID().toString().substring(0, 8);
            created(session.push(List.of(numbered(outgoing(session, customer, "EUR", "T20", "10.00"),
                    number))));
            OutgoingInvoice again = numbered(outgoing(session, customer, "EUR", "T20", "10.00"), number);
            OutgoingInvoice other = outgoing(session, customer, "EUR", "T20", "12.00");

            List<PushResult> results = session.push(List.of(again, other));

            PushResult.Rejected rejected = (PushResult.Rejected) results.stream()
                    .filter(r -> r.ourReference().equals(again.ourReference())).findFirst().orElseThrow();
            assertEquals("invoice.duplicate-number", rejected.problems().get(0).code());
            assertEquals("6140", rejected.problems().get(0).vendorCode());
            assertTrue(rejected.problems().get(0).message().contains(number), rejected.problems().get(0).message());
            assertTrue(results.stream().anyMatch(r -> r.ourReference().equals(other.ourReference())
                    && r instanceof PushResult.Created), "the other invoice of the batch was created");
            assertEquals(1, account.simulator.company(QuickBooksAccount.REALM).invoicesNumbered(number).size());
        }
    }

    @Test
    void aTaxExemptCustomersLinesGoAsNonTaxableSoQuickBooksChargesNoTaxEither() throws Exception {
        Connection connection = account.connected(NumberingPolicy.VENDOR_ASSIGNS);
        try (ConnectorSession session = open(connection)) {
            Customer charity = new Customer(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000),
                    "Harbour Charity " + UUID.randomUUID().toString().substring(0, 8), "", Address.NONE, true,
                    Currency.getInstance("EUR"));
            OutgoingInvoice outgoing = outgoing(session, charity, "EUR", "T20", "250.00");
            assertEquals(List.of(), session.validate(outgoing, session.referenceData(false)));

            PushResult.Created created = (PushResult.Created) session.push(List.of(outgoing)).get(0);

            assertEquals(List.of(), created.warnings(), "QuickBooks' total equals the 250.00 billed");
            ObjectNode theirs = account.simulator.company(QuickBooksAccount.REALM)
                    .invoice(created.external().externalId()).orElseThrow();
            assertEquals(0, new BigDecimal("250.00").compareTo(theirs.path("TotalAmt").decimalValue()));
        }
    }

    @Test
    void freightAndADiscountGoAsLinesAndQuickBooksTotalIsTheOneBilled() throws Exception {
        Connection connection = account.connected(NumberingPolicy.VENDOR_ASSIGNS);
        try (ConnectorSession session = open(connection)) {
            Customer customer = irishCustomer("Charges");
            TaxCode standard = new TaxCode("T20", "Standard 20 %", new BigDecimal("20"));
            Invoice plain = invoice(customer, "EUR", standard.code(), "485.30");
            Invoice invoice = new Invoice(plain.id(), plain.number(), plain.customerId(), plain.issueDate(),
                    plain.dueDate(), plain.currency(), plain.lines(), List.of(
                            new Charge(ChargeKind.FREIGHT, "Courier", Money.of("12.50", "EUR"), standard.code()),
                            new Charge(ChargeKind.DISCOUNT, "Loyalty discount", Money.of("48.53", "EUR"),
                                    standard.code())), "", TaxMode.PER_DOCUMENT, InvoiceStatus.FINALIZED, 1);
            InvoiceTotals totals = InvoiceTotals.of(invoice, Map.of(standard.code(), standard), false);
            OutgoingInvoice outgoing = withCustomer(session, new OutgoingInvoice(invoice, customer, "", Map.of(),
                    Map.of(), Map.of(standard.code(), standard), totals, "LP-" + invoice.id() + "-v1",
                    UUID.randomUUID().toString(), ""));

            PushResult.Created created = (PushResult.Created) session.push(List.of(outgoing)).get(0);

            assertEquals(List.of(), created.warnings());
            ObjectNode theirs = account.simulator.company(QuickBooksAccount.REALM)
                    .invoice(created.external().externalId()).orElseThrow();
            assertEquals(0, totals.total().amount().compareTo(theirs.path("TotalAmt").decimalValue()),
                    "449.27 net plus 89.85 tax, the discount taxed as billed");
        }
    }

    @Test
    void withdrawDeletesAnUnpaidInvoiceAndVoidsOneWithAPaymentEvenWithAStaleSyncToken() throws Exception {
        Connection connection = account.connected(NumberingPolicy.VENDOR_ASSIGNS);
        Ledger company = account.simulator.company(QuickBooksAccount.REALM);
        try (ConnectorSession session = open(connection)) {
            Customer customer = irishCustomer("Withdraw");
            ExternalInvoice unpaid = created(session.push(List.of(outgoing(session, customer, "EUR", "T20",
                    "10.00"))));
            ExternalInvoice paid = created(session.push(List.of(outgoing(session, customer, "EUR", "T20",
                    "20.00"))));
            company.receivePayment(paid.externalId(), new BigDecimal("5.00"));

            assertEquals(Withdrawal.DELETED, session.withdraw(unpaid));
            assertTrue(company.invoice(unpaid.externalId()).isEmpty());
            assertEquals(Withdrawal.VOIDED, session.withdraw(paid), "a payment bumped the SyncToken we hold");
            assertTrue(company.invoice(paid.externalId()).orElseThrow().path("PrivateNote").asText()
                    .startsWith("Voided"));
        }
    }

    @Test
    void paidPartlyPaidVoidedAndDeletedFlowBackThroughChangeDataCapture() throws Exception {
        Connection connection = account.connected(NumberingPolicy.VENDOR_ASSIGNS);
        Ledger company = account.simulator.company(QuickBooksAccount.REALM);
        Instant before = account.simulator.clock().instant().minusSeconds(1);
        try (ConnectorSession session = open(connection)) {
            Customer customer = irishCustomer("Status");
            ExternalInvoice paid = created(session.push(List.of(outgoing(session, customer, "EUR", "T20",
                    "10.00"))));
            ExternalInvoice partly = created(session.push(List.of(outgoing(session, customer, "EUR",
                    "T20", "10.00"))));
            ExternalInvoice voided = created(session.push(List.of(outgoing(session, customer, "EUR",
                    "T20", "10.00"))));
            ExternalInvoice deleted = created(session.push(List.of(outgoing(session, customer, "EUR",
                    "T20", "10.00"))));
            company.markPaid(paid.externalId());
            company.receivePayment(partly.externalId(), new BigDecimal("4.00"));
            company.voidInvoice(voided.externalId());
            company.deleteInvoice(deleted.externalId());

            Map<String, StatusChange> changes = new java.util.HashMap<>();
            session.statusChangesSince(before).forEach(c -> changes.put(c.externalId(), c));

            assertEquals(VendorStatus.PAID, changes.get(paid.externalId()).status());
            assertEquals(VendorStatus.PARTLY_PAID, changes.get(partly.externalId()).status());
            assertEquals(0, new BigDecimal("8.00").compareTo(changes.get(partly.externalId()).amountDue().amount()),
                    "12.00 less 4.00 paid");
            assertEquals(VendorStatus.VOIDED, changes.get(voided.externalId()).status());
            assertEquals(VendorStatus.DELETED, changes.get(deleted.externalId()).status());
        }
    }

    @Test
    void automatedSalesTaxKeepsTheTaxWeBilledBecauseTheTotalIsSent() throws Exception {
        account.simulator.setSignInCompany(US_REALM);
        Connection connection;
        try {
            connection = account.connected(NumberingPolicy.VENDOR_ASSIGNS);
        } finally {
            account.simulator.setSignInCompany(QuickBooksAccount.REALM);
        }
        TaxCode cityTax = new TaxCode("CITY", "City sales tax 9.5 %", new BigDecimal("9.5"));
        try (ConnectorSession session = open(connection)) {
            Customer customer = new Customer(71, "Lakeside Dental " + UUID.randomUUID().toString().substring(0, 6),
                    "", Address.NONE, false, USD);
            Invoice invoice = invoice(customer, "USD", cityTax.code(), "199.99");
            OutgoingInvoice outgoing = withCustomer(session, new OutgoingInvoice(invoice, customer, "", Map.of(),
                    Map.of(), Map.of(cityTax.code(), cityTax), InvoiceTotals.of(invoice, Map.of(cityTax.code(),
                            cityTax), false), "LP-71-v1", UUID.randomUUID().toString(), ""));
            assertEquals(List.of(), session.validate(outgoing, session.referenceData(false)));
            PushResult result = session.push(List.of(outgoing)).get(0);
            PushResult.Created created = (PushResult.Created) result;
            assertEquals(List.of(), created.warnings(), "QuickBooks' total equals ours to the cent");
            ObjectNode theirs = account.simulator.company(US_REALM).invoice(created.external().externalId())
                    .orElseThrow();
            assertEquals(0, new BigDecimal("19.00").compareTo(theirs.path("TxnTaxDetail").path("TotalTax")
                    .decimalValue()), "9.5 % of 199.99 as billed, not the company's 8.25 %");
        }
    }

    private static OutgoingInvoice numbered(OutgoingInvoice o, String number) {
        return new OutgoingInvoice(o.invoice(), o.customer(), o.customerExternalId(), o.items(), o.itemExternalIds(),
                o.taxCodes(), o.totals(), o.ourReference(), o.idempotencyKey(), number);
    }
}
