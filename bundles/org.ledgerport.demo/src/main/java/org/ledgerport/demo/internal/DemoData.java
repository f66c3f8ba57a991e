package org.ledgerport.demo.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.ledgerport.core.model.Address;
import org.ledgerport.core.model.Charge;
import org.ledgerport.core.model.ChargeKind;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.model.TaxMode;
import org.ledgerport.core.store.ImportBatch;
import org.ledgerport.core.store.ImportBatch.ImportedInvoice;

/**
 * Harbour Lane Studio, a design and print studio in Bristol that invoices British customers in pounds and
 * customers in the euro area in euros. Everything is drawn from a fixed seed, so the firm is the same every
 * time it is made; only the dates move with the day it is made on.
 */
final class DemoData {

    static final int INVOICES = 200;

    private static final long SEED = 18_472_026L;
    private static final Currency GBP = Currency.getInstance("GBP");
    private static final Currency EUR = Currency.getInstance("EUR");
    /** The rate the studio prices its euro quotes at. */
    private static final BigDecimal EUR_PER_GBP = new BigDecimal("1.15");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    /** How many days back the invoices reach from the day the firm is made. */
    private static final int HISTORY_DAYS = 180;

    /** Services to customers abroad are zero-rated; every euro line and charge uses this code. */
    private static final String ZERO_RATED = "Z0";

    static final List<TaxCode> TAX_CODES = List.of(
            new TaxCode("S20", "Standard rate", new BigDecimal("20")),
            new TaxCode("R5", "Reduced rate", new BigDecimal("5")),
            new TaxCode(ZERO_RATED, "Zero rate", BigDecimal.ZERO),
            new TaxCode("EX", "Exempt", BigDecimal.ZERO));

    /** The studio's tax codes as Xero's standard UK tax rates name them. */
    /** The tax code the demo connection does not map, so that the first export has failures to look at. */
    static final String UNMAPPED_IN_DEMO = "R5";

    private static final Map<String, String> XERO_TAX_RATES = ordered(
            "S20", "20% (VAT on Income)",
            "R5", "5% (VAT on Income)",
            ZERO_RATED, "Zero Rated Income",
            "EX", "Exempt Income");

    /** The studio's income accounts and the Xero account codes they are booked to. */
    private static final Map<String, String> XERO_ACCOUNTS = ordered(
            "4000", "200",
            "4010", "201",
            "4020", "202",
            "4030", "203",
            "4040", "204",
            "4900", "260");

    /** How a product is sold, which decides the quantities on its lines. */
    private enum Sold {
        /** By the hour, in half hours. */
        HOURS,
        /** By the piece or the box. */
        UNITS,
        /** Once per invoice. */
        ONCE
    }

    private record Product(Item item, Sold sold) {
    }

