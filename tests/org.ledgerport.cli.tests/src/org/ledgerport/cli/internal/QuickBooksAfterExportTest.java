package org.ledgerport.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.cli.internal.CommandLine.run;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerport.cli.internal.CommandLine.Result;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What follows an export, from the command line, against the QuickBooks Online simulator through the real connector
 * and engine: the status brought back, an invoice reverted to draft, a payment sent.
 */
class QuickBooksAfterExportTest {

    private static final String REALM = "4620816365000000007";

    private InvoiceStore store;
    private Firm firm;
    private Customer customer;

    @BeforeEach
    void firm() throws Exception {
        store = Osgi.service(InvoiceStore.class);
        firm = new Firm(store, "CLIAE");
        customer = firm.customer("Harbour Lights Café");
    }

    @Test
    void statusBringsBackWhatWasPaidInQuickBooks() throws Exception {
        try (QuickBooksCompany quickBooks = QuickBooksCompany.irish(REALM)) {
            String connection = quickBooks.connected();
            // 100.00 at 20 %: 120.00 due
            Invoice paid = firm.finalized(customer, "100.00");
            Invoice partly = firm.finalized(customer, "100.00");
            export(connection, paid, partly);
            quickBooks.company().markPaid(quickBooks.invoiceOf(paid).path("Id").asText());

            Result counted = run("status", "--connection", connection, "--no-refresh", "--json");
            assertEquals(ExitCode.SUCCESS, counted.exitCode(), counted::toString);
            assertEquals(0, counted.json().get("refresh").size(), "--no-refresh asks QuickBooks nothing");
            assertEquals(InvoiceStatus.EXPORTED, status(paid));

            Result refreshed = run("status", "--connection", connection, "--json");
            assertEquals(ExitCode.SUCCESS, refreshed.exitCode(), refreshed::toString);
            JsonNode refresh = refreshed.json().get("refresh").get(0);
            assertEquals(connection, refresh.get("connection").asText());
            assertEquals("REFRESHED", refresh.get("outcome").asText());
            JsonNode update = update(refresh, paid);
            assertEquals("PAID", update.get("vendorStatus").asText());
            assertEquals("CLOSED", update.get("status").asText());
            assertEquals(InvoiceStatus.CLOSED, status(paid), "paid in full there: paid, then closed here");
            assertEquals(counted.json().get("invoices").get("CLOSED").asInt() + 1,
                    refreshed.json().get("invoices").get("CLOSED").asInt(), "the counts follow the refresh");

            quickBooks.company().receivePayment(quickBooks.invoiceOf(partly).path("Id").asText(),
                    new BigDecimal("50.00"));
            Result text = run("status", "--connection", connection);
            assertEquals(ExitCode.SUCCESS, text.exitCode(), text::toString);
            assertTrue(text.hasLine("Refreshed '" + connection + "' (QuickBooks Online): 1 invoice changed since"),
                    text::toString);
            assertTrue(text.hasLineMatching(" +Partly paid: +1 +" + Pattern.quote(partly.number() + " (EUR 70.00 due)")),
                    text::toString);
            assertFalse(text.hasLine("Paid in full:"), "what was brought back before is not news again\n" + text);
            assertTrue(text.hasLine("Invoices ("), "the counts follow\n" + text);
            assertEquals(InvoiceStatus.EXPORTED, status(partly), "partly paid stays exported");
        }
    }

    @Test
    void aConnectionThatCannotBeReachedIsReportedAndTheOthersAreStillRefreshed() throws Exception {
        try (QuickBooksCompany reachable = QuickBooksCompany.irish(REALM);
                QuickBooksCompany stopped = QuickBooksCompany.irish(REALM)) {
            String live = reachable.connected();
            String gone = stopped.connected();
            Invoice invoice = firm.finalized(customer, "40.00");
            export(live, invoice);
            reachable.company().markPaid(reachable.invoiceOf(invoice).path("Id").asText());
            stopped.simulator.close();

            Result result = run("status");
            assertEquals(ExitCode.FAILED, result.exitCode(), "a connection could not be refreshed\n" + result);
            assertTrue(result.err().contains("Could not refresh the status from '" + gone + "' (QuickBooks Online): "),
                    result::toString);
            assertTrue(result.hasLine("Refreshed '" + live + "' (QuickBooks Online)"), result::toString);
            assertTrue(result.hasLine("Paid in full:", invoice.number() + " (closed here)"), result::toString);
            assertTrue(result.hasLine("Ready to export"), "the counts are still printed\n" + result);
            assertEquals(InvoiceStatus.CLOSED, status(invoice));
        }
    }

    @Test
    void revertShowsThePlanAndWithYesDeletesTheInvoiceInQuickBooks() throws Exception {
        try (QuickBooksCompany quickBooks = QuickBooksCompany.irish(REALM)) {
            String connection = quickBooks.connected();
            Invoice invoice = firm.finalized(customer, "60.00");
            export(connection, invoice);
            String externalId = quickBooks.invoiceOf(invoice).path("Id").asText();

            Result plan = run("revert", "--invoice", invoice.number());
            assertEquals(ExitCode.SUCCESS, plan.exitCode(), plan::toString);
            assertTrue(plan.hasLine("'" + connection + "'", "delete it:"), plan::toString);
            assertTrue(plan.hasLine("Nothing was changed. To revert it: ledgerport-cli revert --invoice "
                    + invoice.number() + " --yes"), plan::toString);
            JsonNode step = run("revert", "--invoice", invoice.number(), "--json").json().get("steps").get(0);
            assertEquals("DELETED", step.get("action").asText());
            assertFalse(step.get("numberKept").asBoolean(), "a deleted invoice's number is free again");
            assertEquals(InvoiceStatus.EXPORTED, status(invoice), "a plan changes nothing here");
            assertTrue(quickBooks.company().invoice(externalId).isPresent(), "a plan changes nothing there");

            Result reverted = run("revert", "--invoice", invoice.number(), "--yes");
            assertEquals(ExitCode.SUCCESS, reverted.exitCode(), reverted::toString);
            assertTrue(reverted.hasLine(invoice.number() + " is a draft again."), reverted::toString);
            assertEquals(InvoiceStatus.DRAFT, status(invoice));
            assertTrue(quickBooks.company().invoice(externalId).isEmpty(), "QuickBooks no longer has the invoice");
        }
    }

