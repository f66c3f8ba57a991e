package org.ledgerport.importer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerport.core.importing.ImportError;
import org.ledgerport.core.importing.ImportReport;
import org.ledgerport.core.importing.InvoiceImporter;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.testing.support.Osgi;

/**
 * Wrong files are reported in full, every error with its line and field and what was expected, and nothing of
 * them is saved. The tests share the module's database, so their invoice numbers and customers carry a token
 * of their own run.
 */
class ImportErrorsTest {

    private static final String CSV_HEADER = "InvoiceNumber,CustomerName,Currency,IssueDate,DueDate,Description,"
            + "Quantity,UnitPrice\n";

    @TempDir
    Path folder;

    private final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);

    @Test
    void aCsvFileWithBadRowsReportsEveryOneWithItsLineAndFieldAndSavesNothing() throws Exception {
        InvoiceImporter importer = Osgi.service(InvoiceImporter.class);
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        String good = "G-" + run;
        String customer = "Bad Rows Ltd " + run;
        Path file = write("bad-rows.csv", """
                InvoiceNumber,Status,CustomerName,Currency,IssueDate,DueDate,Description,Quantity,UnitPrice,DiscountPercent,TaxCode
                %1$s,FINALIZED,%2$s,GBP,2026-11-02,2026-12-02,Design,2,50.00,,
                %1$s,FINALIZED,%2$s,GBP,2026-11-02,2026-12-02,Print,1,20.00,,
                B1-%3$s,DRAFT,%2$s,GBP,2026-11-02,2026-12-02,Design,1,"12,50",,
                B2-%3$s,DRAFT,%2$s,GBP,14/03/2026,2026-12-02,Design,1,12.50,,
                B3-%3$s,DRAFT,%2$s,EURO,2026-11-02,2026-12-02,Design,1,12.50,,
                B4-%3$s,DRAFT,%2$s,GBP,2026-11-02,2026-12-02,Design,1,12.50,,VAT21
                B5-%3$s,DRAFT,%2$s,GBP,2026-11-02,2026-12-02,Design,1,12.50,,
                B5-%3$s,DRAFT,%2$s,GBP,2026-11-02,2026-12-03,Print,1,12.50,,
                B6-%3$s,PAID,%2$s,GBP,2026-11-02,2026-12-02,Design,1,12.50,,
                B7-%3$s,DRAFT,%2$s,GBP,2026-11-02,2026-12-02,Design,1,12.505,,
                B8-%3$s,DRAFT,%2$s,GBP,2026-11-02,2026-12-02,Design,two,12.50,120,
                """.formatted(good, customer, run));
        int before = store.listInvoices().size();

        ImportReport report = importer.importFile(file);

        assertFalse(report.saved());
        assertEquals(9, report.invoices());
        assertEquals(List.of("4 UnitPrice", "5 IssueDate", "6 Currency", "7 TaxCode", "9 DueDate", "10 Status",
                "11 UnitPrice", "12 Quantity", "12 DiscountPercent"), where(report.errors()));
        assertEquals(new ImportError(4, "UnitPrice", "'12,50' is not a number; write 12.50"), report.errors().get(0));
        assertEquals("line 4, UnitPrice: '12,50' is not a number; write 12.50", report.errors().get(0).toString());
        assertMentions(report.errors().get(1), "write 2026-03-14");
        assertMentions(report.errors().get(2), "ISO 4217");
        assertMentions(report.errors().get(3), "'VAT21' is not a tax code");
        assertMentions(report.errors().get(4), "'2026-12-03' differs from '2026-12-02' on line 8");
        assertMentions(report.errors().get(5), "write DRAFT or FINALIZED");
        assertMentions(report.errors().get(6), "round it, e.g. to 12.51");
        assertMentions(report.errors().get(7), "'two' is not a number");
        assertMentions(report.errors().get(8), "between 0 and 100");

        assertEquals(before, store.listInvoices().size(), "nothing of the file is saved");
        assertTrue(store.findInvoiceByNumber(good).isEmpty(), "not even its good invoice");
        assertTrue(store.listCustomers().stream().noneMatch(c -> c.name().equals(customer)));
    }

    @Test
    void aJsonFileWithBadFieldsReportsEveryOneWithItsLineAndFieldAndSavesNothing() throws Exception {
        InvoiceImporter importer = Osgi.service(InvoiceImporter.class);
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        String number = "J1-" + run;
        Path file = write("bad-fields.json", """
                {
                  "invoices": [
                    {
                      "number": "%s",
                      "customer": { "name": "Json Fields Ltd %s", "email": "not an address" },
                      "currency": "GBP",
                      "issueDate": "2026-11-02",
                      "dueDate": "2026-10-02",
                      "lines": [
                        { "description": "Design", "quantity": 1, "unitprice": "10.00" },
                        { "quantity": 2, "unitPrice": 5.005 }
                      ],
                      "charges": [ { "kind": "SHIPPING", "amount": "-3.00" } ]
                    }
                  ]
                }
                """.formatted(number, run));
        int before = store.listInvoices().size();

        ImportReport report = importer.importFile(file);

        assertFalse(report.saved());
        assertEquals(List.of("5 email", "8 dueDate", "10 unitprice", "10 unitPrice", "11 description",
                "11 unitPrice", "13 kind", "13 amount"), where(report.errors()));
        assertMentions(report.errors().get(1), "before the issue date 2026-11-02");
        assertMentions(report.errors().get(2), "did you mean unitPrice?");
        assertMentions(report.errors().get(5), "'5.005' has 3 decimals but GBP amounts have 2");
        assertMentions(report.errors().get(6), "write FREIGHT, HANDLING or DISCOUNT");
        assertMentions(report.errors().get(7), "positive");
        assertEquals(before, store.listInvoices().size());
        assertTrue(store.findInvoiceByNumber(number).isEmpty());
    }

    @Test
    void anInvoiceNumberAlreadyInTheDatabaseIsRefusedWithItsLineAndNothingIsSaved() throws Exception {
        InvoiceImporter importer = Osgi.service(InvoiceImporter.class);
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        String first = "D1-" + run;
        String second = "D2-" + run;
        String customer = "Twice Imported Ltd " + run;
        ImportReport imported = importer.importFile(write("first.csv", CSV_HEADER + """
                %s,%s,GBP,2026-11-02,2026-12-02,Design,1,80.00
                """.formatted(first, customer)));
        assertEquals(List.of(), imported.errors());
        assertTrue(imported.saved());
        int before = store.listInvoices().size();

        ImportReport again = importer.importFile(write("again.csv", CSV_HEADER + """
                %s,%s,GBP,2026-11-03,2026-12-03,Print,1,40.00
                %s,%s,GBP,2026-11-02,2026-12-02,Design,1,80.00
                """.formatted(second, customer, first, customer)));

        assertFalse(again.saved());
        assertEquals(List.of("3 InvoiceNumber"), where(again.errors()));
        assertMentions(again.errors().getFirst(), "invoice " + first + " is already in Ledgerport");
        assertEquals(before, store.listInvoices().size());
        assertTrue(store.findInvoiceByNumber(second).isEmpty(), "the new invoice of the refused file is not saved");
    }

    @Test
    void aFileOfAnotherKindGetsOneClearError() throws Exception {
        ImportReport report = Osgi.service(InvoiceImporter.class).importFile(write("invoices.xlsx", "PK"));

        assertFalse(report.saved());
        assertEquals(1, report.errors().size());
        assertEquals(0, report.errors().getFirst().line());
        assertMentions(report.errors().getFirst(), "from .csv and .json files, and invoices.xlsx is neither");
    }

    @Test
    void anEmptyFileGetsOneClearError() throws Exception {
        InvoiceImporter importer = Osgi.service(InvoiceImporter.class);
        for (Path file : List.of(write("empty.csv", ""), write("empty.json", " \n"))) {
            ImportReport report = importer.importFile(file);

            assertFalse(report.saved());
            assertEquals(1, report.errors().size(), file + ": " + report.errors());
            assertEquals(0, report.errors().getFirst().line());
            assertMentions(report.errors().getFirst(), "the file is empty; expected ");
        }
    }

    @Test
    void malformedJsonGetsOneErrorAtItsLine() throws Exception {
        ImportReport report = Osgi.service(InvoiceImporter.class).importFile(write("malformed.json", """
                {
                  "invoices": [
                    { "number": "M-%s"
                      "status": "DRAFT" }
                  ]
                }
                """.formatted(run)));

        assertFalse(report.saved());
        assertEquals(1, report.errors().size(), report.errors().toString());
        assertEquals(4, report.errors().getFirst().line(), "Jackson stops at the field after the missing comma");
        assertMentions(report.errors().getFirst(), "is not valid JSON");
        assertMentions(report.errors().getFirst(), "missing comma");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static List<String> where(List<ImportError> errors) {
        return errors.stream().map(e -> e.line() + " " + e.field()).toList();
    }

    private static void assertMentions(ImportError error, String words) {
        assertTrue(error.message().contains(words), "'" + words + "' is not in: " + error);
    }
}
