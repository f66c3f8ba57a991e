package org.ledgerport.connector.quickbooks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.access.AccessDeniedException;
import org.ledgerport.core.access.Role;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.VendorStatus;
import org.ledgerport.core.connector.Withdrawal;
import org.ledgerport.core.export.AutoExportQueue;
import org.ledgerport.core.export.ExportListener;
import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.export.ExportRequest;
import org.ledgerport.core.export.ExportService;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.PaymentService;
import org.ledgerport.core.export.QueuedExport;
import org.ledgerport.core.export.RevertPlan;
import org.ledgerport.core.export.RevisionService;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.export.StatusRefresh;
import org.ledgerport.core.export.StatusService;
import org.ledgerport.core.export.VendorState;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.HistoryEntry;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.Payment;
import org.ledgerport.core.model.PaymentDraft;
import org.ledgerport.core.model.PaymentState;
import org.ledgerport.core.store.Activity;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.ExportJournal;
import org.ledgerport.core.store.InvoiceHistory;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.ProcessLog;
import org.ledgerport.simulator.quickbooks.Ledger;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;
import org.ledgerport.testing.support.Roles;

/**
 * What happens after the export, through the real engine and store against the QuickBooks Online simulator:
 * status flowing back, payments sent from here, reverts by QuickBooks' rules, export on finalize and roles.
 */
class AfterExportTest {

    private static final String ME = Roles.ME;

    private static QuickBooksAccount account;
    private static Connection connection;
    private static InvoiceStore store;
    private static Firm firm;
    private static AccessControl access;

    @BeforeAll
    static void start() throws Exception {
        account = QuickBooksAccount.start();
        access = Roles.meAsOwner();
        store = Osgi.service(InvoiceStore.class);
        firm = new Firm(store, "AE");
        connection = account.connected(NumberingPolicy.OURS);
    }

    @AfterAll
    static void stop() {
        account.close();
    }

    private static Ledger company() {
        return account.simulator.company(QuickBooksAccount.REALM);
    }

