package org.ledgerport.connector.xero.tests;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.connector.PushResult;
import org.ledgerport.core.connector.SignIn;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.credentials.Credentials;
import org.ledgerport.core.model.Address;
import org.ledgerport.core.model.Charge;
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
import org.ledgerport.simulator.support.LoggedRequest;
import org.ledgerport.simulator.xero.Organisation;
import org.ledgerport.simulator.xero.XeroSimulator;
import org.ledgerport.testing.support.Browser;
import org.ledgerport.testing.support.Osgi;

/**
 * A Xero simulator and the Xero connector as the workstation finds it, pointed at each other: the simulator's app
 * registers the loopback address the connector listens on during a sign-in, and the test plays the browser. Also
 * builds invoices the way the export engine hands them to a connector.
 */
final class XeroWorld implements AutoCloseable {

    static final String CONNECTOR_ID = "xero";
    static final Currency NZD = Currency.getInstance("NZD");
    static final LocalDate ISSUED = LocalDate.of(2026, 11, 2);
    static final LocalDate DUE = LocalDate.of(2026, 12, 2);

    /** The firm's tax codes, as the standard simulated organisation (New Zealand, GST 15 %) needs them mapped. */
    static final TaxCode GST = new TaxCode("GST15", "GST 15 %", new BigDecimal("15"));
    static final TaxCode EXEMPT = new TaxCode("EX", "Exempt", BigDecimal.ZERO);
    static final Map<String, TaxCode> TAX_CODES = Map.of(GST.code(), GST, EXEMPT.code(), EXEMPT);

    /** Ids for customers and invoices, unique in the run so that contact codes and references never clash. */
    private static final AtomicLong IDS = new AtomicLong(1000);

    final XeroSimulator simulator;
    final URI redirect;
    final Connector connector;
    private final CredentialStore credentials;
    /** Every sign-in page the browser was sent to, in order. */
    final List<URI> signInPages = new ArrayList<>();

    private XeroWorld(XeroSimulator simulator, URI redirect, Connector connector, CredentialStore credentials) {
        this.simulator = simulator;
        this.redirect = redirect;
        this.connector = connector;
        this.credentials = credentials;
    }

    /** A simulator with one New Zealand organisation, "Tasman Joinery Ltd". */
    static XeroWorld start() throws Exception {
        return start(options -> options.withOrganisations(Organisation.standard("Tasman Joinery Ltd")));
    }

