package org.ledgerport.connector.quickbooks.tests;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.export.ExportListener;
import org.ledgerport.core.export.ExportRequest;
import org.ledgerport.core.export.ExportService;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.ProcessLog;
import org.ledgerport.simulator.quickbooks.CompanySetup;
import org.ledgerport.simulator.quickbooks.QuickBooksSimulator;
import org.ledgerport.testing.support.Browser;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

/**
 * A QuickBooks Online simulator with an Irish company keeping its books in euros (as the test firm does), and
 * connections to it made the way a user makes them: settings, the app's secret, a sign-in in the "browser".
 */
final class QuickBooksAccount implements AutoCloseable {

    static final String CONNECTOR = "quickbooks-online";
    static final String REALM = "4620816365000000001";
    /** A registered https page, as production keys need: the user pastes its address back. */
    static final URI WEB_REDIRECT = URI.create("https://books.example/ledgerport/quickbooks");
    /** Who the tests act as: the operating system's user, as at a workstation. */
    static final String ME = System.getProperty("user.name");

    final QuickBooksSimulator simulator;
    final URI redirect;

    private QuickBooksAccount(QuickBooksSimulator simulator, URI redirect) {
        this.simulator = simulator;
        this.redirect = redirect;
    }

    static CompanySetup irishCompany(String realm, String name) {
        return new CompanySetup(realm, name, "IE", "EUR", false, false, false, "1001", new BigDecimal("20"),
                BigDecimal.ZERO, ZoneId.of("Europe/Dublin"));
    }

    static QuickBooksAccount start(CompanySetup... companies) throws IOException {
        return start(QuickBooksSimulator.Options.defaults(), companies);
    }

    static QuickBooksAccount start(QuickBooksSimulator.Options options, CompanySetup... companies)
            throws IOException {
        URI redirect = URI.create("http://localhost:" + freePort() + "/ledgerport/quickbooks");
        CompanySetup[] setups = companies.length == 0 ? new CompanySetup[] {irishCompany(REALM, "Quay Books Ltd")}
                : companies;
        QuickBooksSimulator simulator = QuickBooksSimulator.start(options.withCompanies(setups)
                .withClient("test-app", "test-app-secret", redirect, WEB_REDIRECT));
        return new QuickBooksAccount(simulator, redirect);
    }

    /** A saved connection that has not signed in yet. */
    Connection connection(NumberingPolicy numbering) throws InterruptedException {
        Map<String, String> settings = new TreeMap<>();
        settings.put("environment", "other");
        settings.put("serviceAddress", simulator.baseUri().toString());
        settings.put("clientId", "test-app");
        settings.put("redirectUri", redirect.toString());
        settings.put("incomeAccount", "Sales");
        Map<MappingKind, Map<String, String>> mappings = new EnumMap<>(MappingKind.class);
        mappings.put(MappingKind.TAX_CODE, Map.of(Firm.STANDARD.code(), "Standard"));
        Connection connection = Osgi.service(ConnectionStore.class).createConnection(ME, CONNECTOR,
                Firm.unique("QuickBooks"), settings, mappings, numbering);
        context(connection).credentials().write("clientSecret", "test-app-secret");
        return connection;
    }

    /** A connection signed in through the browser, with what the sign-in learnt saved. */
    Connection connected(NumberingPolicy numbering) throws Exception {
        Connection connection = connection(numbering);
        AccountInfo account = connector().connect(context(connection), Browser.signIn());
        Map<String, String> settings = new TreeMap<>(connection.settings());
        settings.putAll(account.settings());
        return Osgi.service(ConnectionStore.class).updateConnection(ME, new Connection(connection.id(),
                connection.uid(), connection.connectorId(), connection.name(), settings, connection.mappings(),
                connection.numbering(), connection.version()));
    }

    static Connector connector() throws InterruptedException {
        ConnectorRegistry registry = Osgi.service(ConnectorRegistry.class);
        Osgi.await("the QuickBooks Online connector", () -> registry.find(CONNECTOR).isPresent());
        return registry.find(CONNECTOR).orElseThrow();
    }

    static ConnectionContext context(Connection connection) throws InterruptedException {
        return new ConnectionContext(connection, Osgi.service(CredentialStore.class).forConnection(connection.uid()));
    }

    /** Exports the invoices through the real engine and returns each one's result. */
    static List<InvoiceResult> export(Connection connection, List<Long> invoiceIds) throws InterruptedException {
        RunSummary run = Osgi.service(ExportService.class).export(new ExportRequest(connection.id(), invoiceIds,
                ME, false), ExportListener.NONE);
        return Osgi.service(ProcessLog.class).results(run.id());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        simulator.close();
    }
}
