package org.ledgerport.connector.file.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.connector.PushResult;
import org.ledgerport.core.credentials.Credentials;
import org.ledgerport.core.model.Address;
import org.ledgerport.core.model.Charge;
import org.ledgerport.core.model.ChargeKind;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.InvoiceTotals;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.model.TaxMode;
import org.ledgerport.testing.support.Osgi;

/**
 * Connections, customers and invoices built the way the export engine hands them to a connector, and the
 * connector itself, as the registry has it.
 */
final class Fixtures {

    static final String CONNECTOR_ID = "file-export";

    static final Currency GBP = Currency.getInstance("GBP");
    static final Currency USD = Currency.getInstance("USD");

    static final LocalDate ISSUED = LocalDate.of(2026, 3, 14);
    static final LocalDate DUE = LocalDate.of(2026, 4, 13);

    static final TaxCode STANDARD = new TaxCode("VAT20", "Standard rate", new BigDecimal("20"));
    static final TaxCode REDUCED = new TaxCode("RED5", "Reduced rate", new BigDecimal("5"));
    static final Map<String, TaxCode> TAX_CODES = Map.of(STANDARD.code(), STANDARD, REDUCED.code(), REDUCED);

    static final Item CONSULTING = new Item(1, "CONSULT", "Consulting", Money.of("100.00", "GBP"),
            "Consulting income", STANDARD.code());
    static final Item GUIDE = new Item(2, "GUIDE", "Field guide", Money.of("24.99", "GBP"), "Book sales",
            REDUCED.code());
    static final Map<String, Item> ITEMS = Map.of(CONSULTING.code(), CONSULTING, GUIDE.code(), GUIDE);

    static final Address ADDRESS = new Address("12 Quay Street", "Unit 4", "Cork", "", "T12 X8Y2", "Ireland");

    private Fixtures() {
    }

    /** The connector as the workstation finds it: through the registry, by id. */
    static Connector connector() throws InterruptedException {
        ConnectorRegistry registry = Osgi.service(ConnectorRegistry.class);
        Osgi.await("the file export connector to register", () -> registry.find(CONNECTOR_ID).isPresent());
        return registry.find(CONNECTOR_ID).orElseThrow();
    }

    static Map<String, String> xeroSettings(Path folder) {
        return settings(folder, "xero-csv", "incomeAccount", "260", "chargeAccount", "475", "xeroUntaxedRate",
                "No VAT");
    }

    static Map<MappingKind, Map<String, String>> xeroMappings() {
        return Map.of(MappingKind.TAX_CODE, Map.of("VAT20", "20% (VAT on Income)", "RED5", "5% (VAT on Income)"),
                MappingKind.INCOME_ACCOUNT, Map.of("Consulting income", "200", "Book sales", "210"));
    }

    static Map<String, String> iifSettings(Path folder) {
        return settings(folder, "qbd-iif", "currency", "USD", "incomeAccount", "Sales", "chargeAccount",
                "Shipping Income");
    }

    static Map<MappingKind, Map<String, String>> iifMappings() {
        return Map.of(MappingKind.TAX_CODE, Map.of("VAT20", "State Tax", "RED5", "County Tax"),
                MappingKind.INCOME_ACCOUNT, Map.of("Consulting income", "Consulting Income", "Book sales",
                        "Book Sales"));
    }