    /**
     * A simulator started with its defaults (two organisations) changed by {@code customise}, after the default app
     * was replaced by a PKCE app registering this run's loopback redirect.
     */
    static XeroWorld start(UnaryOperator<XeroSimulator.Options> customise) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        URI redirect = URI.create("http://localhost:" + port + "/ledgerport/xero");
        XeroSimulator.Options options = customise.apply(XeroSimulator.Options.defaults()
                .withApps(XeroSimulator.App.pkce(XeroSimulator.Options.CLIENT_ID, LocalDate.of(2026, 3, 10),
                        redirect)));
        return new XeroWorld(XeroSimulator.start(options), redirect, connector(), Osgi.service(CredentialStore.class));
    }

    /** The connector as the workstation finds it: through the registry, by id. */
    static Connector connector() throws InterruptedException {
        ConnectorRegistry registry = Osgi.service(ConnectorRegistry.class);
        Osgi.await("the Xero connector to register", () -> registry.find(CONNECTOR_ID).isPresent());
        return registry.find(CONNECTOR_ID).orElseThrow();
    }

    UUID tenant() {
        return simulator.organisations().get(0).tenantId();
    }

    UUID tenant(String name) {
        return simulator.organisations().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow()
                .tenantId();
    }

    /** The settings that point the connector at this simulator, with more as key, value pairs. */
    Map<String, String> settings(String... more) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("environment", "other");
        settings.put("serviceAddress", simulator.baseUri().toString());
        settings.put("clientId", XeroSimulator.Options.CLIENT_ID);
        settings.put("redirectUri", redirect.toString());
        settings.put("salesAccount", "200");
        for (int i = 0; i < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        return settings;
    }

    /** The firm's GST to Xero's OUTPUT, exempt sales to EXEMPTOUTPUT. */
    static Map<MappingKind, Map<String, String>> mappings() {
        return Map.of(MappingKind.TAX_CODE, Map.of(GST.code(), "OUTPUT", EXEMPT.code(), "EXEMPTOUTPUT"));
    }

    /** A new connection to this simulator, not connected yet. */
    Connection connection(NumberingPolicy numbering, String... settings) {
        return new Connection(1, UUID.randomUUID().toString(), CONNECTOR_ID, "Xero", settings(settings), mappings(),
                numbering, 0);
    }

    /** The same connection (same uid, so the same tokens) with other settings or mappings. */
    static Connection variant(Connection connection, Map<String, String> settings,
            Map<MappingKind, Map<String, String>> mappings) {
        Map<String, String> all = new LinkedHashMap<>(connection.settings());
        all.putAll(settings);
        return new Connection(connection.id(), connection.uid(), connection.connectorId(), connection.name(), all,
                mappings, connection.numbering(), connection.version());
    }

    static Connection variant(Connection connection, String... settings) {
        Map<String, String> changed = new LinkedHashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            changed.put(settings[i], settings[i + 1]);
        }
        Map<MappingKind, Map<String, String>> mappings = new EnumMap<>(MappingKind.class);
        mappings.putAll(connection.mappings());
        return variant(connection, changed, mappings);
    }

    /** The connection's secrets, in the workstation's credential store. */
    Credentials credentials(Connection connection) {
        return credentials.forConnection(connection.uid());
    }

    ConnectionContext context(Connection connection) {
        return new ConnectionContext(connection, credentials(connection));
    }

    /** Connects a new connection through the browser and returns it with what connecting learnt. */
    Connection connected(NumberingPolicy numbering, String... settings) throws Exception {
        Connection connection = connection(numbering, settings);
        AccountInfo account = connector.connect(context(connection), browser());
        return variant(connection, account.settings(), connection.mappings());
    }

    /**
     * The system browser as the test plays it: it opens the sign-in page, the simulator signs the user in and
     * redirects, and the browser follows the redirect to the connector's listener on this computer.
     */
    SignIn browser() {
        SignIn browser = Browser.signIn();
        return (page, redirectTo, received) -> {
            signInPages.add(page);
            return browser.authorize(page, redirectTo, received);
        };
    }

    ConnectorSession session(Connection connection) throws Exception {
        return connector.openSession(context(connection));
    }

    /** How many requests of the method went to a path ending so. */
    long calls(String method, String pathSuffix) {
        return simulator.server().requestLog().stream().filter(r -> r.is(method, pathSuffix)).count();
    }

    List<LoggedRequest> log() {
        return simulator.server().requestLog();
    }

    /** The simulated organisation's sales invoice with this reference; fails unless there is exactly one. */
    org.ledgerport.simulator.xero.Invoice invoiceWithReference(String reference) {
        List<org.ledgerport.simulator.xero.Invoice> found = simulator.invoices(tenant()).stream()
                .filter(i -> reference.equals(i.reference())).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " invoices with reference " + reference + " in the simulator");
        }
        return found.get(0);
    }

    @Override
    public void close() {
        simulator.close();
    }

    // ---- the firm's side: customers and invoices as the engine hands them over ----

    static long nextId() {
        return IDS.incrementAndGet();
    }

    static Customer customer(String name) {
        return new Customer(nextId(), name, "accounts@example.co.nz",
                new Address("12 Quay Street", "", "Nelson", "", "7010", "New Zealand"), false, NZD);
    }

    static InvoiceLine line(String description, String quantity, String unitPrice, String taxCode) {
        return new InvoiceLine("", description, new BigDecimal(quantity), new Money(new BigDecimal(unitPrice), NZD),
                BigDecimal.ZERO, taxCode);
    }

    static InvoiceLine itemLine(Item item, String quantity) {
        return new InvoiceLine(item.code(), item.name(), new BigDecimal(quantity), item.defaultPrice(),
                BigDecimal.ZERO, item.taxCode());
    }

    static Item item(String code, String name, String price) {
        return new Item(nextId(), code, name, new Money(new BigDecimal(price), NZD), "", GST.code());
    }

    static Invoice invoice(Customer customer, TaxMode taxMode, List<InvoiceLine> lines, List<Charge> charges) {
        long id = nextId();
        return new Invoice(id, "N" + id, customer.id(), ISSUED, DUE, customer.currency(), lines, charges, "", taxMode,
                InvoiceStatus.FINALIZED, 2);
    }

    /** An invoice of one line of consulting at GST. */
    static Invoice invoice(Customer customer, String amount) {
        return invoice(customer, TaxMode.PER_LINE, List.of(line("Consulting", "1", amount, GST.code())), List.of());
    }

    /**
     * The invoice as the engine sends it to a connection: its contact, the items of its lines with their ids at the
     * vendor, the totals the core computes, our reference and the number to send (empty when Xero numbers it).
     */
    static OutgoingInvoice outgoing(Invoice invoice, Customer customer, String contactId, List<Item> items,
            Map<String, String> itemIds, String numberToSend) {
        Map<String, Item> byCode = items.stream().collect(Collectors.toMap(Item::code, Function.identity()));
        Map<String, TaxCode> taxCodes = Stream.concat(invoice.lines().stream().map(InvoiceLine::taxCode),
                invoice.charges().stream().map(Charge::taxCode)).filter(TAX_CODES::containsKey).distinct()
                .collect(Collectors.toMap(Function.identity(), TAX_CODES::get));
        return new OutgoingInvoice(invoice, customer, contactId, byCode, itemIds, taxCodes,
                InvoiceTotals.of(invoice, TAX_CODES, customer.taxExempt()), reference(invoice),
                "key-" + invoice.id() + "-v" + invoice.version(), numberToSend);
    }

    static OutgoingInvoice outgoing(Invoice invoice, Customer customer, String contactId, String numberToSend) {
        return outgoing(invoice, customer, contactId, List.of(), Map.of(), numberToSend);
    }

    static String reference(Invoice invoice) {
        return "LP-" + invoice.id() + "-v" + invoice.version();
    }

    /** The contact of each customer, found or created in the session. */
    static Map<Long, String> contacts(ConnectorSession session, List<Customer> customers) throws Exception {
        return session.resolveCustomers(customers).resolved();
    }

    /** The invoice's result, which must say it was created. */
    static PushResult.Created created(List<PushResult> results, String ourReference) {
        PushResult result = results.stream().filter(r -> r.ourReference().equals(ourReference)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + ourReference + " in " + results));
        assertInstanceOf(PushResult.Created.class, result, () -> "the invoice was created: " + result);
        return (PushResult.Created) result;
    }

    static PushResult.Rejected rejected(List<PushResult> results, String ourReference) {
        PushResult result = results.stream().filter(r -> r.ourReference().equals(ourReference)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + ourReference + " in " + results));
        assertInstanceOf(PushResult.Rejected.class, result, () -> "the invoice was refused: " + result);
        return (PushResult.Rejected) result;
    }
}
