package org.ledgerport.connector.file.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.connector.file.tests.Fixtures.GBP;
import static org.ledgerport.connector.file.tests.Fixtures.created;
import static org.ledgerport.connector.file.tests.Fixtures.customer;
import static org.ledgerport.connector.file.tests.Fixtures.exemptCustomer;
import static org.ledgerport.connector.file.tests.Fixtures.onlyFile;
import static org.ledgerport.connector.file.tests.Fixtures.outgoing;
import static org.ledgerport.connector.file.tests.Fixtures.push;
import static org.ledgerport.connector.file.tests.Fixtures.sampleInvoice;
import static org.ledgerport.connector.file.tests.Fixtures.xeroMappings;
import static org.ledgerport.connector.file.tests.Fixtures.xeroSettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.connector.PushResult;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.NumberingPolicy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/** The Xero sales invoice import file, column by column. */
class XeroCsvFileTest {

    private static final String HEADER = "*ContactName,EmailAddress,POAddressLine1,POAddressLine2,POAddressLine3,"
            + "POAddressLine4,POCity,PORegion,POPostalCode,POCountry,*InvoiceNumber,Reference,*InvoiceDate,"
            + "*DueDate,InventoryItemCode,*Description,*Quantity,*UnitAmount,Discount,*AccountCode,*TaxType,"
            + "TrackingName1,TrackingOption1,TrackingName2,TrackingOption2,Currency,BrandingTheme";

    private static final String NAME = "O'Keefe & Søn Ltd";

    @TempDir
    Path folder;

    @Test
    void writesOneRowPerLineAndPerChargeWithEveryColumnAsXeroReadsIt() throws Exception {
        Customer customer = customer(7, NAME, GBP);
        OutgoingInvoice invoice = outgoing(sampleInvoice(41, "1001", customer), customer, "1001");

        List<PushResult> results = push(connection(), invoice);

        Path file = onlyFile(folder, ".csv");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(HEADER + "\r\n"), "the header row is Xero's, exactly: " + text.lines().findFirst());
        List<String[]> rows = rows(file);
        assertEquals(6, rows.size(), "the header, three lines and two charges");

        List<String> contact = List.of(NAME, "accounts@example.com", "12 Quay Street", "Unit 4", "", "", "Cork", "",
                "T12 X8Y2", "Ireland", "1001", "LP-41", "14/03/2026", "13/04/2026");
        assertRow(contact, List.of("CONSULT", "Consulting", "3", "100.00", "10", "200", "20% (VAT on Income)", "",
                "", "", "", "GBP", ""), rows.get(1));
        assertRow(contact, List.of("GUIDE", "Field guide", "2", "24.99", "", "210", "5% (VAT on Income)", "", "",
                "", "", "GBP", ""), rows.get(2));
        assertRow(contact, List.of("", "Site visit", "1", "45.00", "", "260", "No VAT", "", "", "", "", "GBP", ""),
                rows.get(3));
        assertRow(contact, List.of("", "Freight", "1", "15.00", "", "475", "20% (VAT on Income)", "", "", "", "",
                "GBP", ""), rows.get(4));
        assertRow(contact, List.of("", "Discount", "1", "-10.00", "", "475", "20% (VAT on Income)", "", "", "", "",
                "GBP", ""), rows.get(5));

        ExternalInvoice external = created(results, "LP-41").external();
        assertEquals(file.getFileName() + "#LP-41", external.externalId());
        assertEquals("1001", external.number());
        assertEquals(Fixtures.ISSUED, external.date());
        assertEquals("", external.syncToken());
        assertEquals(file.toAbsolutePath() + ", rows 2-6", external.location());
    }

    @Test
    void isUtf8WithCrlfRowsAndQuotesOnlyWhatRfc4180Needs() throws Exception {
        Customer cafe = customer(8, "Zoë's Café, \"Le Bistro\"", GBP);
        Customer okeefe = customer(7, NAME, GBP);

        push(connection(), outgoing(sampleInvoice(42, "1002", cafe), cafe, "1002"),
                outgoing(sampleInvoice(43, "1003", okeefe), okeefe, "1003"));

        byte[] bytes = Files.readAllBytes(onlyFile(folder, ".csv"));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals('*', bytes[0], "no byte order mark before the header");
        assertTrue(Bytes.contains(bytes, new byte[] { 'Z', 'o', (byte) 0xC3, (byte) 0xAB }), "UTF-8: ë is two bytes");
        assertFalse(text.replace("\r\n", "").contains("\n"), "every row ends in CRLF");
        assertTrue(text.contains("\r\n\"Zoë's Café, \"\"Le Bistro\"\"\",accounts@example.com,"),
                "a name with a comma and quotes is quoted, its quotes doubled");
        assertTrue(text.contains("\r\nO'Keefe & Søn Ltd,accounts@example.com,"),
                "a name with an apostrophe and an ampersand needs no quotes");
        List<String[]> rows = rows(onlyFile(folder, ".csv"));
        assertEquals(11, rows.size(), "two invoices of five rows and the header");
        assertEquals("Zoë's Café, \"Le Bistro\"", rows.get(1)[0], "the name reads back as written");
        assertEquals(List.of("1002", "1002", "1002", "1002", "1002", "1003", "1003", "1003", "1003", "1003"),
                rows.subList(1, 11).stream().map(r -> r[10]).toList(), "each invoice's number on each of its rows");
    }

    @Test
    void givesEveryLineOfATaxExemptCustomerTheUntaxedRate() throws Exception {
        Customer church = exemptCustomer(9, "Église Saint-Étienne", GBP);

        push(connection(), outgoing(sampleInvoice(44, "1004", church), church, "1004"));

        List<String[]> rows = rows(onlyFile(folder, ".csv"));
        assertEquals(List.of("No VAT", "No VAT", "No VAT", "No VAT", "No VAT"),
                rows.subList(1, rows.size()).stream().map(r -> r[20]).toList());
    }

    private Connection connection() {
        return Fixtures.connection(xeroSettings(folder), xeroMappings(), NumberingPolicy.OURS);
    }

    private static void assertRow(List<String> contact, List<String> line, String[] row) {
        List<String> expected = new ArrayList<>(contact);
        expected.addAll(line);
        assertEquals(expected, List.of(row));
    }

    /** The file as a CSV reader sees it, the header included. */
    static List<String[]> rows(Path file) throws Exception {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(file.toFile())) {
            return rows.readAll();
        }
    }
}