    private static final List<Product> PRODUCTS = List.of(
            product("DES-HR", "Graphic design (hour)", "65.00", "4000", "S20", Sold.HOURS),
            product("DES-SENIOR", "Senior designer (hour)", "85.00", "4000", "S20", Sold.HOURS),
            product("DES-LOGO", "Logo design package", "450.00", "4000", "S20", Sold.ONCE),
            product("DES-BRAND", "Brand guidelines", "1200.00", "4000", "S20", Sold.ONCE),
            product("WEB-HR", "Web design (hour)", "75.00", "4000", "S20", Sold.HOURS),
            product("WEB-SITE", "Small business website", "1850.00", "4000", "S20", Sold.ONCE),
            product("WEB-HOST", "Website hosting (month)", "25.00", "4000", "S20", Sold.UNITS),
            product("PHOTO-DAY", "Product photography (day)", "520.00", "4000", "S20", Sold.ONCE),
            product("PHOTO-EDIT", "Photo retouching (image)", "12.50", "4000", "S20", Sold.UNITS),
            product("COPY-HR", "Copywriting (hour)", "55.00", "4000", "S20", Sold.HOURS),
            product("PRT-CARDS", "Business cards, box of 250", "38.00", "4010", "S20", Sold.UNITS),
            product("PRT-FLY-A5", "Flyers A5, 500", "89.00", "4010", "S20", Sold.UNITS),
            product("PRT-POSTER", "Poster A2", "14.50", "4010", "S20", Sold.UNITS),
            product("PRT-BANNER", "Roller banner", "95.00", "4010", "S20", Sold.UNITS),
            product("PRT-LH", "Letterhead, 1,000 sheets", "165.00", "4010", "S20", Sold.UNITS),
            product("PRT-MENU", "Menu card A4, laminated", "3.20", "4010", "S20", Sold.UNITS),
            product("PRT-STICKER", "Stickers, sheet of 48", "6.75", "4010", "S20", Sold.UNITS),
            product("PRT-FOLDER", "Presentation folders, 100", "210.00", "4010", "S20", Sold.UNITS),
            product("PUB-BROCH", "Brochures, 8 pages, 100", "145.00", "4020", ZERO_RATED, Sold.UNITS),
            product("PUB-LEAFLET", "Leaflets, 1,000", "120.00", "4020", ZERO_RATED, Sold.UNITS),
            product("PUB-BOOK", "Book printing, run of 50", "375.00", "4020", ZERO_RATED, Sold.ONCE),
            product("PUB-GUIDE", "\"The Small Print\" style guide", "18.99", "4020", ZERO_RATED, Sold.UNITS),
            product("TRN-WORKSHOP", "Design workshop (per person)", "95.00", "4030", "EX", Sold.UNITS),
            product("TRN-COURSE", "InDesign course, 2 days", "380.00", "4030", "EX", Sold.UNITS),
            product("ECO-FILM", "Energy-saving window film, installed (m²)", "42.00", "4040", "R5", Sold.UNITS),
            product("ECO-DRAUGHT", "Draught-proofing, installed (metre)", "8.50", "4040", "R5", Sold.UNITS),
            product("POSTAGE", "Royal Mail postage", "4.20", "4900", "EX", Sold.UNITS),
            product("CARRIAGE", "Courier delivery", "14.00", "4900", "S20", Sold.ONCE),
            product("RUSH", "Rush fee", "40.00", "4000", "S20", Sold.ONCE),
            product("ARCHIVE", "Artwork archive (year)", "60.00", "4000", "S20", Sold.ONCE));

