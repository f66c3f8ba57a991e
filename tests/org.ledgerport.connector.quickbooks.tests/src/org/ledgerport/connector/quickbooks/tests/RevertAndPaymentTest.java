package org.ledgerport.connector.quickbooks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.connector.quickbooks.tests.SessionWork.created;
import static org.ledgerport.connector.quickbooks.tests.SessionWork.irishCustomer;
import static org.ledgerport.connector.quickbooks.tests.SessionWork.open;
import static org.ledgerport.connector.quickbooks.tests.SessionWork.outgoing;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.connector.ExternalPayment;
import org.ledgerport.core.connector.OutgoingPayment;
import org.ledgerport.core.connector.ReferenceEntry;
import org.ledgerport.core.connector.StatusChange;
import org.ledgerport.core.connector.VendorStatus;
import org.ledgerport.core.connector.Withdrawal;
import org.ledgerport.core.connector.WithdrawalPlan;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.simulator.quickbooks.Ledger;
import org.ledgerport.simulator.quickbooks.Limits;
import org.ledgerport.simulator.quickbooks.QuickBooksSimulator;
import org.ledgerport.simulator.support.SimClock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Taking invoices back by QuickBooks' rules, payments sent to it, and change data capture read page by page. */
class RevertAndPaymentTest {

    private static final LocalDate PAID_ON = LocalDate.of(2026, 11, 20);

    private static QuickBooksAccount account;
    private static Connection connection;
    /** Run by the simulator just before it takes the next void or delete, as another user's change would be. */
    private static final AtomicReference<Runnable> beforeNextWithdrawal = new AtomicReference<>();

    @BeforeAll
    static void start() throws Exception {
        account = QuickBooksAccount.start();
        account.simulator.server().filter((request, next) -> {
            if (request.method().equals("POST") && request.path().endsWith("/invoice")
                    && request.queryParam("operation").isPresent()) {
                Runnable change = beforeNextWithdrawal.getAndSet(null);
                if (change != null) {
                    change.run();
                }
            }
            return next.handle(request);
        });
        connection = account.connected(NumberingPolicy.VENDOR_ASSIGNS);
    }

    @AfterAll
    static void stop() {
        account.close();
    }

    private static Ledger company() {
        return account.simulator.company(QuickBooksAccount.REALM);
    }

    /** An invoice of EUR 100.00 plus 20 % tax, sent through the session. */
    private static ExternalInvoice exported(ConnectorSession session, String customer) throws Exception {
        return created(session.push(List.of(outgoing(session, irishCustomer(customer), "EUR", "T20", "100.00"))));
    }

    private static long withdrawals() {
        return account.simulator.server().requestLog().stream()
                .filter(r -> r.is("POST", "/invoice") && r.query().contains("operation=")).count();
    }

    @Test
    void planningSaysDeleteForAnUnlinkedInvoiceAndVoidKeepingTheNumberForOneWithAPayment() throws Exception {
        try (ConnectorSession session = open(connection)) {
            ExternalInvoice unpaid = exported(session, "Plan unpaid");
            ExternalInvoice partlyPaid = exported(session, "Plan paid");
            company().receivePayment(partlyPaid.externalId(), new BigDecimal("5.00"));
            long before = withdrawals();

            WithdrawalPlan delete = session.planWithdrawal(unpaid);
            WithdrawalPlan voiding = session.planWithdrawal(partlyPaid);

            assertEquals(Withdrawal.DELETED, delete.action());
            assertFalse(delete.numberKept(), "a deleted invoice's number can be used again");
            assertTrue(delete.explanation().contains(unpaid.number()) && delete.explanation().contains("deleted"),
                    delete.explanation());
            assertEquals(Withdrawal.VOIDED, voiding.action());
            assertTrue(voiding.numberKept(), "QuickBooks keeps a voided invoice's DocNumber");
            assertTrue(voiding.explanation().contains("a payment linked") && voiding.explanation().contains(
                    partlyPaid.number()), voiding.explanation());
            assertEquals(before, withdrawals(), "planning changes nothing");
            assertEquals("1", company().invoice(partlyPaid.externalId()).orElseThrow().path("SyncToken").asText());

            company().voidInvoice(partlyPaid.externalId());
            company().deleteInvoice(unpaid.externalId());
            WithdrawalPlan alreadyVoid = session.planWithdrawal(partlyPaid);
            assertEquals(Withdrawal.VOIDED, alreadyVoid.action());
            assertTrue(alreadyVoid.numberKept() && alreadyVoid.explanation().contains("already void"),
                    alreadyVoid.explanation());
            WithdrawalPlan gone = session.planWithdrawal(unpaid);
            assertEquals(Withdrawal.DELETED, gone.action());
            assertTrue(gone.explanation().contains("no longer in QuickBooks"), gone.explanation());
            assertEquals(Withdrawal.DELETED, session.withdraw(unpaid), "withdrawing what is gone changes nothing");
            assertEquals(before, withdrawals());
        }
    }

