package org.ledgerport.connector.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.testing.support.Osgi.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.connector.VendorStatus;
import org.ledgerport.core.connector.Withdrawal;
import org.ledgerport.core.export.ExportListener;
import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.export.ExportRequest;
import org.ledgerport.core.export.ExportService;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.PaymentService;
import org.ledgerport.core.export.RevertPlan;
import org.ledgerport.core.export.RevertRefusedException;
import org.ledgerport.core.export.RevisionService;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.export.StatusService;
import org.ledgerport.core.export.VendorState;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.HistoryEntry;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.Payment;
import org.ledgerport.core.model.PaymentDraft;
import org.ledgerport.core.model.PaymentState;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.ExportJournal;
import org.ledgerport.core.store.InvoiceHistory;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.ProcessLog;
import org.ledgerport.simulator.xero.Organisation;
import org.ledgerport.simulator.xero.TaxRate;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Roles;

/**
 * What happens after the export, through the real engine and store against the Xero simulator: status flowing
 * back, payments sent from here, and reverts by Xero's rules.
 */
class XeroAfterExportTest {

    private static final String ME = Roles.ME;
    private static final LocalDate PAID_ON = LocalDate.of(2026, 11, 20);

    private static XeroWorld world;
    private static InvoiceStore store;
    private static Firm firm;
    /** Exports invoices approved (AUTHORISED) under our numbers. */
    private static Connection approving;
    /** Exports invoices as drafts, for Xero's rules on drafts. */
    private static Connection drafting;

    @BeforeAll
    static void start() throws Exception {
        world = XeroWorld.start(options -> options.withOrganisations(Organisation.standard("Kea Accounting Ltd")
                .withCurrencies("EUR").withTaxRate(new TaxRate("OUTPUT2", "20% VAT on Income", new BigDecimal("20"),
                        true, false))));
        Roles.meAsOwner();
        store = service(InvoiceStore.class);
        firm = new Firm(store, "XA");
        approving = stored(NumberingPolicy.OURS);
        drafting = stored(NumberingPolicy.OURS, "statusOnExport", "DRAFT");
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    /** A stored connection to the simulator's organisation, signed in through the browser. */
    private static Connection stored(NumberingPolicy numbering, String... settings) throws Exception {
        ConnectionStore connections = service(ConnectionStore.class);
        Connection made = connections.createConnection(ME, XeroWorld.CONNECTOR_ID, Firm.unique("Xero"),
                world.settings(settings), Map.of(MappingKind.TAX_CODE, Map.of(Firm.STANDARD.code(), "OUTPUT2")),
                numbering);
        AccountInfo account = world.connector.connect(world.context(made), world.browser());
        Map<String, String> learnt = new TreeMap<>(made.settings());
        learnt.putAll(account.settings());
        return connections.updateConnection(ME, new Connection(made.id(), made.uid(), made.connectorId(),
                made.name(), learnt, made.mappings(), made.numbering(), made.version()));
    }

    /** Finalized invoices of EUR 100.00 + 20 % VAT, exported through the engine. */
    private static List<Invoice> exported(Connection to, int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(firm.finalized(firm.customer("Kea"), "100.00").id());
        }
        RunSummary run = export(to, ids);
        assertEquals(count, run.exported(), () -> reasons(run));
        return store.loadInvoices(ids);
    }

    private static RunSummary export(Connection to, List<Long> ids) throws InterruptedException {
        return service(ExportService.class).export(new ExportRequest(to.id(), ids, ME, false), ExportListener.NONE);
    }