    static final List<Customer> CUSTOMERS = List.of(
            gbp("O'Keefe & Søn Ltd", "accounts@okeefe-son.example", "14 Harbour Row", "Bristol", "BS1 4RN", false),
            gbp("Brontë & Daughters Ltd", "accounts@bronte-daughters.example", "3 Parsonage Lane", "Haworth",
                    "BD22 8DR", false),
            gbp("St Mary's Hospice Trust", "finance@stmarys-hospice.example", "Church Road", "Leeds", "LS6 4AB",
                    true),
            gbp("Café Zoë", "zoe@cafe-zoe.example", "21 Kensington Gardens", "Brighton", "BN1 4AL", false),
            gbp("Smith & Jones Solicitors LLP", "accounts@smithjones.example", "8 King Street", "Manchester",
                    "M2 4LQ", false),
            gbp("The Crown & Anchor", "landlord@crownanchor.example", "Church Street", "Whitby", "YO22 4AE", false),
            gbp("Patel's Pharmacy", "info@patels-pharmacy.example", "112 Belgrave Road", "Leicester", "LE4 5AT",
                    false),
            gbp("MacLeòid Distillers Ltd", "orders@macleoid.example", "Carbost", "Isle of Skye", "IV47 8SR",
                    false),
            gbp("Penrose & Trethewey", "office@penrose-trethewey.example", "5 Lemon Street", "Truro", "TR1 2LQ",
                    false),
            gbp("Llŷr Jones Architects", "studio@llyr-jones.example", "40 Cathedral Road", "Cardiff", "CF11 9LL",
                    false),
            gbp("Northgate Primary School PTA", "pta@northgate-primary.example", "Northgate", "York", "YO30 6AB",
                    true),
            gbp("Ó Briain Bakery", "hello@obriain-bakery.example", "77 Lisburn Road", "Belfast", "BT9 7AF", false),
            gbp("Greenfield Garden Centre", "accounts@greenfield-gc.example", "Dereham Road", "Norwich", "NR5 0TL",
                    false),
            gbp("Hartley & Sons Builders", "office@hartley-sons.example", "Unit 4, Don Valley Estate", "Sheffield",
                    "S9 3TY", false),
            gbp("The Old Rectory B&B", "stay@oldrectory-bath.example", "Rectory Lane", "Bath", "BA2 6LP", false),
            gbp("Ashworth Dental Practice", "practice@ashworth-dental.example", "2 Fishergate Hill", "Preston",
                    "PR1 8JB", false),
            gbp("Kingfisher Canoe Club", "treasurer@kingfisher-cc.example", "The Boathouse", "Shrewsbury",
                    "SY3 8HQ", true),
            gbp("Bramley Apple Co.", "sales@bramley-apple.example", "Easthorpe", "Southwell", "NG25 0HY", false),
            gbp("Dr Amelia Okonkwo", "amelia@okonkwo.example", "19 Canonbury Square", "London", "N1 2AL", false),
            gbp("Fenwick & Hale Estate Agents", "lettings@fenwick-hale.example", "Grey Street", "Newcastle upon Tyne",
                    "NE1 6EE", false),
            gbp("Thistle & Rose Florists", "flowers@thistle-rose.example", "9 Stockbridge Place", "Edinburgh",
                    "EH3 6RD", false),
            gbp("Riverside Community Trust", "admin@riverside-trust.example", "Haven Road", "Exeter", "EX2 8DP",
                    true),
            gbp("Blackwood Brewing Co-op", "brewers@blackwood.example", "Tyne Mills", "Hexham", "NE46 1XL", false),
            gbp("Nuñez Tapas Bar", "reservas@nunez-tapas.example", "31 Bold Street", "Liverpool", "L1 4DN", false),
            gbp("Wrenfield Veterinary Surgery", "reception@wrenfield-vets.example", "Epsom Road", "Guildford",
                    "GU1 2RH", false),
            gbp("Chloë's Cupcakes", "chloe@chloes-cupcakes.example", "Covered Market", "Oxford", "OX1 3DZ", false),
            gbp("Atkinson, Shaw & Partners", "accounts@atkinson-shaw.example", "Park Square East", "Leeds",
                    "LS1 2NE", false),
            gbp("Yorkshire Tea Rooms", "teas@yorkshire-tearooms.example", "Parliament Street", "Harrogate",
                    "HG1 2QU", false),
            gbp("Lindqvist Furniture UK Ltd", "uk@lindqvist.example", "Avonmouth Way", "Bristol", "BS11 9YA",
                    false),
            gbp("The \"Good Book\" Shop", "books@goodbookshop.example", "Castle Street", "Hay-on-Wye", "HR3 5DF",
                    false),
            eur("Müller & Co. KG", "buchhaltung@mueller-co.example", "Leopoldstraße 41", "München", "80802", "DE"),
            eur("Åsa Öberg AB", "ekonomi@asa-oberg.example", "Kungsportsavenyen 12", "Göteborg", "411 36", "SE"),
            eur("Boulangerie Hélène & Fils", "compta@helene-fils.example", "18 rue Mercière", "Lyon", "69002",
                    "FR"),
            eur("Ó Súilleabháin Teoranta", "cuntais@osuilleabhain.example", "Oliver Plunkett Street", "Cork",
                    "T12 X9Y2", "IE"),
            eur("Brasserie L'Étoile", "facturation@brasserie-etoile.example", "Rue du Marché aux Herbes 7",
                    "Bruxelles", "1000", "BE"),
            eur("Van der Berg & Zonen B.V.", "administratie@vdberg-zonen.example", "Oudegracht 150", "Utrecht",
                    "3511 AZ", "NL"),
            eur("Kovač d.o.o.", "racuni@kovac.example", "Trubarjeva cesta 8", "Ljubljana", "1000", "SI"),
            eur("Café Grünwald GmbH", "office@cafe-gruenwald.example", "Währinger Straße 16", "Wien", "1090", "AT"),
            eur("Παπαδόπουλος & Υιοί Α.Ε.", "logistirio@papadopoulos.example", "Ερμού 25", "Αθήνα", "105 63",
                    "GR"),
            eur("Jääskeläinen Oy", "laskut@jaaskelainen.example", "Aleksanterinkatu 22", "Helsinki", "00170",
                    "FI"),
            eur("Gómez & Hijos S.L.", "facturas@gomez-hijos.example", "Calle Sierpes 48", "Sevilla", "41004", "ES"),
            eur("Città di Carta S.r.l.", "amministrazione@cittadicarta.example", "Via dell'Indipendenza 9",
                    "Bologna", "40121", "IT"));

