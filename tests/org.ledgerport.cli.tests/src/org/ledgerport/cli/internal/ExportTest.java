package org.ledgerport.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.cli.internal.CommandLine.run;
import static org.ledgerport.cli.internal.CommandLine.testBooks;
import static org.ledgerport.cli.internal.CommandLine.testBooksConnection;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerport.cli.internal.CommandLine.Result;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;
import org.ledgerport.testing.support.ScriptedConnector;
import org.ledgerport.testing.support.ScriptedConnector.Fault;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Exports and dry runs through the real engine and journal to the test-books connector, which succeeds or fails
 * as each test scripts it; then the process log and the problems as the log and problems commands show them.
 */
class ExportTest {

    private InvoiceStore store;
    private Firm firm;
    private ScriptedConnector vendor;
    private Connection connection;
    private Customer customer;

    @BeforeEach
    void connect() throws Exception {
        store = Osgi.service(InvoiceStore.class);
        firm = new Firm(store, "CLI");
        vendor = testBooks();
        connection = testBooksConnection();
        customer = firm.customer("O'Keefe & Søn");
    }

    @Test
    void aDryRunShowsWhatWouldBeSentAndSendsNothing() throws Exception {
        // 100.00 + 20.50 at 20 %: tax 20.00 + 4.10
        Invoice invoice = firm.finalized(customer, "100.00", "20.50");

        Result result = run("export", "--connection", connection.name(), "--invoice", invoice.number(), "--dry-run");
        assertEquals(ExitCode.SUCCESS, result.exitCode(), result::toString);
        assertTrue(result.hasLine(invoice.number() + "  would be sent"), result::toString);
        assertTrue(result.hasLine("Number:", invoice.number()), result::toString);
        assertTrue(result.hasLine("Customer:", customer.name()), result::toString);
        assertTrue(result.hasLine("Lines:", "1 x Bookkeeping services at EUR 100.00 = EUR 100.00, tax T20"),
                result::toString);
        assertTrue(result.hasLine("Net:", "EUR 120.50"), result::toString);
        assertTrue(result.hasLine("Tax:", "EUR 24.10 (T20 EUR 24.10)"), result::toString);
        assertTrue(result.hasLine("Total:", "EUR 144.60"), result::toString);
        assertTrue(result.hasLine("1 of 1 invoice would be sent."), result::toString);

        assertEquals(0, vendor.created(invoice.number()), "a dry run sends nothing");
        assertEquals(InvoiceStatus.FINALIZED, store.findInvoice(invoice.id()).orElseThrow().status());
    }

    @Test
    void aDryRunWithAnInvoiceThatWouldNotBeSentExitsWithOne() throws Exception {
        Invoice good = firm.finalized(customer, "100.00", "20.50");
        Invoice bad = firm.finalized(customer, "50.00");
        vendor.failValidation(bad.number(), Problem.vendor("customer.duplicate-name", "customer",
                "Customer '" + customer.name() + "' could not be created: the name is used by a supplier.", "6240",
                "Duplicate Name Exists Error", false));

        Result text = run("export", "--connection", connection.name(), "--invoice", good.number(), bad.number(),
                "--dry-run");
        assertEquals(ExitCode.FAILED, text.exitCode(), text::toString);
        assertTrue(text.hasLine(good.number() + "  would be sent"), text::toString);
        assertTrue(text.hasLine(bad.number() + "  would not be sent"), text::toString);
        assertTrue(text.hasLine("Error: Customer '" + customer.name() + "' could not be created"), text::toString);
        assertTrue(text.hasLine("Test Books said: 6240 Duplicate Name Exists Error"), text::toString);

        Result json = run("export", "--connection", connection.name(), "--invoice", good.number(), bad.number(),
                "--dry-run", "--json");
        assertEquals(ExitCode.FAILED, json.exitCode(), json::toString);
        JsonNode document = json.json();
        assertTrue(document.get("dryRun").asBoolean());
        assertEquals(1, document.get("wouldSend").asInt());
        JsonNode sent = invoice(document.get("invoices"), good.number());
        assertTrue(sent.get("wouldSend").asBoolean());
        assertEquals(good.number(), sent.get("payload").get("numberToSend").asText());
        assertEquals(customer.name(), sent.get("payload").get("customer").get("name").asText());
        assertEquals("144.60", sent.get("payload").get("total").asText());
        assertEquals("24.10", sent.get("payload").get("taxByCode").get("T20").asText());
        JsonNode held = invoice(document.get("invoices"), bad.number());
        assertFalse(held.get("wouldSend").asBoolean());
        assertEquals("6240", held.get("problems").get(0).get("vendorCode").asText());
    }

