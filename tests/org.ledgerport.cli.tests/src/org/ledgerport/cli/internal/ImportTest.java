package org.ledgerport.cli.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.cli.internal.CommandLine.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerport.cli.internal.CommandLine.Result;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

import com.fasterxml.jackson.databind.JsonNode;

/** Importing a CSV file in the format of docs/import-formats.md through the real importer and store. */
class ImportTest {

    private static final String HEADER = "InvoiceNumber,Status,CustomerName,Currency,IssueDate,DueDate,Description,"
            + "Quantity,UnitPrice,TaxCode\n";

    @TempDir
    Path folder;

    private InvoiceStore store;
    private Firm firm;

    @BeforeEach
    void openStore() throws InterruptedException {
        store = Osgi.service(InvoiceStore.class);
        firm = new Firm(store, "IMP"); // saves the tax code the files use
    }

    private Path csv(String name, String number, String quantity) throws IOException {
        String customer = Firm.unique("Brontë & Söhne");
        return Files.writeString(folder.resolve(name), HEADER + "%s,FINALIZED,\"%s\",EUR,2026-11-02,2026-12-02,"
                .formatted(number, customer) + "Bookkeeping (hours)," + quantity + ",80.00," + Firm.STANDARD.code()
                + "\n", UTF_8);
    }

    @Test
    void checksThenImportsAFile() throws Exception {
        String number = firm.number();
        Path file = csv("invoices.csv", number, "3");

        Result checked = run("import", file.toString(), "--check");
        assertEquals(ExitCode.SUCCESS, checked.exitCode(), checked::toString);
        assertTrue(checked.out().contains("can be imported: 1 invoice; 1 customer and 0 items would be created. "
                + "Nothing was saved (--check)."), checked::toString);
        assertTrue(store.findInvoiceByNumber(number).isEmpty(), "--check saves nothing");

        Result imported = run("import", file.toString());
        assertEquals(ExitCode.SUCCESS, imported.exitCode(), imported::toString);
        assertTrue(imported.out().contains("Imported 1 invoice from "), imported::toString);
        Invoice invoice = store.findInvoiceByNumber(number).orElseThrow();
        assertEquals(InvoiceStatus.FINALIZED, invoice.status());
        assertEquals("EUR 240.00", invoice.net().toString());
    }

    @Test
    void aFileWithAnErrorIsNotImportedAndTheLineIsNamed() throws Exception {
        String number = firm.number();
        Path file = csv("wrong.csv", number, "three");

        Result result = run("import", file.toString());
        assertEquals(ExitCode.FAILED, result.exitCode(), result::toString);
        assertTrue(result.out().contains("Nothing was imported from " + file + " ("), result::toString);
        assertTrue(result.hasLine("  line 2, Quantity: "), result::toString);
        assertTrue(store.findInvoiceByNumber(number).isEmpty(), "nothing of a wrong file is saved");

        JsonNode json = run("import", file.toString(), "--check", "--json").json();
        assertFalse(json.get("saved").asBoolean());
        assertTrue(json.get("checkOnly").asBoolean());
        assertEquals(2, json.get("errors").get(0).get("line").asInt());
        assertEquals("Quantity", json.get("errors").get(0).get("field").asText());
    }

    @Test
    void aFileThatIsNotThereCannotBeImported() throws Exception {
        Path missing = folder.resolve("missing.csv");
        Result result = run("import", missing.toString());
        assertEquals(ExitCode.CANNOT_RUN, result.exitCode(), result::toString);
        assertTrue(result.err().contains("There is no file " + missing.toAbsolutePath() + "."), result::toString);
    }
}