    private static final List<String> MEMOS = List.of("", "", "", "Thank you for your business.",
            "Payment by bank transfer within the terms, please.", "As agreed in our quote of last month.",
            "Artwork files are kept for a year; ask for them any time.");

    private DemoData() {
    }

    static List<Item> items() {
        return PRODUCTS.stream().map(Product::item).toList();
    }

    /**
     * The demo connection's settings for the file connector: Xero import files in the folder, header charges
     * booked to Xero's sales account, and Xero's "No VAT" rate on the lines of tax-exempt customers.
     */
    static Map<String, String> settings(String folder) {
        return Map.of("folder", folder, "layout", "xero-csv", "incomeAccount", "200", "xeroUntaxedRate", "No VAT");
    }

    /** The demo connection's mappings: tax codes to Xero tax rates, income accounts to Xero account codes. */
    static Map<MappingKind, Map<String, String>> mappings() {
        // The reduced rate is left unmapped on purpose: a newcomer's first export then shows what a failed
        // invoice looks like, and the Errors view leads to the mapping that fixes it.
        Map<String, String> taxRates = new LinkedHashMap<>(XERO_TAX_RATES);
        taxRates.remove(UNMAPPED_IN_DEMO);
        return Map.of(MappingKind.TAX_CODE, taxRates, MappingKind.INCOME_ACCOUNT, XERO_ACCOUNTS);
    }

    /** The whole firm, with invoices issued in the {@value #HISTORY_DAYS} days before {@code today}. */
    static ImportBatch batch(LocalDate today) {
        Random random = new Random(SEED);
        List<LocalDate> issued = new ArrayList<>();
        for (int i = 0; i < INVOICES; i++) {
            issued.add(today.minusDays(1 + random.nextInt(HISTORY_DAYS)));
        }
        Collections.sort(issued);
        List<InvoiceStatus> statuses = statuses(random);
        List<Integer> customers = customerOrder(random);
        List<ImportedInvoice> invoices = new ArrayList<>();
        for (int i = 0; i < INVOICES; i++) {
            String number = "INV-%d".formatted(1001 + i);
            Customer customer = CUSTOMERS.get(customers.get(i));
            int terms = List.of(30, 14, 30, 60).get(customers.get(i) % 4);
            InvoiceDraft draft = draft(number, customer, issued.get(i), terms, random);
            invoices.add(new ImportedInvoice("demo invoice " + number, customer.name(), draft, statuses.get(i)));
        }
        return new ImportBatch(TAX_CODES, CUSTOMERS, items(), invoices);
    }

    /**
     * The statuses, oldest invoice first: the oldest are closed, paid or exported, the newest still drafts, and
     * those between finalized and ready for export, with a few voided among them.
     */
    private static List<InvoiceStatus> statuses(Random random) {
        List<InvoiceStatus> statuses = new ArrayList<>();
        statuses.addAll(Collections.nCopies(20, InvoiceStatus.CLOSED));
        statuses.addAll(Collections.nCopies(20, InvoiceStatus.PAID));
        statuses.addAll(Collections.nCopies(26, InvoiceStatus.EXPORTED));
        List<InvoiceStatus> open = new ArrayList<>(Collections.nCopies(112, InvoiceStatus.FINALIZED));
        open.addAll(Collections.nCopies(8, InvoiceStatus.VOID));
        Collections.shuffle(open, random);
        statuses.addAll(open);
        statuses.addAll(Collections.nCopies(INVOICES - statuses.size(), InvoiceStatus.DRAFT));
        return statuses;
    }