    /** Finalized invoices of EUR 100.00 + 20 % tax, exported through the engine. */
    private static List<Invoice> exported(Connection to, int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(firm.finalized(firm.customer("After"), "100.00").id());
        }
        RunSummary run = Osgi.service(ExportService.class).export(new ExportRequest(to.id(), ids, ME, false),
                ExportListener.NONE);
        assertEquals(count, run.exported(), () -> reasons(run));
        return store.loadInvoices(ids);
    }

    private static String reasons(RunSummary run) {
        try {
            return Osgi.service(ProcessLog.class).results(run.id()).stream().map(InvoiceResult::reason).toList()
                    .toString();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String externalId(Connection at, Invoice invoice) throws InterruptedException {
        return Osgi.service(ExportJournal.class).references(at.id(), List.of(invoice.id())).get(invoice.id())
                .external().externalId();
    }

    private static Invoice now(Invoice invoice) {
        return store.findInvoice(invoice.id()).orElseThrow();
    }

    private static VendorState state(Invoice invoice) throws InterruptedException {
        return Osgi.service(StatusService.class).vendorStates(List.of(invoice.id())).get(invoice.id()).stream()
                .filter(s -> s.connectionId() == connection.id()).findFirst().orElseThrow();
    }

    private static List<HistoryEntry> history(Invoice invoice) throws InterruptedException {
        return Osgi.service(InvoiceHistory.class).history(invoice.id());
    }

    private static boolean says(List<HistoryEntry> history, HistoryEntry.Kind kind, String text) {
        return history.stream().anyMatch(e -> e.kind() == kind && e.text().contains(text));
    }

    /** The live (not voided) invoices QuickBooks holds under the number. */
    private static long liveAtQuickBooks(String number) {
        return company().invoicesNumbered(number).stream()
                .filter(i -> !i.path("PrivateNote").asText("").startsWith("Voided")).count();
    }

    @Test
    void paidPartlyPaidVoidedAndDeletedInQuickBooksFlowBackIntoEachInvoicesHistory() throws Exception {
        List<Invoice> invoices = exported(connection, 4);
        Invoice paid = invoices.get(0);
        Invoice partly = invoices.get(1);
        Invoice voided = invoices.get(2);
        Invoice deleted = invoices.get(3);
        company().markPaid(externalId(connection, paid));
        company().receivePayment(externalId(connection, partly), new BigDecimal("40.00"));
        company().voidInvoice(externalId(connection, voided));
        company().deleteInvoice(externalId(connection, deleted));
        StatusService status = Osgi.service(StatusService.class);

        StatusRefresh refresh = status.refresh(connection.id(), ME);

        assertEquals(InvoiceStatus.CLOSED, now(paid).status(), "paid in full: paid, then closed");
        assertTrue(says(history(paid), HistoryEntry.Kind.VENDOR_STATUS, "Paid in full in " + connection.name()));
        assertTrue(history(paid).stream().filter(e -> e.kind() == HistoryEntry.Kind.VENDOR_STATUS)
                .allMatch(e -> e.source().contains(connection.name()) && e.user().isEmpty()),
                "a change from QuickBooks names it as the source, not a user here");
        assertEquals(InvoiceStatus.EXPORTED, now(partly).status());
        assertEquals(VendorStatus.PARTLY_PAID, state(partly).status());
        assertEquals(Money.of("80.00", "EUR"), state(partly).amountDue(), "120.00 less the 40.00 paid");
        for (Invoice gone : List.of(voided, deleted)) {
            assertEquals(InvoiceStatus.EXPORTED, now(gone).status(), "never changed silently");
            assertTrue(state(gone).needsAttention());
            assertTrue(says(history(gone), HistoryEntry.Kind.VENDOR_PROBLEM, "Ledgerport changed nothing here"));
        }
        assertEquals(VendorStatus.VOIDED, state(voided).status());
        assertEquals(VendorStatus.DELETED, state(deleted).status());
        assertEquals(2, refresh.needingAttention());
        assertTrue(status.needingAttention().stream().anyMatch(s -> s.invoiceId() == deleted.id()));

        assertTrue(status.refresh(connection.id(), ME).updates().stream()
                .noneMatch(u -> invoices.stream().anyMatch(i -> i.id() == u.invoiceId())),
                "a second refresh brings nothing new about them");

        Invoice voidHere = status.resolve(voided.id(), now(voided).version(), connection.id(),
                StatusService.Resolution.VOID, ME);
        assertEquals(InvoiceStatus.VOID, voidHere.status());
        Invoice again = status.resolve(deleted.id(), now(deleted).version(), connection.id(),
                StatusService.Resolution.DRAFT, ME);
        assertEquals(InvoiceStatus.DRAFT, again.status());
        assertFalse(state(deleted).needsAttention());
        Invoice refinalized = store.changeStatus(again.id(), again.version(), InvoiceStatus.FINALIZED);
        RunSummary reexport = Osgi.service(ExportService.class).export(
                new ExportRequest(connection.id(), List.of(refinalized.id()), ME, false), ExportListener.NONE);
        assertEquals(1, reexport.exported(), () -> reasons(reexport));
        assertEquals(1, liveAtQuickBooks(deleted.number()), "the deleted invoice's number was free again");
    }

    @Test
    void aPaymentRecordedHereLandsInQuickBooksOnceThoughItsAnswerWasLostAndTheInvoiceTurnsPaid() throws Exception {
        Invoice invoice = exported(connection, 1).get(0);
        String invoiceId = externalId(connection, invoice);
        String bank = depositAccount();
        PaymentService payments = Osgi.service(PaymentService.class);

        recordedWithItsAnswersLost(invoice, "50.00", bank, "BANK-REF-1");

        assertEquals(1, paymentsFor(invoiceId), "QuickBooks did record it");
        List<Payment> resent = payments.sendPending(connection.id(), ME);
        assertEquals(PaymentState.SENT, resent.get(0).state());
        assertEquals(1, paymentsFor(invoiceId), "followed up, it landed once");
        assertEquals(VendorStatus.PARTLY_PAID, state(invoice).status());
        assertEquals(Money.of("70.00", "EUR"), state(invoice).amountDue());

        IllegalArgumentException tooMuch = assertThrows(IllegalArgumentException.class, () -> payments.record(
                new PaymentDraft(invoice.id(), connection.id(), Money.of("90.00", "EUR"), LocalDate.of(2026, 11, 21),
                        bank, ""), ME));
        assertTrue(tooMuch.getMessage().contains("70.00"), tooMuch.getMessage());

        Payment rest = payments.record(new PaymentDraft(invoice.id(), connection.id(), Money.of("70.00", "EUR"),
                LocalDate.of(2026, 11, 21), bank, ""), ME);
        assertEquals(PaymentState.SENT, rest.state(), rest.problem());
        assertEquals(2, paymentsFor(invoiceId));
        assertEquals(0, company().invoice(invoiceId).orElseThrow().path("Balance").decimalValue().signum());
        assertEquals(InvoiceStatus.CLOSED, now(invoice).status(), "paid in full by QuickBooks' balance");
        List<HistoryEntry> history = history(invoice);
        assertEquals(2, history.stream().filter(e -> e.kind() == HistoryEntry.Kind.PAYMENT_SENT).count());
        assertEquals(2, payments.payments(invoice.id()).size());
    }

    @Test
    void aPaymentWhoseAnswerWasLostIsFoundInQuickBooksAndNotSentAgainThoughQuickBooksForgotItsRequestId()
            throws Exception {
        Invoice invoice = exported(connection, 1).get(0);
        String invoiceId = externalId(connection, invoice);
        Payment lost = recordedWithItsAnswersLost(invoice, "30.00", depositAccount(), "BANK-REF-9");
        assertEquals(1, paymentsFor(invoiceId), "QuickBooks did record it");
        String there = company().payments().stream()
                .filter(p -> p.path("PaymentRefNum").asText().equals("BANK-REF-9")).findFirst().orElseThrow()
                .path("Id").asText();

        company().forgetRequestIds();
        Payment followedUp = Osgi.service(PaymentService.class).sendPending(connection.id(), ME).stream()
                .filter(p -> p.id() == lost.id()).findFirst().orElseThrow();

        assertEquals(PaymentState.SENT, followedUp.state(), followedUp.problem());
        assertEquals(there, followedUp.externalId(), "the payment QuickBooks already had");
        assertEquals(1, paymentsFor(invoiceId), "found there, not sent again");
        assertEquals(Money.of("90.00", "EUR"), state(invoice).amountDue(), "120.00 less the one payment");
        List<HistoryEntry> history = history(invoice);
        assertTrue(says(history, HistoryEntry.Kind.PAYMENT_SENT, "not sent again"), history::toString);
    }

    /** QuickBooks' first deposit account, as the bookkeeper would choose it. */
    private static String depositAccount() throws Exception {
        try (ConnectorSession session = QuickBooksAccount.connector()
                .openSession(QuickBooksAccount.context(connection))) {
            return session.referenceData(true).depositAccounts().get(0).code();
        }
    }

    /**
     * Records a payment while the answers to all three of the connector's tries (each with the payment's
     * idempotency key) are lost: QuickBooks has it, and Ledgerport does not know.
     */
    private static Payment recordedWithItsAnswersLost(Invoice invoice, String amount, String bank, String reference)
            throws InterruptedException {
        account.simulator.server().dropResponseAfterCommit(
                r -> r.method().equals("POST") && r.path().endsWith("/payment"), 3);
        Payment lost = Osgi.service(PaymentService.class).record(new PaymentDraft(invoice.id(), connection.id(),
                Money.of(amount, "EUR"), LocalDate.of(2026, 11, 20), bank, reference), ME);
        assertEquals(PaymentState.SENDING, lost.state(), "no answer came: not confirmed yet");
        return lost;
    }

    private static long paymentsFor(String invoiceId) {
        return company().payments().stream().filter(p -> p.path("Line").path(0).path("LinkedTxn").path(0)
                .path("TxnId").asText().equals(invoiceId)).count();
    }

    @Test
    void revertDeletesAnUnlinkedInvoiceAndReexportsItUnderItsNumberOnce() throws Exception {
        Invoice invoice = exported(connection, 1).get(0);
        RevisionService revisions = Osgi.service(RevisionService.class);

        RevertPlan plan = revisions.planRevert(invoice.id(), ME);

        assertEquals(Withdrawal.DELETED, plan.steps().get(0).action());
        assertFalse(plan.numberKept());
        Invoice draft = revisions.revert(invoice.id(), invoice.version(), "", ME);
        assertEquals(InvoiceStatus.DRAFT, draft.status());
        assertEquals(0, company().invoicesNumbered(invoice.number()).size(), "deleted in QuickBooks");
        List<HistoryEntry> history = history(invoice);
        assertTrue(says(history, HistoryEntry.Kind.EXPORTED, connection.name()));
        assertTrue(says(history, HistoryEntry.Kind.WITHDRAWN, "deleted in " + connection.name()));
        assertTrue(history.stream().anyMatch(e -> e.kind() == HistoryEntry.Kind.REVERTED && e.user().equals(ME)));

        Invoice revised = store.updateInvoice(draft.id(), draft.version(), withMemo(draft, "Corrected"));
        Invoice finalized = store.changeStatus(revised.id(), revised.version(), InvoiceStatus.FINALIZED);
        RunSummary reexport = Osgi.service(ExportService.class).export(
                new ExportRequest(connection.id(), List.of(finalized.id()), ME, false), ExportListener.NONE);
        assertEquals(1, reexport.exported(), () -> reasons(reexport));
        assertEquals(1, company().invoicesNumbered(invoice.number()).size(), "created again, once");
        assertTrue(Osgi.service(ProcessLog.class).recentActivity(20).stream().anyMatch(a -> a.kind()
                == Activity.Kind.REVERT && a.user().equals(ME) && a.invoiceNumber().equals(invoice.number())));
    }

    private static InvoiceDraft withMemo(Invoice invoice, String memo) {
        InvoiceDraft d = invoice.draft();
        return new InvoiceDraft(d.number(), d.customerId(), d.issueDate(), d.dueDate(), d.currency(), d.lines(),
                d.charges(), memo, d.taxMode());
    }

    @Test
    void revertVoidsAnInvoiceWithAPaymentDespiteAStaleSyncTokenAndTheKeptNumberIsNeverSentTwice() throws Exception {
        Invoice invoice = exported(connection, 1).get(0);
        String id = externalId(connection, invoice);
        String exportedToken = Osgi.service(ExportJournal.class).references(connection.id(), List.of(invoice.id()))
                .get(invoice.id()).external().syncToken();
        company().receivePayment(id, new BigDecimal("10.00"));
        assertFalse(exportedToken.equals(company().invoice(id).orElseThrow().path("SyncToken").asText()),
                "the payment bumped the token, so the one Ledgerport holds is stale");
        RevisionService revisions = Osgi.service(RevisionService.class);

        RevertPlan plan = revisions.planRevert(invoice.id(), ME);

        assertEquals(Withdrawal.VOIDED, plan.steps().get(0).action(), plan.steps().get(0).explanation());
        assertTrue(plan.numberKept(), "QuickBooks keeps a voided invoice's number");
        assertEquals(invoice.number() + "-2", plan.suggestedNumber());
        Invoice draft = revisions.revert(invoice.id(), invoice.version(), "", ME);
        assertEquals(InvoiceStatus.DRAFT, draft.status());
        assertTrue(company().invoice(id).orElseThrow().path("PrivateNote").asText().startsWith("Voided"));

        Invoice sameNumber = store.changeStatus(draft.id(), draft.version(), InvoiceStatus.FINALIZED);
        account.simulator.server().clearRequestLog();
        RunSummary refused = Osgi.service(ExportService.class).export(
                new ExportRequest(connection.id(), List.of(sameNumber.id()), ME, false), ExportListener.NONE);
        InvoiceResult result = Osgi.service(ProcessLog.class).results(refused.id()).get(0);
        assertEquals(ExportOutcome.FAILED, result.outcome());
        assertEquals("export.number-kept", result.problems().get(0).code());
        assertTrue(account.simulator.server().requestLog().stream().noneMatch(r -> r.method().equals("POST")
                && (r.path().endsWith("/invoice") || r.path().endsWith("/batch"))), "refused before sending");

        Invoice back = store.changeStatus(sameNumber.id(), sameNumber.version(), InvoiceStatus.DRAFT);
        InvoiceDraft content = back.draft();
        Invoice renumbered = store.updateInvoice(back.id(), back.version(), new InvoiceDraft(plan.suggestedNumber(),
                content.customerId(), content.issueDate(), content.dueDate(), content.currency(), content.lines(),
                content.charges(), content.memo(), content.taxMode()));
        Invoice finalized = store.changeStatus(renumbered.id(), renumbered.version(), InvoiceStatus.FINALIZED);
        RunSummary reexport = Osgi.service(ExportService.class).export(
                new ExportRequest(connection.id(), List.of(finalized.id()), ME, false), ExportListener.NONE);
        assertEquals(1, reexport.exported(), () -> reasons(reexport));
        assertEquals(0, liveAtQuickBooks(invoice.number()), "the old number is only on the voided invoice");
        assertEquals(1, liveAtQuickBooks(plan.suggestedNumber()));
    }

    @Test
    void anInvoiceIsExportedOnFinalizeOnceQuickBooksIsBackAndWaitsInTheQueueMeanwhile() throws Exception {
        Connection auto = withSettings(account.connected(NumberingPolicy.OURS),
                Map.of(Connection.EXPORT_ON_FINALIZE, "true"));
        AutoExportQueue queue = Osgi.service(AutoExportQueue.class);
        System.setProperty("ledgerport.autoexport.retryMillis", "300");
        account.simulator.server().setUnavailable(true);
        try {
            Invoice invoice = firm.finalized(firm.customer("Queued"), "100.00");

            Osgi.await("a failed try at the queued invoice", () -> queued(queue, auto, invoice) != null
                    && queued(queue, auto, invoice).attempts() > 0);
            QueuedExport waiting = queued(queue, auto, invoice);
            assertFalse(waiting.lastProblem().isEmpty(), "the queue says why it waits");
            assertEquals(InvoiceStatus.FINALIZED, now(invoice).status());

            account.simulator.server().setUnavailable(false);
            Osgi.await("the queued invoice exported", () -> now(invoice).status() == InvoiceStatus.EXPORTED);
            assertNull(queued(queue, auto, invoice));
            assertEquals(1, company().invoicesNumbered(invoice.number()).size(), "exported once");
        } finally {
            account.simulator.server().setUnavailable(false);
            withSettings(Osgi.service(ConnectionStore.class).findConnection(auto.id()).orElseThrow(),
                    Map.of(Connection.EXPORT_ON_FINALIZE, "false"));
        }
    }

    private static QueuedExport queued(AutoExportQueue queue, Connection auto, Invoice invoice) {
        return queue.queued(auto.id()).stream().filter(q -> q.invoiceId() == invoice.id()).findFirst().orElse(null);
    }

    private static Connection withSettings(Connection c, Map<String, String> more) throws InterruptedException {
        Map<String, String> settings = new TreeMap<>(c.settings());
        settings.putAll(more);
        return Osgi.service(ConnectionStore.class).updateConnection(ME, new Connection(c.id(), c.uid(),
                c.connectorId(), c.name(), settings, c.mappings(), c.numbering(), c.version()));
    }

    @Test
    void theEngineRefusesEachRoleWhatItMayNotDoAndNamesTheRoleNeeded() throws Exception {
        access.assign(ME, "bella.biller", Role.BILLER);
        access.assign(ME, "eddie.exporter", Role.EXPORTER);
        Invoice ready = firm.finalized(firm.customer("Roles"), "100.00");
        ExportService exports = Osgi.service(ExportService.class);

        AccessDeniedException export = assertThrows(AccessDeniedException.class, () -> exports.export(
                new ExportRequest(connection.id(), List.of(ready.id()), "bella.biller", false), ExportListener.NONE));
        assertTrue(export.getMessage().contains("exporter role"), export.getMessage());
        assertEquals(InvoiceStatus.FINALIZED, now(ready).status(), "nothing was exported");
        assertThrows(AccessDeniedException.class,
                () -> Osgi.service(StatusService.class).refresh(connection.id(), "bella.biller"));

        RunSummary run = exports.export(new ExportRequest(connection.id(), List.of(ready.id()), "eddie.exporter",
                false), ExportListener.NONE);
        assertEquals(1, run.exported());
        assertEquals("eddie.exporter", run.user(), "the export is attributed to its user");
        Invoice exported = now(ready);
        AccessDeniedException revert = assertThrows(AccessDeniedException.class, () -> Osgi
                .service(RevisionService.class).revert(exported.id(), exported.version(), "", "eddie.exporter"));
        assertTrue(revert.getMessage().contains("owner role"), revert.getMessage());
        AccessDeniedException change = assertThrows(AccessDeniedException.class,
                () -> withSettingsAs("eddie.exporter", connection));
        assertTrue(change.getMessage().contains("owner role"), change.getMessage());
        assertThrows(AccessDeniedException.class, () -> access.assign("eddie.exporter", "eddie.exporter", Role.OWNER));
        assertEquals(InvoiceStatus.EXPORTED, now(ready).status());
        assertTrue(Osgi.service(ProcessLog.class).recentActivity(50).stream().anyMatch(a -> a.kind()
                == Activity.Kind.ROLE_CHANGED && a.user().equals(ME) && a.text().contains("eddie.exporter")));
    }

    private static void withSettingsAs(String user, Connection c) throws InterruptedException {
        Connection current = Osgi.service(ConnectionStore.class).findConnection(c.id()).orElseThrow();
        Osgi.service(ConnectionStore.class).updateConnection(user, current);
    }
}