    private static String reasons(RunSummary run) {
        try {
            return service(ProcessLog.class).results(run.id()).stream().map(InvoiceResult::reason).toList().toString();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID inXero(Connection at, Invoice invoice) throws InterruptedException {
        return UUID.fromString(service(ExportJournal.class).references(at.id(), List.of(invoice.id()))
                .get(invoice.id()).external().externalId());
    }

    private static org.ledgerport.simulator.xero.Invoice xero(Connection at, Invoice invoice)
            throws InterruptedException {
        return world.simulator.invoice(world.tenant(), inXero(at, invoice));
    }

    private static Invoice now(Invoice invoice) {
        return store.findInvoice(invoice.id()).orElseThrow();
    }

    private static VendorState state(Connection at, Invoice invoice) throws InterruptedException {
        return service(StatusService.class).vendorStates(List.of(invoice.id())).get(invoice.id()).stream()
                .filter(s -> s.connectionId() == at.id()).findFirst().orElseThrow();
    }

    private static List<HistoryEntry> history(Invoice invoice) throws InterruptedException {
        return service(InvoiceHistory.class).history(invoice.id());
    }

    /** The invoices Xero holds under the number that are neither voided nor deleted. */
    private static long liveInXero(String number) {
        return world.simulator.invoices(world.tenant()).stream().filter(i -> i.invoiceNumber().equals(number))
                .filter(i -> i.status() != org.ledgerport.simulator.xero.InvoiceStatus.VOIDED
                        && i.status() != org.ledgerport.simulator.xero.InvoiceStatus.DELETED)
                .count();
    }

    @Test
    void paidPartlyPaidApprovedVoidedAndDeletedInXeroFlowBack() throws Exception {
        List<Invoice> approved = exported(approving, 3);
        List<Invoice> drafts = exported(drafting, 2);
        world.simulator.payInFull(world.tenant(), inXero(approving, approved.get(0)), PAID_ON);
        world.simulator.pay(world.tenant(), inXero(approving, approved.get(1)), new BigDecimal("20.00"), PAID_ON);
        world.simulator.voidInvoice(world.tenant(), inXero(approving, approved.get(2)));
        world.simulator.approve(world.tenant(), inXero(drafting, drafts.get(0)));
        world.simulator.deleteInvoice(world.tenant(), inXero(drafting, drafts.get(1)));
        StatusService status = service(StatusService.class);

        status.refresh(approving.id(), ME);
        status.refresh(drafting.id(), ME);

        assertEquals(InvoiceStatus.CLOSED, now(approved.get(0)).status());
        assertEquals(InvoiceStatus.EXPORTED, now(approved.get(1)).status());
        assertEquals(VendorStatus.PARTLY_PAID, state(approving, approved.get(1)).status());
        assertEquals(Money.of("100.00", "EUR"), state(approving, approved.get(1)).amountDue());
        assertTrue(state(approving, approved.get(2)).needsAttention());
        assertEquals(InvoiceStatus.EXPORTED, now(approved.get(2)).status(), "never changed silently");
        assertEquals(VendorStatus.APPROVED, state(drafting, drafts.get(0)).status(), "approved in Xero is shown");
        assertTrue(history(drafts.get(0)).stream().anyMatch(e -> e.kind() == HistoryEntry.Kind.VENDOR_STATUS
                && e.text().startsWith("Approved in " + drafting.name())));
        assertEquals(VendorStatus.DELETED, state(drafting, drafts.get(1)).status());
        assertTrue(state(drafting, drafts.get(1)).needsAttention());
        assertTrue(history(approved.get(2)).stream().anyMatch(e -> e.kind() == HistoryEntry.Kind.VENDOR_PROBLEM
                && e.source().contains(approving.name())));
    }

    @Test
    void aPaymentRecordedHereLandsInXeroOnceAndTheInvoiceTurnsPaid() throws Exception {
        Invoice invoice = exported(approving, 1).get(0);
        PaymentService payments = service(PaymentService.class);
        // The connector itself tries a call with an idempotency key three times; all three answers are lost.
        world.simulator.server().dropResponseAfterCommit(
                r -> r.method().equals("PUT") && r.path().endsWith("/Payments"), 3);

        Payment lost = payments.record(new PaymentDraft(invoice.id(), approving.id(), Money.of("120.00", "EUR"),
                PAID_ON, "090", "Transfer 4471"), ME);

        assertEquals(PaymentState.SENDING, lost.state());
        assertEquals(PaymentState.SENT, payments.sendPending(approving.id(), ME).get(0).state());
        assertEquals(1, world.simulator.payments(world.tenant()).stream()
                .filter(p -> "Transfer 4471".equals(p.reference())).count(), "one payment in Xero");
        assertEquals(org.ledgerport.simulator.xero.InvoiceStatus.PAID, xero(approving, invoice).status());
        assertEquals(InvoiceStatus.CLOSED, now(invoice).status());
        assertTrue(history(invoice).stream().anyMatch(e -> e.kind() == HistoryEntry.Kind.PAYMENT_SENT));
    }

    @Test
    void aRefusedPaymentSaysWhyAndLeavesNothingInXero() throws Exception {
        Invoice invoice = exported(approving, 1).get(0);

        Payment refused = service(PaymentService.class).record(new PaymentDraft(invoice.id(), approving.id(),
                Money.of("30.00", "EUR"), PAID_ON, "200", ""), ME);

        assertEquals(PaymentState.FAILED, refused.state());
        assertFalse(refused.problem().isEmpty());
        assertTrue(xero(approving, invoice).payments().isEmpty());
        assertEquals(InvoiceStatus.EXPORTED, now(invoice).status());
    }

    @Test
    void aDraftIsDeletedAndItsNumberUsedAgainAnApprovedOneVoidedAndRenumbered() throws Exception {
        RevisionService revisions = service(RevisionService.class);
        Invoice draftThere = exported(drafting, 1).get(0);

        RevertPlan deleting = revisions.planRevert(draftThere.id(), ME);
        assertEquals(Withdrawal.DELETED, deleting.steps().get(0).action());
        assertFalse(deleting.numberKept());
        Invoice draft = revisions.revert(draftThere.id(), draftThere.version(), "", ME);
        Invoice again = store.changeStatus(draft.id(), draft.version(), InvoiceStatus.FINALIZED);
        assertEquals(1, export(drafting, List.of(again.id())).exported());
        assertEquals(1, liveInXero(draftThere.number()), "the deleted draft's number was used again");

        Invoice approvedThere = exported(approving, 1).get(0);
        RevertPlan voiding = revisions.planRevert(approvedThere.id(), ME);
        assertEquals(Withdrawal.VOIDED, voiding.steps().get(0).action());
        assertTrue(voiding.numberKept(), "Xero keeps an approved invoice's number once voided");
        Invoice renumbered = revisions.revert(approvedThere.id(), approvedThere.version(), voiding.suggestedNumber(),
                ME);
        assertEquals(voiding.suggestedNumber(), renumbered.number());
        assertEquals(org.ledgerport.simulator.xero.InvoiceStatus.VOIDED,
                world.simulator.invoices(world.tenant()).stream()
                        .filter(i -> i.invoiceNumber().equals(approvedThere.number())).findFirst().orElseThrow()
                        .status());
        assertTrue(history(renumbered).stream().anyMatch(e -> e.kind() == HistoryEntry.Kind.REVERTED
                && e.text().contains("renumbered from " + approvedThere.number())));
        Invoice finalized = store.changeStatus(renumbered.id(), renumbered.version(), InvoiceStatus.FINALIZED);
        RunSummary reexport = export(approving, List.of(finalized.id()));
        assertEquals(1, reexport.exported(), () -> reasons(reexport));
        assertEquals(1, liveInXero(voiding.suggestedNumber()));
        assertEquals(0, liveInXero(approvedThere.number()));
    }

    @Test
    void anApprovedInvoiceKeptUnderItsNumberIsRefusedBeforeItIsSentAgain() throws Exception {
        RevisionService revisions = service(RevisionService.class);
        Invoice invoice = exported(approving, 1).get(0);
        Invoice draft = revisions.revert(invoice.id(), invoice.version(), "", ME);
        Invoice finalized = store.changeStatus(draft.id(), draft.version(), InvoiceStatus.FINALIZED);
        long putsBefore = world.calls("PUT", "/Invoices");

        RunSummary run = export(approving, List.of(finalized.id()));

        InvoiceResult result = service(ProcessLog.class).results(run.id()).get(0);
        assertEquals(ExportOutcome.FAILED, result.outcome());
        assertEquals("export.number-kept", result.problems().get(0).code());
        assertTrue(result.reason().contains(invoice.number()), result.reason());
        assertEquals(putsBefore, world.calls("PUT", "/Invoices"), "nothing was sent");
    }

    @Test
    void anInvoiceWithAPaymentInXeroIsNotRevertedAndTheUserIsToldWhatToDoThere() throws Exception {
        RevisionService revisions = service(RevisionService.class);
        Invoice invoice = exported(approving, 1).get(0);
        world.simulator.pay(world.tenant(), inXero(approving, invoice), new BigDecimal("10.00"), PAID_ON);

        RevertPlan plan = revisions.planRevert(invoice.id(), ME);

        assertFalse(plan.possible());
        assertNull(plan.steps().get(0).action());
        assertTrue(plan.steps().get(0).explanation().contains("remove the payments"),
                plan.steps().get(0).explanation());
        RevertRefusedException refused = assertThrows(RevertRefusedException.class,
                () -> revisions.revert(invoice.id(), invoice.version(), "", ME));
        assertEquals("invoice.has-payments", refused.problem().code());
        assertEquals(InvoiceStatus.EXPORTED, now(invoice).status(), "still exported here");
        assertEquals(org.ledgerport.simulator.xero.InvoiceStatus.AUTHORISED, xero(approving, invoice).status());
    }
}