    /** Which customer each invoice is for: every customer at least once, the rest at random. */
    private static List<Integer> customerOrder(Random random) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < INVOICES; i++) {
            order.add(i < CUSTOMERS.size() ? i : random.nextInt(CUSTOMERS.size()));
        }
        Collections.shuffle(order, random);
        return order;
    }

    private static InvoiceDraft draft(String number, Customer customer, LocalDate issued, int terms, Random random) {
        Currency currency = customer.currency();
        List<Product> chosen = new ArrayList<>(PRODUCTS);
        Collections.shuffle(chosen, random);
        List<InvoiceLine> lines = new ArrayList<>();
        for (Product product : chosen.subList(0, 1 + random.nextInt(4))) {
            Item item = product.item();
            BigDecimal discount = random.nextInt(5) == 0
                    ? List.of(new BigDecimal("5"), BigDecimal.TEN, new BigDecimal("12.5")).get(random.nextInt(3))
                    : BigDecimal.ZERO;
            lines.add(new InvoiceLine(item.code(), item.name(), quantity(product.sold(), random),
                    price(item.defaultPrice(), currency), discount, taxCode(item.taxCode(), currency)));
        }
        Money linesNet = lines.stream().map(InvoiceLine::amount).reduce(Money.zero(currency), Money::add);
        List<Charge> charges = new ArrayList<>();
        if (random.nextInt(100) < 15) {
            charges.add(new Charge(ChargeKind.FREIGHT, "Courier delivery",
                    price(Money.of(List.of("9.50", "14.00", "18.50").get(random.nextInt(3)), "GBP"), currency),
                    taxCode("S20", currency)));
        }
        if (random.nextInt(100) < 8) {
            charges.add(new Charge(ChargeKind.HANDLING, "Packing and handling", price(Money.of("5.00", "GBP"),
                    currency), taxCode("S20", currency)));
        }
        Money loyalty = Money.rounded(linesNet.amount().multiply(new BigDecimal("5")).divide(HUNDRED), currency);
        if (random.nextInt(100) < 10 && !loyalty.isZero()) {
            charges.add(new Charge(ChargeKind.DISCOUNT, "Loyalty discount 5 %", loyalty,
                    lines.getFirst().taxCode()));
        }
        TaxMode taxMode = random.nextInt(4) == 0 ? TaxMode.PER_DOCUMENT : TaxMode.PER_LINE;
        String memo = MEMOS.get(random.nextInt(MEMOS.size()));
        return new InvoiceDraft(number, 0, issued, issued.plusDays(terms), currency, lines, charges, memo, taxMode);
    }

    private static BigDecimal quantity(Sold sold, Random random) {
        return switch (sold) {
            case HOURS -> BigDecimal.valueOf(1 + random.nextInt(24), 0).divide(BigDecimal.TWO);
            case UNITS -> BigDecimal.valueOf(1 + random.nextInt(10));
            case ONCE -> BigDecimal.ONE;
        };
    }

    /** A price list amount in the customer's currency. */
    private static Money price(Money pounds, Currency currency) {
        return currency.equals(GBP) ? pounds : Money.rounded(pounds.amount().multiply(EUR_PER_GBP), currency);
    }

    private static String taxCode(String code, Currency currency) {
        return currency.equals(EUR) ? ZERO_RATED : code;
    }

    private static Product product(String code, String name, String pounds, String incomeAccount, String taxCode,
            Sold sold) {
        return new Product(new Item(0, code, name, Money.of(pounds, "GBP"), incomeAccount, taxCode), sold);
    }

    private static Customer gbp(String name, String email, String street, String city, String postalCode,
            boolean taxExempt) {
        return new Customer(0, name, email, new Address(street, "", city, "", postalCode, "GB"), taxExempt, GBP);
    }

    private static Customer eur(String name, String email, String street, String city, String postalCode,
            String country) {
        return new Customer(0, name, email, new Address(street, "", city, "", postalCode, country), false, EUR);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
