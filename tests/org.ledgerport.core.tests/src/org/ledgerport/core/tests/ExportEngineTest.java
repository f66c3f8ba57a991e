package org.ledgerport.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.testing.support.Osgi.await;
import static org.ledgerport.testing.support.Osgi.context;
import static org.ledgerport.testing.support.Osgi.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.export.ExportListener;
import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.export.ExportRequest;
import org.ledgerport.core.export.ExportService;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.Preflight;
import org.ledgerport.core.export.RunOutcome;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.ProcessLog;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.ScriptedConnector;
import org.ledgerport.testing.support.ScriptedConnector.Fault;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The export engine against a connector that fails in every way the SPI allows, on the real Derby journal:
 * every invoice ends exported exactly once or failed with its reason.
 */
class ExportEngineTest {

    private static final AtomicInteger CONNECTORS = new AtomicInteger();
    /** The OS user, the first user of the test database and so its owner: may export and manage connections. */
    private static final String OWNER = System.getProperty("user.name");

    private InvoiceStore store;
    private Firm firm;
    private ScriptedConnector vendor;
    private ServiceRegistration<Connector> registration;
    private Connection connection;

    @BeforeEach
    void connect() throws Exception {
        store = service(InvoiceStore.class);
        firm = new Firm(store, "EX");
        String id = "scripted-" + CONNECTORS.incrementAndGet();
        vendor = new ScriptedConnector(id, "Scripted Books " + id, 3);
        registration = context().registerService(Connector.class, vendor, null);
        connection = service(ConnectionStore.class).createConnection(OWNER, id, Firm.unique("Scripted company"),
                Map.of(), Map.of(), NumberingPolicy.OURS);
    }

    @AfterEach
    void disconnect() {
        registration.unregister();
    }

    private RunSummary export(Invoice... invoices) throws InterruptedException {
        return export(ExportListener.NONE, invoices);
    }

    private RunSummary export(ExportListener listener, Invoice... invoices) throws InterruptedException {
        List<Long> ids = Arrays.stream(invoices).map(Invoice::id).toList();
        return service(ExportService.class).export(new ExportRequest(connection.id(), ids, OWNER, false), listener);
    }

    private List<InvoiceResult> results(RunSummary run) throws InterruptedException {
        return service(ProcessLog.class).results(run.id());
    }

    private InvoiceResult resultOf(RunSummary run, Invoice invoice) throws InterruptedException {
        return results(run).stream().filter(r -> r.invoiceId() == invoice.id()).findFirst().orElseThrow();
    }

    private InvoiceStatus status(Invoice invoice) {
        return store.findInvoice(invoice.id()).orElseThrow().status();
    }

    @Test
    void exportsEachInvoiceOnceAndNeverAgain() throws Exception {
        Customer customer = firm.customer("Ó Briain & Daughters");
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            invoices.add(firm.finalized(customer, "100.00", "20.50"));
        }
        Invoice draft = firm.draft(customer, "10.00");

        RunSummary run = export(invoices.toArray(Invoice[]::new));
        assertEquals(RunOutcome.COMPLETED, run.outcome());
        assertEquals(5, run.exported());
        assertEquals(List.of(3, 2), vendor.pushes().stream().map(List::size).toList(), "batches of at most 3");
        for (Invoice invoice : invoices) {
            assertEquals(1, vendor.created(invoice.number()));
            assertEquals(InvoiceStatus.EXPORTED, status(invoice));
            assertEquals(invoice.number(), resultOf(run, invoice).external().number(), "our number was sent");
        }
        assertTrue(service(ExportService.class).ready(connection.id()).stream().noneMatch(invoices::contains));

