package org.ledgerport.connector.file.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.connector.file.tests.Fixtures.USD;
import static org.ledgerport.connector.file.tests.Fixtures.created;
import static org.ledgerport.connector.file.tests.Fixtures.customer;
import static org.ledgerport.connector.file.tests.Fixtures.exemptCustomer;
import static org.ledgerport.connector.file.tests.Fixtures.iifMappings;
import static org.ledgerport.connector.file.tests.Fixtures.iifSettings;
import static org.ledgerport.connector.file.tests.Fixtures.onlyFile;
import static org.ledgerport.connector.file.tests.Fixtures.outgoing;
import static org.ledgerport.connector.file.tests.Fixtures.push;
import static org.ledgerport.connector.file.tests.Fixtures.sampleInvoice;

import java.math.BigDecimal;
import java.nio.charset.Charset;
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
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.TaxMode;

/** The QuickBooks Desktop IIF file, row by row and column by column. */
class IifFileTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String NAME = "O'Keefe & Søn Ltd";

    @TempDir
    Path folder;

    @Test
    void writesEachInvoiceAsATransactionOfReceivableLinesChargesAndTax() throws Exception {
        Customer customer = customer(7, NAME, USD);
        OutgoingInvoice invoice = outgoing(sampleInvoice(41, "1001", customer), customer, "1001");

        List<PushResult> results = push(connection(), invoice);

        Path file = onlyFile(folder, ".iif");
        List<List<String>> rows = rows(file);
        assertEquals(List.of("!TRNS", "TRNSID", "TRNSTYPE", "DATE", "ACCNT", "NAME", "AMOUNT", "DOCNUM", "MEMO",
                "TOPRINT", "NAMEISTAXABLE", "ADDR1", "ADDR2", "ADDR3", "ADDR4", "ADDR5", "DUEDATE"), rows.get(0));
        assertEquals(List.of("!SPL", "SPLID", "TRNSTYPE", "DATE", "ACCNT", "NAME", "AMOUNT", "DOCNUM", "MEMO",
                "PRICE", "QNTY", "INVITEM", "TAXABLE", "EXTRA"), rows.get(1));
        assertEquals(List.of("!ENDTRNS"), rows.get(2));
        assertEquals(List.of("TRNS", "", "INVOICE", "03/14/2026", "Accounts Receivable", NAME, "427.48", "1001",
                "LP-41", "N", "Y", NAME, "12 Quay Street", "Unit 4", "Cork, T12 X8Y2", "Ireland", "04/13/2026"),
                rows.get(3), "the receivable: the invoice's total, our reference in the memo");
        assertEquals(spl("Consulting Income", "-270.00", "Consulting", "90.00", "-3", "CONSULT", "Y", ""),
                rows.get(4), "a line 10 % off goes out at its net rate, so quantity times rate is its amount");
        assertEquals(spl("Book Sales", "-49.98", "Field guide", "24.99", "-2", "GUIDE", "Y", ""), rows.get(5));
        assertEquals(spl("Sales", "-45.00", "Site visit", "45.00", "-1", "", "N", ""), rows.get(6),
                "a line without an item or a mapped account goes to the default income account, untaxed");
        assertEquals(spl("Shipping Income", "-15.00", "Freight", "15.00", "-1", "", "Y", ""), rows.get(7));
        assertEquals(spl("Shipping Income", "10.00", "Discount", "-10.00", "-1", "", "Y", ""), rows.get(8),
                "a discount off the total has the opposite sign");
        assertEquals(spl("Sales Tax Payable", "-55.00", "Standard rate", "20%", "", "State Tax", "N", ""),
                rows.get(9), "tax per tax code as the core computed it, with the mapped sales tax item");
        assertEquals(spl("Sales Tax Payable", "-2.50", "Reduced rate", "5%", "", "County Tax", "N", "AUTOSTAX"),
                rows.get(10), "the last tax row is the invoice's sales tax line");
        assertEquals(List.of("ENDTRNS"), rows.get(11));
        assertEquals(12, rows.size());
        assertEquals(invoice.totals().total().amount(), new BigDecimal(rows.get(3).get(6)));
        assertTransactionsBalance(rows);

        ExternalInvoice external = created(results, "LP-41").external();
        assertEquals(file.getFileName() + "#LP-41", external.externalId());
        assertEquals("1001", external.number());
        assertEquals(Fixtures.ISSUED, external.date());
        assertEquals(file.toAbsolutePath() + ", rows 4-12", external.location());
    }

    @Test
    void isWindows1252WithCrlfAndEveryTransactionAddsUpToZero() throws Exception {
        Customer okeefe = customer(7, NAME, USD);
        Customer church = exemptCustomer(9, "Église Saint-Étienne", USD);
        Invoice uneven = Fixtures.invoice(45, "1005", okeefe, TaxMode.PER_DOCUMENT,
                List.of(Fixtures.line(Fixtures.CONSULTING, "7", "9.99", USD, "15"),
                        Fixtures.line(Fixtures.GUIDE, "3", "0.35", USD, "0")),
                List.of());

        push(connection(), outgoing(sampleInvoice(41, "1001", okeefe), okeefe, "1001"),
                outgoing(sampleInvoice(44, "1004", church), church, "1004"), outgoing(uneven, okeefe, "1005"));

        Path file = onlyFile(folder, ".iif");
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(Bytes.contains(bytes, new byte[] { 'S', (byte) 0xF8, 'n' }), "ø is one byte, 0xF8");
        assertTrue(Bytes.contains(bytes, new byte[] { (byte) 0xC9, 'g', 'l', 'i', 's', 'e' }), "É is 0xC9");
        String text = new String(bytes, WINDOWS_1252);
        assertTrue(text.endsWith("ENDTRNS\r\n"));
        assertFalse(text.replace("\r\n", "").contains("\n"), "every row ends in CRLF");
        assertFalse(text.replace("\r\n", "").contains("\r"), "every row ends in CRLF");

        List<List<String>> rows = rows(file);
        assertTransactionsBalance(rows);
        List<List<String>> church1004 = transaction(rows, "1004");
        assertEquals("N", church1004.get(0).get(10), "a tax-exempt customer's name is not taxable");
        assertEquals(6, church1004.size(), "no tax rows: TRNS, three lines, two charges");
        assertTrue(church1004.stream().skip(1).allMatch(r -> r.get(12).equals("N")), "no line is taxable");

        List<List<String>> uneven1005 = transaction(rows, "1005");
        assertEquals("-59.44", uneven1005.get(1).get(6), "our line amount, exactly");
        assertEquals("8.49143", uneven1005.get(1).get(9), "the net rate, to five decimals");
        assertEquals("-1.05", uneven1005.get(2).get(6));
        assertEquals(List.of("-11.89", "-0.05"), uneven1005.subList(3, 5).stream().map(r -> r.get(6)).toList(),
                "tax per code rounded once per invoice, as the invoice says");
    }

    private Connection connection() {
        return Fixtures.connection(iifSettings(folder), iifMappings(), NumberingPolicy.OURS);
    }

    private static List<String> spl(String account, String amount, String memo, String price, String quantity,
            String item, String taxable, String extra) {
        return List.of("SPL", "", "INVOICE", "03/14/2026", account, "", amount, "1001", memo, price, quantity, item,
                taxable, extra);
    }

    /** Adds up the TRNS and SPL amounts of every transaction; each must come to zero. */
    private static void assertTransactionsBalance(List<List<String>> rows) {
        BigDecimal sum = null;
        int transactions = 0;
        for (List<String> row : rows) {
            switch (row.get(0)) {
                case "TRNS" -> sum = new BigDecimal(row.get(6));
                case "SPL" -> sum = sum.add(new BigDecimal(row.get(6)));
                case "ENDTRNS" -> {
                    assertEquals(0, sum.signum(), "a transaction adds up to " + sum);
                    transactions++;
                }
                default -> assertTrue(row.get(0).startsWith("!"), "only header rows besides: " + row);
            }
        }
        assertTrue(transactions > 0);
    }

    /** The TRNS and SPL rows of the invoice with the number. */
    private static List<List<String>> transaction(List<List<String>> rows, String number) {
        List<List<String>> transaction = new ArrayList<>();
        for (List<String> row : rows) {
            if ((row.get(0).equals("TRNS") || row.get(0).equals("SPL")) && row.get(7).equals(number)) {
                transaction.add(row);
            }
        }
        return transaction;
    }

    static List<List<String>> rows(Path file) throws Exception {
        String text = new String(Files.readAllBytes(file), WINDOWS_1252);
        return text.lines().map(line -> List.of(line.split("\t", -1))).toList();
    }
}