    @Test
    void aSyncTokenGoneStaleBeforeTheDeleteIsReadAgainOnceAndThePaymentThatCameMeansAVoid() throws Exception {
        try (ConnectorSession session = open(connection)) {
            ExternalInvoice invoice = exported(session, "Stale token");
            beforeNextWithdrawal.set(() -> company().receivePayment(invoice.externalId(), new BigDecimal("10.00")));
            long before = withdrawals();

            assertEquals(Withdrawal.VOIDED, session.withdraw(invoice));

            ObjectNode theirs = company().invoice(invoice.externalId()).orElseThrow();
            assertTrue(theirs.path("PrivateNote").asText().startsWith("Voided"), theirs.toString());
            List<String> tries = account.simulator.server().requestLog().stream()
                    .filter(r -> r.is("POST", "/invoice") && r.query().contains("operation="))
                    .skip(before).map(r -> r.query().replaceAll(".*operation=(\\w+).*", "$1") + " " + r.status())
                    .toList();
            assertEquals(List.of("delete 400", "void 200"), tries, "the stale delete, then the void after reading");
            assertEquals(Withdrawal.VOIDED, session.withdraw(invoice), "withdrawing twice changes nothing");
            assertEquals(before + 2, withdrawals());
        }
    }

    @Test
    void aPaymentSentTwiceWithOneKeyIsRecordedOnceAndTheInvoiceTurnsPartlyPaidThenPaid() throws Exception {
        try (ConnectorSession session = open(connection)) {
            ExternalInvoice invoice = exported(session, "Payer");
            String reference = "Transfer 2026-11-20 from Payer Ltd";
            OutgoingPayment payment = new OutgoingPayment(invoice, "", Money.of("50.00", "EUR"), PAID_ON,
                    "Business Checking", reference, connection.uid() + "/payment/1");

            ExternalPayment first = session.sendPayment(payment);
            ExternalPayment again = session.sendPayment(payment);

            assertEquals(first.externalId(), again.externalId());
            assertEquals(1, paymentsOn(invoice), "QuickBooks answered the second with the first");
            assertEquals(VendorStatus.PARTLY_PAID, first.invoice().status());
            assertEquals(Money.of("70.00", "EUR"), first.invoice().amountDue(), "120.00 less 50.00");
            ObjectNode recorded = company().payments().stream()
                    .filter(p -> p.path("Id").asText().equals(first.externalId())).findFirst().orElseThrow();
            assertEquals(company().invoice(invoice.externalId()).orElseThrow().path("CustomerRef").path("value"),
                    recorded.path("CustomerRef").path("value"), "the customer read from the invoice");
            assertEquals(company().idOf("Account", "Business Checking"), recorded.path("DepositToAccountRef")
                    .path("value").asText());
            assertEquals(reference.substring(0, 21), recorded.path("PaymentRefNum").asText(),
                    "cut to the 21 characters QuickBooks is sure to keep");
            assertTrue(recorded.path("PrivateNote").asText().contains(reference), "the whole reference is kept too");
            assertEquals(PAID_ON.toString(), recorded.path("TxnDate").asText());

            ExternalPayment rest = session.sendPayment(new OutgoingPayment(invoice, "", Money.of("70.00", "EUR"),
                    PAID_ON, company().idOf("Account", "Business Checking"), "", connection.uid() + "/payment/2"));
            assertEquals(VendorStatus.PAID, rest.invoice().status());
            assertEquals(Money.of("0.00", "EUR"), rest.invoice().amountDue());
            assertEquals(2, paymentsOn(invoice));
        }
    }

    @Test
    void aPaymentWhoseAnswerWasLostIsAnsweredByQuickBooksWhenSentAgain() throws Exception {
        try (ConnectorSession session = open(connection)) {
            ExternalInvoice invoice = exported(session, "Lost answer");
            account.simulator.server().dropResponseAfterCommit(r -> r.method().equals("POST")
                    && r.path().endsWith("/payment"), 1);
            long before = account.simulator.server().requestLog().stream().filter(r -> r.is("POST", "/payment"))
                    .count();

            ExternalPayment payment = session.sendPayment(new OutgoingPayment(invoice, "", Money.of("20.00", "EUR"),
                    PAID_ON, "Business Checking", "", connection.uid() + "/payment/lost"));

            assertEquals(1, paymentsOn(invoice));
            assertEquals(Money.of("100.00", "EUR"), payment.invoice().amountDue());
            assertEquals(before + 2, account.simulator.server().requestLog().stream()
                    .filter(r -> r.is("POST", "/payment")).count(), "sent again with the same request id");
        }
    }