    /** Settings for a folder and layout, with more as key, value pairs. */
    static Map<String, String> settings(Path folder, String layout, String... more) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("folder", folder.toString());
        settings.put("layout", layout);
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return settings;
    }

    /** The same settings with some replaced, as key, value pairs. */
    static Map<String, String> with(Map<String, String> settings, String... replaced) {
        Map<String, String> copy = new LinkedHashMap<>(settings);
        for (int i = 0; i < replaced.length; i += 2) {
            copy.put(replaced[i], replaced[i + 1]);
        }
        return copy;
    }

    static Connection connection(Map<String, String> settings, Map<MappingKind, Map<String, String>> mappings,
            NumberingPolicy numbering) {
        return new Connection(1, UUID.randomUUID().toString(), CONNECTOR_ID, "Import files", settings, mappings,
                numbering, 0);
    }

    static ConnectionContext context(Connection connection) {
        return new ConnectionContext(connection, new InMemoryCredentials());
    }

    static Customer customer(long id, String name, Currency currency) {
        return new Customer(id, name, "accounts@example.com", ADDRESS, false, currency);
    }

    static Customer exemptCustomer(long id, String name, Currency currency) {
        return new Customer(id, name, "", ADDRESS, true, currency);
    }

    static InvoiceLine line(Item item, String quantity, String unitPrice, Currency currency, String discount) {
        return new InvoiceLine(item.code(), item.name(), new BigDecimal(quantity),
                new Money(new BigDecimal(unitPrice), currency), new BigDecimal(discount), item.taxCode());
    }

    static InvoiceLine freeLine(String description, String unitPrice, Currency currency) {
        return new InvoiceLine("", description, BigDecimal.ONE, new Money(new BigDecimal(unitPrice), currency),
                BigDecimal.ZERO, "");
    }

    static Charge charge(ChargeKind kind, String amount, Currency currency) {
        return new Charge(kind, kind.label(), new Money(new BigDecimal(amount), currency), STANDARD.code());
    }

    /**
     * The invoice most tests write: a discounted consulting line, a book at the reduced rate, an untaxed line,
     * freight and a discount off the total.
     */
    static Invoice sampleInvoice(long id, String number, Customer customer) {
        Currency currency = customer.currency();
        return invoice(id, number, customer, TaxMode.PER_LINE,
                List.of(line(CONSULTING, "3", "100.00", currency, "10"), line(GUIDE, "2", "24.99", currency, "0"),
                        freeLine("Site visit", "45.00", currency)),
                List.of(charge(ChargeKind.FREIGHT, "15.00", currency),
                        charge(ChargeKind.DISCOUNT, "10.00", currency)));
    }

    static Invoice invoice(long id, String number, Customer customer, TaxMode taxMode, List<InvoiceLine> lines,
            List<Charge> charges) {
        return new Invoice(id, number, customer.id(), ISSUED, DUE, customer.currency(), lines, charges, "",
                taxMode, InvoiceStatus.FINALIZED, 3);
    }

    /** The invoice as the engine sends it, with the totals the core computes and its own number to send. */
    static OutgoingInvoice outgoing(Invoice invoice, Customer customer, String numberToSend) {
        Map<String, Item> items = invoice.lines().stream().map(InvoiceLine::itemCode).filter(ITEMS::containsKey)
                .distinct().collect(Collectors.toMap(Function.identity(), ITEMS::get));
        Map<String, TaxCode> taxCodes = Stream
                .concat(invoice.lines().stream().map(InvoiceLine::taxCode),
                        invoice.charges().stream().map(Charge::taxCode))
                .filter(TAX_CODES::containsKey).distinct()
                .collect(Collectors.toMap(Function.identity(), TAX_CODES::get));
        Map<String, String> itemIds = new HashMap<>();
        items.keySet().forEach(code -> itemIds.put(code, code));
        return new OutgoingInvoice(invoice, customer, customer.name(), items, itemIds, taxCodes,
                InvoiceTotals.of(invoice, taxCodes, customer.taxExempt()), reference(invoice),
                "key-" + invoice.id() + "-v" + invoice.version(), numberToSend);
    }

    static String reference(Invoice invoice) {
        return "LP-" + invoice.id();
    }

    /** Pushes one batch in a session of its own, as one export run does. */
    static List<PushResult> push(Connection connection, OutgoingInvoice... batch) throws Exception {
        try (ConnectorSession session = connector().openSession(context(connection))) {
            return session.push(List.of(batch));
        }
    }

    /** The invoice's result, which must say it was written. */
    static PushResult.Created created(List<PushResult> results, String ourReference) {
        PushResult result = results.stream().filter(r -> r.ourReference().equals(ourReference)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + ourReference + " in " + results));
        assertInstanceOf(PushResult.Created.class, result, "the invoice was written");
        return (PushResult.Created) result;
    }

    /** The files in the folder whose names end so, by name. */
    static List<Path> files(Path folder, String ending) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(ending)).sorted().toList();
        }
    }

    /** The one file of the kind in the folder. */
    static Path onlyFile(Path folder, String ending) throws IOException {
        List<Path> files = files(folder, ending);
        assertEquals(1, files.size(), "one " + ending + " file in " + folder + ": " + files);
        return files.get(0);
    }

    /** Secrets kept in memory; the file connector never asks for any. */
    static final class InMemoryCredentials implements Credentials {

        private final Map<String, String> secrets = new ConcurrentHashMap<>();

        @Override
        public Optional<String> read(String key) {
            return Optional.ofNullable(secrets.get(key));
        }

        @Override
        public void write(String key, String secret) {
            secrets.put(key, secret);
        }

        @Override
        public void remove(String key) {
            secrets.remove(key);
        }

        boolean isEmpty() {
            return secrets.isEmpty();
        }
    }
}