        RunSummary again = export(invoices.get(0), draft);
        assertEquals(List.of(ExportOutcome.SKIPPED, ExportOutcome.SKIPPED),
                results(again).stream().map(InvoiceResult::outcome).toList());
        assertEquals("Invoice %s is a draft; finalize it to export it.".formatted(draft.number()),
                resultOf(again, draft).reason());
        assertTrue(resultOf(again, invoices.get(0)).reason().startsWith(
                "Invoice %s is already in %s as %s".formatted(invoices.get(0).number(), connection.name(),
                        invoices.get(0).number())));
        assertEquals(1, vendor.created(invoices.get(0).number()), "nothing was sent the second time");
        assertEquals(2, vendor.pushes().size());
    }

    @Test
    void anInvalidInvoiceFailsAloneBeforeAnythingIsSent() throws Exception {
        Customer customer = firm.customer("Valid Ltd");
        Invoice good = firm.finalized(customer, "50.00");
        Invoice vendorRuleBroken = firm.finalized(customer, "60.00");
        Customer movesCurrency = firm.customer("Sterling & Sons");
        Invoice localRuleBroken = firm.finalized(movesCurrency, "70.00");
        store.updateCustomer(new Customer(movesCurrency.id(), movesCurrency.name(), movesCurrency.email(),
                movesCurrency.billingAddress(), false, Currency.getInstance("GBP")));
        vendor.failValidation(vendorRuleBroken.number(),
                Problem.error("mapping.taxCode.missing", "lines[1].taxCode", "Tax code T20 is not mapped."));

        RunSummary run = export(good, vendorRuleBroken, localRuleBroken);

        assertEquals(RunOutcome.COMPLETED_WITH_PROBLEMS, run.outcome());
        assertEquals(List.of(List.of(good.number())), vendor.pushes(), "only the valid invoice was sent");
        assertEquals("Tax code T20 is not mapped.", resultOf(run, vendorRuleBroken).reason());
        assertEquals("Invoice %s is in EUR but %s is invoiced in GBP.".formatted(localRuleBroken.number(),
                movesCurrency.name()), resultOf(run, localRuleBroken).reason());
        assertEquals(InvoiceStatus.FINALIZED, status(vendorRuleBroken), "a failed invoice stays ready");
        assertEquals(InvoiceStatus.EXPORTED, status(good));
    }

    @Test
    void aRejectedInvoiceFailsWithTheVendorsReasonAndCanBeSentLater() throws Exception {
        Customer customer = firm.customer("Rejected Co");
        Invoice rejected = firm.finalized(customer, "10.00");
        Invoice accepted = firm.finalized(customer, "11.00");
        vendor.script(rejected.number(), Fault.REJECT);

        RunSummary run = export(rejected, accepted);
        InvoiceResult result = resultOf(run, rejected);
        assertEquals(ExportOutcome.FAILED, result.outcome());
        assertEquals("6000", result.problems().get(0).vendorCode());
        assertEquals(0, vendor.created(rejected.number()));
        assertEquals(ExportOutcome.EXPORTED, resultOf(run, accepted).outcome());

        RunSummary retry = export(rejected);
        assertEquals(ExportOutcome.EXPORTED, resultOf(retry, rejected).outcome());
        assertEquals(1, vendor.created(rejected.number()));
    }

    @Test
    void aLostAnswerAfterTheVendorCommittedIsFoundNotResent() throws Exception {
        Customer customer = firm.customer("Lost Answer GmbH");
        Invoice invoice = firm.finalized(customer, "99.99");
        vendor.script(invoice.number(), Fault.TIMEOUT_AFTER_COMMIT);

        RunSummary run = export(invoice);
        InvoiceResult result = resultOf(run, invoice);
        assertEquals(ExportOutcome.EXPORTED, result.outcome());
        assertEquals("export.confirmed-by-lookup", result.problems().get(0).code());
        assertEquals(InvoiceStatus.EXPORTED, status(invoice));
        assertEquals(1, vendor.created(invoice.number()));
        assertEquals(1, vendor.pushes().size());
    }

    @Test
    void aRequestLostBeforeTheVendorSawItFailsAndIsSentNextTime() throws Exception {
        Invoice invoice = firm.finalized(firm.customer("Lost Request Ltd"), "12.00");
        vendor.script(invoice.number(), Fault.TIMEOUT_BEFORE_COMMIT);

        InvoiceResult first = resultOf(export(invoice), invoice);
        assertEquals(ExportOutcome.FAILED, first.outcome());
        assertTrue(first.problems().get(0).retryable());
        assertTrue(first.reason().contains("Ledgerport checked and it is not there"), first.reason());
        assertEquals(InvoiceStatus.FINALIZED, status(invoice));

        assertEquals(ExportOutcome.EXPORTED, resultOf(export(invoice), invoice).outcome());
        assertEquals(1, vendor.created(invoice.number()));
    }

    @Test
    void aCrashBetweenSendAndConfirmIsSettledWhenTheEngineStartsAgain() throws Exception {
        Customer customer = firm.customer("Crash & Burn plc");
        Invoice sent = firm.finalized(customer, "500.00");
        Invoice neverSent = firm.finalized(customer, "600.00");
        vendor.script(sent.number(), Fault.CRASH_AFTER_COMMIT);

        assertThrows(ScriptedConnector.SimulatedCrash.class, () -> export(sent, neverSent));
        assertEquals(InvoiceStatus.FINALIZED, status(sent), "no confirmation was recorded before the crash");
        assertEquals(1, vendor.created(sent.number()), "but the vendor has it");

        restartEngine();
        await("the restarted engine to settle the interrupted export",
                () -> store.findInvoice(sent.id()).orElseThrow().status() == InvoiceStatus.EXPORTED);
        assertEquals(1, vendor.created(sent.number()), "settled by looking it up, not by sending it again");

        RunSummary after = export(sent, neverSent);
        assertEquals(ExportOutcome.SKIPPED, resultOf(after, sent).outcome());
        assertEquals(ExportOutcome.EXPORTED, resultOf(after, neverSent).outcome());
        assertEquals(1, vendor.created(sent.number()));
        assertEquals(1, vendor.created(neverSent.number()));
    }

    @Test
    void anAttemptThatCannotBeCheckedIsNeverResentBlind() throws Exception {
        Invoice invoice = firm.finalized(firm.customer("Unreachable Pty"), "42.00");
        vendor.script(invoice.number(), Fault.TIMEOUT_AFTER_COMMIT);
        vendor.lookupsFail(true);

        assertEquals(ExportOutcome.UNCONFIRMED, resultOf(export(invoice), invoice).outcome());
        RunSummary stillDown = export(invoice);
        assertEquals(ExportOutcome.UNCONFIRMED, resultOf(stillDown, invoice).outcome(),
                "still unconfirmed while the vendor cannot be asked");
        assertEquals(1, vendor.pushes().size(), "the invoice was not sent a second time");

        vendor.lookupsFail(false);
        RunSummary recovered = export(invoice);
        assertEquals(ExportOutcome.EXPORTED, resultOf(recovered, invoice).outcome());
        assertEquals(1, vendor.created(invoice.number()));
        assertEquals(1, vendor.pushes().size());
    }

    @Test
    void customersAreMatchedInBulkOnceAndRememberedPerConnection() throws Exception {
        List<Customer> customers = List.of(firm.customer("Alpha & Co"), firm.customer("Beta's Bakery"),
                firm.customer("Gamma Ænergy"));
        List<Invoice> first = new ArrayList<>();
        for (Customer customer : customers) {
            first.add(firm.finalized(customer, "1.00"));
            first.add(firm.finalized(customer, "2.00"));
        }
        Preflight check = service(ExportService.class).check(connection.id(), first.stream().map(Invoice::id).toList());
        assertEquals(6, check.passed());
        assertEquals(3, check.customersToMatch());
        assertEquals(0, vendor.customerLookups().size(), "the check looks nothing up");

        export(first.toArray(Invoice[]::new));
        assertEquals(1, vendor.customerLookups().size(), "one bulk lookup");
        assertEquals(3, vendor.customerLookups().get(0).size());

        Invoice later = firm.finalized(customers.get(1), "3.00");
        export(later);
        assertEquals(1, vendor.customerLookups().size(), "the mapping was remembered");
        assertEquals(List.of(List.of(later.number())), vendor.pushes().subList(2, 3));
    }

    @Test
    void aCustomerTheVendorRefusesFailsOnlyThatCustomersInvoices() throws Exception {
        Customer refused = firm.customer("Supplier Name Clash");
        Customer fine = firm.customer("Fine Customer");
        vendor.refuseCustomer(refused.name(), Problem.vendor("customer.duplicate-name", "customer",
                "The name is used by a supplier in the accounting package.", "6240", "Duplicate Name Exists Error",
                false));
        Invoice blocked = firm.finalized(refused, "5.00");
        Invoice passes = firm.finalized(fine, "6.00");

        RunSummary run = export(blocked, passes);
        assertEquals("6240", resultOf(run, blocked).problems().get(0).vendorCode());
        assertEquals(ExportOutcome.FAILED, resultOf(run, blocked).outcome());
        assertEquals(ExportOutcome.EXPORTED, resultOf(run, passes).outcome());
    }

    @Test
    void cancellingStopsBetweenBatchesAndLeavesTheRestReady() throws Exception {
        Customer customer = firm.customer("Cancel Ltd");
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            invoices.add(firm.finalized(customer, "1.00"));
        }
        AtomicInteger done = new AtomicInteger();
        ExportListener cancelAfterFirstBatch = new ExportListener() {
            @Override
            public void invoiceDone(InvoiceResult result) {
                done.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return done.get() >= 3;
            }
        };

        RunSummary run = export(cancelAfterFirstBatch, invoices.toArray(Invoice[]::new));
        assertEquals(RunOutcome.CANCELLED, run.outcome());
        assertEquals(3, run.exported());
        assertEquals(4, run.skipped());
        assertEquals(1, vendor.pushes().size());
        assertEquals(InvoiceStatus.FINALIZED, status(invoices.get(6)));
    }

    @Test
    void theVendorsNumberIsRecordedWhenItAssignsNumbers() throws Exception {
        ConnectionStore connections = service(ConnectionStore.class);
        connection = connections.updateConnection(OWNER, new Connection(connection.id(), connection.uid(),
                connection.connectorId(), connection.name(), connection.settings(), connection.mappings(),
                NumberingPolicy.VENDOR_ASSIGNS, connection.version()));
        Invoice invoice = firm.finalized(firm.customer("Numbered Ltd"), "8.00");

        InvoiceResult result = resultOf(export(invoice), invoice);
        String vendorNumber = vendor.vendorCopy(invoice.number()).orElseThrow().number();
        assertTrue(vendorNumber.startsWith("V"), vendorNumber);
        assertEquals(vendorNumber, result.external().number());
    }

    @Test
    void aDryRunChecksAndSendsNothing() throws Exception {
        Invoice invoice = firm.finalized(firm.customer("Dry Run Ltd"), "8.00");
        RunSummary run = service(ExportService.class).export(
                new ExportRequest(connection.id(), List.of(invoice.id()), OWNER, true), ExportListener.NONE);
        assertEquals(RunOutcome.DRY_RUN, run.outcome());
        assertEquals(ExportOutcome.CHECKED, resultOf(run, invoice).outcome());
        assertEquals(0, vendor.pushes().size());
        assertEquals(InvoiceStatus.FINALIZED, status(invoice));
    }

    /** Stops the engine component and starts a new one on the same database, as a new process would. */
    private static void restartEngine() throws Exception {
        ServiceComponentRuntime scr = service(ServiceComponentRuntime.class);
        Bundle core = FrameworkUtil.getBundle(ExportService.class);
        ComponentDescriptionDTO engine = scr.getComponentDescriptionDTO(core,
                "org.ledgerport.core.internal.export.ExportEngine");
        ExportService before = service(ExportService.class);
        scr.disableComponent(engine).getValue();
        scr.enableComponent(engine).getValue();
        await("a new export engine", () -> {
            try {
                return service(ExportService.class) != before;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }
}
