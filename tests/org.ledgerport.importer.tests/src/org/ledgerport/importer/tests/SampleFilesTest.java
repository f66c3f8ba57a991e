package org.ledgerport.importer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.ledgerport.core.importing.ImportReport;
import org.ledgerport.core.importing.InvoiceImporter;
import org.ledgerport.core.model.Address;
import org.ledgerport.core.model.Charge;
import org.ledgerport.core.model.ChargeKind;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.InvoiceTotals;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.model.TaxMode;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.testing.support.Osgi;

/**
 * The sample files published with the import formats (docs/samples) import into the real store and read back
 * exactly: every line, charge, amount and status, and the customers and items they bring.
 */
class SampleFilesTest {

    private static final Currency GBP = Currency.getInstance("GBP");
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void theJsonSampleImportsWithItsTaxCodesCustomersAndItems() throws Exception {
        InvoiceImporter importer = Osgi.service(InvoiceImporter.class);
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        Path file = sample("invoices.json");

        ImportReport checked = importer.check(file);
        assertEquals(List.of(), checked.errors());
        assertFalse(checked.saved());
        assertEquals(3, checked.invoices());
        assertTrue(store.findInvoiceByNumber("BS-2026-0201").isEmpty(), "a check saves nothing");

        ImportReport report = importer.importFile(file);
        assertEquals(List.of(), report.errors());
        assertTrue(report.saved());
        assertEquals(3, report.invoices());
        assertEquals(3, report.customersCreated());
        assertEquals(3, report.itemsCreated());

        Map<String, TaxCode> taxCodes = taxCodes(store);
        assertEquals(new TaxCode("S20", "Standard rate", new BigDecimal("20")), taxCodes.get("S20"));
        assertEquals(new TaxCode("R5", "Reduced rate", new BigDecimal("5")), taxCodes.get("R5"));
        assertEquals(new TaxCode("EX", "Exempt", BigDecimal.ZERO), taxCodes.get("EX"));

        Customer bronte = customer(store, "Brontë & Daughters Ltd");
        assertEquals(new Customer(bronte.id(), "Brontë & Daughters Ltd", "accounts@bronte-daughters.example",
                new Address("3 Parsonage Lane", "", "Haworth", "West Yorkshire", "BD22 8DR", "GB"), false, GBP),
                bronte);
        Customer hospice = customer(store, "St Mary's Hospice Trust");
        assertTrue(hospice.taxExempt());
        Customer an = customer(store, "Nguyễn Văn An");
        assertEquals(new Customer(an.id(), "Nguyễn Văn An", "an.nguyen@example.org",
                new Address("Keizersgracht 12", "", "Amsterdam", "", "1015 CR", "NL"), false, EUR), an);

        Item cards = store.findItem("CARDS-100").orElseThrow();
        assertEquals(new Item(cards.id(), "CARDS-100", "Business cards, box of 100", gbp("45.00"), "4010", "S20"),
                cards);

        Invoice website = store.findInvoiceByNumber("BS-2026-0201").orElseThrow();
        assertEquals(InvoiceStatus.FINALIZED, website.status());
        assertEquals(new InvoiceDraft("BS-2026-0201", bronte.id(), LocalDate.of(2026, 10, 20),
                LocalDate.of(2026, 11, 19), GBP, List.of(
                        new InvoiceLine("WEB-HR", "Web design (hours)", new BigDecimal("10"), gbp("90.00"),
                                BigDecimal.ZERO, "S20"),
                        new InvoiceLine("CARDS-100", "Business cards, box of 100", new BigDecimal("3"), gbp("45.00"),
                                new BigDecimal("12.5"), "S20"),
                        new InvoiceLine("POSTAGE", "Royal Mail postage", BigDecimal.ONE, gbp("4.20"), BigDecimal.ZERO,
                                "EX")),
                List.of(new Charge(ChargeKind.HANDLING, "Packing", gbp("5.00"), "S20")), "Website refresh, phase 1",
                TaxMode.PER_DOCUMENT), website.draft());
        assertEquals(gbp("1027.33"), website.net());
        assertEquals(gbp("1231.96"), InvoiceTotals.of(website, taxCodes, false).total());

        Invoice draft = store.findInvoiceByNumber("BS-2026-0202").orElseThrow();
        assertEquals(InvoiceStatus.DRAFT, draft.status());
        assertEquals(new InvoiceDraft("BS-2026-0202", an.id(), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 17),
                EUR, List.of(new InvoiceLine("WEB-HR", "Web design (hours)", new BigDecimal("4"), eur("100.00"),
                        BigDecimal.ZERO, "Z0")),
                List.of(), "", TaxMode.PER_LINE), draft.draft());

