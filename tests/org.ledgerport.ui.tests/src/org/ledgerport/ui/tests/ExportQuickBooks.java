package org.ledgerport.ui.tests;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.simulator.quickbooks.CompanySetup;
import org.ledgerport.simulator.quickbooks.Ledger;
import org.ledgerport.simulator.quickbooks.QuickBooksSimulator;
import org.ledgerport.testing.support.Browser;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

/**
 * The QuickBooks Online simulator on 127.0.0.1 with an Irish company keeping its books in euros (as the test firm
 * does), and a connection to it signed in the way a user signs in: settings, the app's secret, the browser.
 */
final class ExportQuickBooks implements AutoCloseable {

    static final String CONNECTOR = "quickbooks-online";
    static final String REALM = "4620816365000000042";
    private static final String CLIENT_ID = "ui-test-app";
    private static final String CLIENT_SECRET = "ui-test-secret";

    private final QuickBooksSimulator simulator;
    private final URI redirect;

    private ExportQuickBooks(QuickBooksSimulator simulator, URI redirect) {
        this.simulator = simulator;
        this.redirect = redirect;
    }

    static ExportQuickBooks start() throws IOException {
        URI redirect = URI.create("http://localhost:" + freePort() + "/ledgerport/quickbooks");
        CompanySetup company = new CompanySetup(REALM, "Quay Books Ltd", "IE", "EUR", false, false, false, "1001",
                new BigDecimal("20"), BigDecimal.ZERO, ZoneId.of("Europe/Dublin"));
        return new ExportQuickBooks(QuickBooksSimulator.start(QuickBooksSimulator.Options.defaults()
                .withCompanies(company).withClient(CLIENT_ID, CLIENT_SECRET, redirect)), redirect);
    }

    /**
     * A connection that lets QuickBooks number the invoices, maps the test firm's standard tax code, and has signed
     * in through the "browser", with what the sign-in learnt (the company) saved. The workstation's user makes it,
     * as its owner (the first user of the test database).
     */
    Connection connected() throws Exception {
        Map<String, String> settings = new TreeMap<>();
        settings.put("environment", "other");
        settings.put("serviceAddress", simulator.baseUri().toString());
        settings.put("clientId", CLIENT_ID);
        settings.put("redirectUri", redirect.toString());
        settings.put("incomeAccount", "Sales");
        ConnectionStore connections = Osgi.service(ConnectionStore.class);
        String user = Osgi.service(AccessControl.class).currentUser();
        Connection connection = connections.createConnection(user, CONNECTOR, Firm.unique("Quay Books"), settings,
                Map.of(MappingKind.TAX_CODE, Map.of(Firm.STANDARD.code(), "Standard")),
                NumberingPolicy.VENDOR_ASSIGNS);
        ConnectionContext context = new ConnectionContext(connection,
                Osgi.service(CredentialStore.class).forConnection(connection.uid()));
        context.credentials().write("clientSecret", CLIENT_SECRET);
        AccountInfo account = connector().connect(context, Browser.signIn());
        Map<String, String> signedIn = new TreeMap<>(connection.settings());
        signedIn.putAll(account.settings());
        return connections.updateConnection(user, new Connection(connection.id(), connection.uid(),
                connection.connectorId(), connection.name(), signedIn, connection.mappings(), connection.numbering(),
                connection.version()));
    }

    Ledger company() {
        return simulator.company(REALM);
    }

    /** The number QuickBooks gave the invoice, found by the reference Ledgerport sends with it. */
    String numberOf(Invoice invoice) {
        return exported(invoice).path("DocNumber").asText();
    }

    /** QuickBooks' id of the invoice, as a user there would pick it to receive a payment or void it. */
    String idOf(Invoice invoice) {
        return exported(invoice).path("Id").asText();
    }

    /** The invoice as QuickBooks holds it now. */
    ObjectNode exported(Invoice invoice) {
        return company().invoices().stream()
                .filter(i -> i.path("PrivateNote").asText().contains("[LP-" + invoice.id() + "-v")).findFirst()
                .orElseThrow(() -> new AssertionError("invoice " + invoice.number() + " is not in QuickBooks"));
    }

    private static Connector connector() throws InterruptedException {
        ConnectorRegistry registry = Osgi.service(ConnectorRegistry.class);
        Osgi.await("the QuickBooks Online connector", () -> registry.find(CONNECTOR).isPresent());
        return registry.find(CONNECTOR).orElseThrow();
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