    @Test
    void revertOfAnInvoiceWithAPaymentVoidsItAndRenumbersTheDraft() throws Exception {
        try (QuickBooksCompany quickBooks = QuickBooksCompany.irish(REALM)) {
            String connection = quickBooks.connected();
            Invoice invoice = firm.finalized(customer, "80.00");
            export(connection, invoice);
            String externalId = quickBooks.invoiceOf(invoice).path("Id").asText();
            quickBooks.company().receivePayment(externalId, new BigDecimal("10.00"));
            String renumbered = invoice.number() + "-2";

            Result plan = run("revert", "--invoice", invoice.number());
            assertEquals(ExitCode.SUCCESS, plan.exitCode(), plan::toString);
            assertTrue(plan.hasLine("'" + connection + "'", "void it, the number stays taken there:"), plan::toString);
            assertTrue(plan.hasLine("Give it a new number with --renumber, such as " + renumbered + "."),
                    plan::toString);
            assertTrue(plan.hasLine("ledgerport-cli revert --invoice " + invoice.number() + " --renumber "
                    + renumbered + " --yes"), plan::toString);

            Result reverted = run("revert", "--invoice", invoice.number(), "--renumber", renumbered, "--yes");
            assertEquals(ExitCode.SUCCESS, reverted.exitCode(), reverted::toString);
            assertTrue(reverted.hasLine(invoice.number() + " is a draft again, numbered " + renumbered + "."),
                    reverted::toString);
            Invoice draft = store.findInvoice(invoice.id()).orElseThrow();
            assertEquals(InvoiceStatus.DRAFT, draft.status());
            assertEquals(renumbered, draft.number());
            ObjectNode voided = quickBooks.company().invoice(externalId).orElseThrow();
            assertEquals(0, voided.path("TotalAmt").decimalValue().signum(), "QuickBooks keeps it voided: " + voided);
        }
    }

    @Test
    void aPaymentLandsInQuickBooksOnceAndClosesTheInvoice() throws Exception {
        try (QuickBooksCompany quickBooks = QuickBooksCompany.irish(REALM)) {
            String connection = quickBooks.connected();
            Invoice invoice = firm.finalized(customer, "100.00");
            export(connection, invoice);
            String externalId = quickBooks.invoiceOf(invoice).path("Id").asText();
            String undeposited = quickBooks.company().idOf("Account", "Undeposited Funds");

            Result paid = run("pay", "--invoice", invoice.number(), "--amount", "120.00", "--date", "2026-11-20",
                    "--account", undeposited, "--reference", "BACS 40213");
            assertEquals(ExitCode.SUCCESS, paid.exitCode(), paid::toString);
            assertTrue(paid.hasLine("Payment of EUR 120.00 on 2026-11-20 for " + invoice.number() + ": sent to '"
                    + connection + "' (QuickBooks Online)"), paid::toString);
            assertTrue(paid.hasLine(invoice.number() + ": it is closed here"), paid::toString);
            assertEquals(1, quickBooks.paymentsOf(externalId).size(), "the payment is in QuickBooks");
            assertEquals(0, new BigDecimal("120.00").compareTo(
                    quickBooks.paymentsOf(externalId).get(0).path("TotalAmt").decimalValue()));
            assertEquals(0, quickBooks.company().invoice(externalId).orElseThrow().path("Balance").decimalValue()
                    .signum(), "QuickBooks applied it to the invoice");
            assertEquals(InvoiceStatus.CLOSED, status(invoice));

            Result resent = run("pay", "--resend", "--connection", connection);
            assertEquals(ExitCode.SUCCESS, resent.exitCode(), resent::toString);
            assertTrue(resent.hasLine("No payments are waiting to be sent to '" + connection + "'."),
                    resent::toString);
            Result again = run("pay", "--invoice", invoice.number(), "--amount", "120.00", "--account", undeposited);
            assertEquals(ExitCode.FAILED, again.exitCode(), again::toString);
            assertTrue(again.err().contains("already paid in full"), again::toString);
            assertEquals(1, quickBooks.paymentsOf(externalId).size(), "the payment landed once");
        }
    }

    private static void export(String connection, Invoice... invoices) throws InterruptedException {
        List<String> words = new ArrayList<>(List.of("export", "--connection", connection, "--invoice"));
        Arrays.stream(invoices).map(Invoice::number).forEach(words::add);
        Result exported = run(words.toArray(String[]::new));
        assertEquals(ExitCode.SUCCESS, exported.exitCode(), exported::toString);
    }

    private InvoiceStatus status(Invoice invoice) {
        return store.findInvoice(invoice.id()).orElseThrow().status();
    }

    private static JsonNode update(JsonNode refresh, Invoice invoice) {
        for (JsonNode update : refresh.get("updates")) {
            if (update.get("number").asText().equals(invoice.number())) {
                return update;
            }
        }
        throw new AssertionError("no update for " + invoice.number() + " in " + refresh);
    }
}