        Invoice leaflets = store.findInvoiceByNumber("BS-2026-0203").orElseThrow();
        assertEquals(InvoiceStatus.FINALIZED, leaflets.status());
        assertEquals(new InvoiceDraft("BS-2026-0203", hospice.id(), LocalDate.of(2026, 11, 10),
                LocalDate.of(2026, 12, 10), GBP, List.of(
                        new InvoiceLine("CARDS-100", "Business cards, box of 100", new BigDecimal("2"), gbp("45.00"),
                                BigDecimal.ZERO, "S20"),
                        new InvoiceLine("", "Leaflet design", new BigDecimal("1.5"), gbp("60.00"), BigDecimal.ZERO,
                                "S20")),
                List.of(new Charge(ChargeKind.DISCOUNT, "Charity discount", gbp("9.00"), "S20"),
                        new Charge(ChargeKind.FREIGHT, "Freight", gbp("7.95"), "S20")),
                "Christmas fair leaflets", TaxMode.PER_LINE), leaflets.draft());
        assertEquals(gbp("178.95"), leaflets.net());
        assertEquals(gbp("178.95"), InvoiceTotals.of(leaflets, taxCodes, hospice.taxExempt()).total(),
                "the hospice pays no tax");
    }

    @Test
    void theCsvSampleImportsWithItsChargesQuotedValuesAndNewItems() throws Exception {
        InvoiceImporter importer = Osgi.service(InvoiceImporter.class);
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        // A CSV file brings no tax codes: the firm has them before it imports.
        store.saveTaxCode(new TaxCode("S20", "Standard rate", new BigDecimal("20")));
        store.saveTaxCode(new TaxCode("Z0", "Zero rate", BigDecimal.ZERO));

        ImportReport report = importer.importFile(sample("invoices.csv"));
        assertEquals(List.of(), report.errors());
        assertTrue(report.saved());
        assertEquals(4, report.invoices());
        assertEquals(4, report.customersCreated());
        assertEquals(6, report.itemsCreated());

        Customer okeefe = customer(store, "O'Keefe & Søn Ltd");
        assertEquals(new Customer(okeefe.id(), "O'Keefe & Søn Ltd", "accounts@okeefe-son.example", Address.NONE,
                false, GBP), okeefe);
        assertEquals(EUR, customer(store, "Müller & Co. KG").currency());
        assertEquals("", customer(store, "Café Zoë").email());
        Item flyers = store.findItem("PRINT-A5").orElseThrow();
        assertEquals(new Item(flyers.id(), "PRINT-A5", "Flyers, A5 colour, box of 500", gbp("62.40"), "", "S20"),
                flyers, "a new item is made from the first line that names it");

        Invoice brochure = store.findInvoiceByNumber("BS-2026-0101").orElseThrow();
        assertEquals(InvoiceStatus.FINALIZED, brochure.status());
        assertEquals(new InvoiceDraft("BS-2026-0101", okeefe.id(), LocalDate.of(2026, 10, 5),
                LocalDate.of(2026, 11, 4), GBP, List.of(
                        new InvoiceLine("DESIGN-HR", "Brochure design (hours)", new BigDecimal("7.5"), gbp("85.00"),
                                BigDecimal.ZERO, "S20"),
                        new InvoiceLine("PRINT-A5", "Flyers, A5 colour, box of 500", new BigDecimal("4"),
                                gbp("62.40"), BigDecimal.TEN, "S20")),
                List.of(new Charge(ChargeKind.FREIGHT, "Courier, next day", gbp("18.50"), "S20")),
                "Thank you for your order, as always", TaxMode.PER_LINE), brochure.draft());
        assertEquals(gbp("880.64"), brochure.net());
        assertEquals(gbp("1056.77"), InvoiceTotals.of(brochure, taxCodes(store), false).total());

        Invoice consultation = store.findInvoiceByNumber("BS-2026-0102").orElseThrow();
        assertEquals(List.of(new Charge(ChargeKind.DISCOUNT, "Loyalty discount", eur("20.00"), "Z0"),
                new Charge(ChargeKind.HANDLING, "Handling", eur("6.50"), "Z0")), consultation.charges());
        assertEquals(TaxMode.PER_DOCUMENT, consultation.taxMode());
        assertEquals(eur("366.40"), consultation.net());

        Invoice menu = store.findInvoiceByNumber("BS-2026-0103").orElseThrow();
        assertEquals(InvoiceStatus.DRAFT, menu.status());
        assertEquals("Reprint of the \"Autumn\" menu", menu.memo());
        assertEquals(List.of(
                new InvoiceLine("PRINT-MENU", "Menu cards, A4, laminated", new BigDecimal("40"), gbp("3.15"),
                        new BigDecimal("5"), "S20"),
                new InvoiceLine("", "Rush fee", BigDecimal.ONE, gbp("25.00"), BigDecimal.ZERO, "S20")), menu.lines());
        assertEquals(gbp("144.70"), menu.net());

        Invoice logo = store.findInvoiceByNumber("BS-2026-0104").orElseThrow();
        assertEquals("Logo and letterhead.\nPayment by bank transfer, please.", logo.memo());
        assertEquals(eur("1320.00"), logo.net());
    }

    static Path sample(String name) {
        String folder = System.getProperty("ledgerport.samples");
        assertNotNull(folder, "the test runtime names the samples folder in the system property ledgerport.samples");
        Path file = Path.of(folder, name);
        assertTrue(Files.isRegularFile(file), "no sample file " + file);
        return file;
    }

    private static Customer customer(InvoiceStore store, String name) {
        return store.listCustomers().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no customer " + name));
    }

    private static Map<String, TaxCode> taxCodes(InvoiceStore store) {
        return store.listTaxCodes().stream().collect(Collectors.toMap(TaxCode::code, Function.identity()));
    }

    private static Money gbp(String amount) {
        return new Money(new BigDecimal(amount), GBP);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), EUR);
    }
}