    @Test
    void aPaymentQuickBooksRefusesIsExplainedAndNothingIsRecorded() throws Exception {
        try (ConnectorSession session = open(connection)) {
            ExternalInvoice invoice = exported(session, "Overpayer");

            ConnectorException tooMuch = assertThrows(ConnectorException.class, () -> session.sendPayment(
                    new OutgoingPayment(invoice, "", Money.of("500.00", "EUR"), PAID_ON, "Business Checking", "",
                            connection.uid() + "/payment/too-much")));

            assertEquals("payment.more-than-due", tooMuch.problem().code());
            assertEquals("6000", tooMuch.problem().vendorCode());
            assertFalse(tooMuch.problem().retryable());
            assertFalse(tooMuch.mayHaveReachedVendor());
            assertTrue(tooMuch.problem().message().contains(invoice.number())
                    && tooMuch.problem().message().contains("EUR 500.00"), tooMuch.problem().message());

            ConnectorException noSuchAccount = assertThrows(ConnectorException.class, () -> session.sendPayment(
                    new OutgoingPayment(invoice, "", Money.of("10.00", "EUR"), PAID_ON, "Sales", "",
                            connection.uid() + "/payment/income")));
            assertEquals("payment.deposit-account-unknown", noSuchAccount.problem().code());
            assertTrue(noSuchAccount.problem().message().contains("Business Checking"),
                    "names the accounts that can be chosen: " + noSuchAccount.problem().message());
            assertEquals(0, paymentsOn(invoice));
        }
    }

    @Test
    void depositAccountsAreTheActiveBankAndOtherCurrentAssetAccounts() throws Exception {
        assertTrue(QuickBooksAccount.connector().descriptor().capabilities().receivesPayments());
        try (ConnectorSession session = open(connection)) {
            Set<String> names = session.referenceData(true).depositAccounts().stream().map(ReferenceEntry::name)
                    .collect(Collectors.toSet());
            assertEquals(Set.of("Business Checking", "Undeposited Funds"), names);
        }
    }

    @Test
    void moreThanAThousandChangedInvoicesAreReadPageByPageEachOnce() throws Exception {
        SimClock clock = SimClock.standingAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (QuickBooksAccount busy = QuickBooksAccount.start(QuickBooksSimulator.Options.defaults().withClock(clock)
                .withLimits(new Limits(100_000, 10, 1000, 30)))) {
            Connection busyConnection = busy.connected(NumberingPolicy.VENDOR_ASSIGNS);
            Instant since = clock.instant();
            Set<String> created = new HashSet<>();
            for (int batch = 0; batch < 35; batch++) {
                clock.advance(Duration.ofSeconds(1));
                created.addAll(createThirtyInvoices(busy));
            }
            busy.simulator.server().clearRequestLog();

            List<StatusChange> changes;
            try (ConnectorSession session = open(busyConnection)) {
                changes = session.statusChangesSince(since);
            }

            assertEquals(1050, created.size());
            assertEquals(created, changes.stream().map(StatusChange::externalId).collect(Collectors.toSet()));
            assertEquals(1050, changes.size(), "each change once, the boundary's included");
            assertTrue(busy.simulator.server().requestLog().stream().filter(r -> r.is("GET", "/cdc")).count() >= 2,
                    "more than one answer was read");
            for (int i = 1; i < changes.size(); i++) {
                assertFalse(changes.get(i).changedAt().isBefore(changes.get(i - 1).changedAt()), "oldest first");
            }
        }
    }

    /** Thirty invoices made in QuickBooks by another app, in one batch; their ids. */
    private static List<String> createThirtyInvoices(QuickBooksAccount at) throws IOException, InterruptedException {
        Ledger books = at.simulator.company(QuickBooksAccount.REALM);
        StringJoiner items = new StringJoiner(",", "{\"BatchItemRequest\":[", "]}");
        for (int i = 0; i < 30; i++) {
            items.add("""
                    {"bId":"b%d","operation":"create","Invoice":{"CustomerRef":{"value":"%s"},"Line":[
                     {"DetailType":"SalesItemLineDetail","SalesItemLineDetail":{"ItemRef":{"value":"%s"}}}]}}
                    """.formatted(i, books.idOf("Customer", "Cool Cars"), books.idOf("Item", "Widget")));
        }
        HttpResponse<String> answer;
        try (HttpClient http = HttpClient.newHttpClient()) {
            answer = http.send(HttpRequest.newBuilder(URI.create(at.simulator.companyUri(QuickBooksAccount.REALM)
                    + "/batch")).header("Authorization", "Bearer " + at.simulator.connect(QuickBooksAccount.REALM)
                            .accessToken()).header("Content-Type", "application/json")
                    .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(items.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
        assertEquals(200, answer.statusCode(), answer.body());
        return new ObjectMapper().readTree(answer.body()).path("BatchItemResponse")
                .valueStream().map(r -> r.path("Invoice").path("Id").asText()).toList();
    }

    private static long paymentsOn(ExternalInvoice invoice) {
        return company().payments().stream().filter(p -> p.path("Line").valueStream().anyMatch(line -> line
                .path("LinkedTxn").valueStream().anyMatch(l -> l.path("TxnId").asText().equals(invoice
                        .externalId())))).count();
    }
}
