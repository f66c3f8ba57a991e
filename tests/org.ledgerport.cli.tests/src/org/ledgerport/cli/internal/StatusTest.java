package org.ledgerport.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.cli.internal.CommandLine.run;
import static org.ledgerport.cli.internal.CommandLine.testBooksConnection;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ledgerport.cli.internal.CommandLine.Result;
import org.ledgerport.core.export.ExportService;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

import com.fasterxml.jackson.databind.JsonNode;

/** The status command's counts, against what the store and the engine say. */
class StatusTest {

    @Test
    void countsInvoicesByStatusAndThoseReadyForAConnection() throws Exception {
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        Firm firm = new Firm(store, "ST");
        Connection connection = testBooksConnection();
        int readyBefore = Osgi.service(ExportService.class).ready(connection.id()).size();
        int finalizedBefore = store.invoiceIds(InvoiceStatus.FINALIZED).size();

        JsonNode before = status(connection);
        assertEquals(finalizedBefore, before.get("invoices").get("FINALIZED").asInt());
        assertEquals(readyBefore, before.get("ready").get(0).get("ready").asInt());

        firm.finalized(firm.customer("Status Check Ltd"), "10.00");
        firm.draft(firm.customer("Status Check Ltd"), "10.00");
        JsonNode after = status(connection);
        assertEquals(finalizedBefore + 1, after.get("invoices").get("FINALIZED").asInt());
        assertEquals(before.get("invoices").get("DRAFT").asInt() + 1, after.get("invoices").get("DRAFT").asInt());
        assertEquals(before.get("total").asInt() + 2, after.get("total").asInt());
        JsonNode ready = after.get("ready").get(0);
        assertEquals(connection.name(), ready.get("connection").asText());
        assertTrue(ready.get("installed").asBoolean());
        assertEquals(readyBefore + 1, ready.get("ready").asInt(), "a newly finalized invoice is ready");

        Result text = run("status");
        assertEquals(ExitCode.SUCCESS, text.exitCode(), text::toString);
        assertTrue(text.hasLineMatching(" +Finalized +" + (finalizedBefore + 1)), text::toString);
        assertTrue(text.hasLine("Ready to export"), text::toString);
        assertTrue(text.hasLineMatching(" +" + Pattern.quote(connection.name()) + " +" + (readyBefore + 1) + " +Test Books"),
                text::toString);
    }

    @Test
    void anUnknownConnectionHasNoStatus() throws Exception {
        Result result = run("status", "--connection", Firm.unique("Nowhere"));
        assertEquals(ExitCode.CANNOT_RUN, result.exitCode(), result::toString);
        assertTrue(result.err().contains("No connection named 'Nowhere "), result::toString);
    }

    private static JsonNode status(Connection connection) throws InterruptedException {
        Result result = run("status", "--connection", connection.name(), "--json");
        assertEquals(ExitCode.SUCCESS, result.exitCode(), result::toString);
        assertEquals(1, result.json().get("ready").size(), "--connection shows that connection only");
        return result.json();
    }
}