    @Test
    void anExportPrintsEachResultAndIsInTheLogWithItsProblems() throws Exception {
        Invoice accepted = firm.finalized(customer, "100.00");
        Invoice refused = firm.finalized(customer, "200.00");
        vendor.script(refused.number(), Fault.REJECT);

        Result export = run("export", "--connection", connection.name(), "--invoice", accepted.number(),
                refused.number());
        assertEquals(ExitCode.FAILED, export.exitCode(), "an export with a failed invoice exits with 1\n" + export);
        assertTrue(export.hasLine("/2] " + accepted.number() + "  Exported"), export::toString);
        assertTrue(export.hasLine("/2] " + refused.number() + "  Failed: The scripted vendor refused invoice "
                + refused.number()), export::toString);
        Matcher summary = Pattern.compile("Run (\\d+) completed with problems in .*: 1 exported, 1 failed")
                .matcher(export.out());
        assertTrue(summary.find(), export::toString);
        long runId = Long.parseLong(summary.group(1));
        assertTrue(export.hasLine("ledgerport-cli problems --run " + runId), export::toString);
        assertEquals(InvoiceStatus.EXPORTED, store.findInvoice(accepted.id()).orElseThrow().status());
        assertEquals(1, vendor.created(accepted.number()));

        JsonNode run = run("log", "--limit", "1", "--json").json().get("runs").get(0);
        assertEquals(runId, run.get("id").asLong());
        assertEquals(connection.name(), run.get("connection").asText());
        assertEquals(CommandLine.user(), run.get("user").asText(), "the workstation's user ran it");
        assertEquals(2, run.get("selected").asInt());
        assertEquals(1, run.get("exported").asInt());
        assertEquals(1, run.get("failed").asInt());
        assertEquals("COMPLETED_WITH_PROBLEMS", run.get("outcome").asText());
        Result log = run("log", "--limit", "1");
        assertTrue(log.hasLine(String.valueOf(runId), connection.name(), CommandLine.user(),
                "Completed with problems"), log::toString);

        Result problems = run("problems", "--run", String.valueOf(runId));
        assertEquals(ExitCode.SUCCESS, problems.exitCode(), problems::toString);
        assertTrue(problems.hasLine(refused.number() + "  Failed"), problems::toString);
        assertTrue(problems.hasLine("Error: The scripted vendor refused invoice " + refused.number()),
                problems::toString);
        assertTrue(problems.hasLine("Test Books said: 6000 A business validation error"), problems::toString);
        assertFalse(problems.out().contains(accepted.number()), "an invoice without problems is not listed");
        JsonNode listed = run("problems", "--run", String.valueOf(runId), "--json").json().get("invoices");
        assertEquals(1, listed.size());
        assertEquals("6000", listed.get(0).get("problems").get(0).get("vendorCode").asText());
    }

    @Test
    void anExportThatGoesThroughExitsWithZero() throws Exception {
        Invoice invoice = firm.finalized(customer, "75.00");

        Result result = run("export", "--connection", connection.name(), "--invoice", invoice.number(), "--json");
        assertEquals(ExitCode.SUCCESS, result.exitCode(), result::toString);
        JsonNode document = result.json();
        assertEquals("COMPLETED", document.get("run").get("outcome").asText());
        assertEquals(1, document.get("run").get("exported").asInt());
        JsonNode exported = document.get("results").get(0);
        assertEquals("EXPORTED", exported.get("outcome").asText());
        assertEquals(invoice.number(), exported.get("external").get("number").asText(), "our number was sent");
        assertEquals(1, vendor.created(invoice.number()));

        Result again = run("export", "--connection", connection.name(), "--invoice", invoice.number(), "--json");
        assertEquals(ExitCode.SUCCESS, again.exitCode(), "an invoice exported already is skipped, not failed\n" + again);
        assertEquals("SKIPPED", again.json().get("results").get(0).get("outcome").asText());
        assertEquals(1, vendor.created(invoice.number()), "never sent twice");
    }

    @Test
    void anUnknownConnectionOrInvoiceCannotBeExported() throws Exception {
        Result connectionMissing = run("export", "--connection", "Nowhere Ltd", "--all-ready");
        assertEquals(ExitCode.CANNOT_RUN, connectionMissing.exitCode(), connectionMissing::toString);
        assertTrue(connectionMissing.err().contains("No connection named 'Nowhere Ltd'. Connections: "),
                connectionMissing::toString);
        assertTrue(connectionMissing.err().contains(connection.name()), connectionMissing::toString);

        Result invoiceMissing = run("export", "--connection", connection.name(), "--invoice", "NOPE-1", "NOPE-2");
        assertEquals(ExitCode.CANNOT_RUN, invoiceMissing.exitCode(), invoiceMissing::toString);
        assertTrue(invoiceMissing.err().contains("No invoices are numbered NOPE-1 and NOPE-2."), invoiceMissing::toString);
    }

    private static JsonNode invoice(JsonNode invoices, String number) {
        for (JsonNode invoice : invoices) {
            if (invoice.get("number").asText().equals(number)) {
                return invoice;
            }
        }
        throw new AssertionError("no invoice " + number + " in " + invoices);
    }
}
