package org.ledgerport.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.simulator.quickbooks.CompanySetup;
import org.ledgerport.simulator.quickbooks.QuickBooksSimulator;
import org.ledgerport.simulator.xero.XeroSimulator;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

/**
 * The account-connection wizard, worked as a bookkeeper works it, against the QuickBooks Online and Xero simulators
 * on this computer (the test plays the browser), with the paste-the-address fallback, and with a connector dropped
 * into the running workstation. Each ends with what the connection store holds.
 */
class ConnectionWizardTest {

    private static final String CONNECTIONS_PART = "org.ledgerport.connect.part.connections";
    private static final String QUICKBOOKS = "QuickBooks Online";
    private static final String REALM = "4620816365000000077";
    private static final String CLIENT_ID = "wizard-app";
    private static final String CLIENT_SECRET = "wizard-app-secret";
    /** A registered https page, as production keys need: nothing on this computer receives the redirect. */
    private static final URI WEB_REDIRECT = URI.create("https://books.example/ledgerport/quickbooks");
    /** An income account the firm's items name, to be mapped to the package's. */
    private static final String OUR_ACCOUNT = "4000";

    @Test
    void connectsAQuickBooksCompanyFromChoosingThePackageToTheTest() throws Exception {
        ourTaxCodeAndItem();
        URI redirect = loopbackRedirect("quickbooks");
        String name = Firm.unique("Quay Books");
        try (WizardBrowser browser = WizardBrowser.register(WizardBrowser.Ending.AT_THE_LISTENER);
                QuickBooksSimulator simulator = quickBooks(redirect);
                RunningWorkbench workbench = RunningWorkbench.start()) {
            WizardWindow wizard = WizardWindow.openNew(workbench);
            wizard.choosePackage(QUICKBOOKS);
            assertTrue(wizard.text("wizard.name").startsWith(QUICKBOOKS), "the package names the connection at first");
            wizard.type("wizard.name", name);
            wizard.screenshot("wizard-1-package");
            wizard.next();

            quickBooksSettings(wizard, simulator, redirect);
            wizard.screenshot("wizard-2-settings");
            wizard.next();

            wizard.click("wizard.signIn");
            wizard.control("wizard.waiting");
            assertTrue(wizard.text("wizard.paste").isEmpty(), "the paste field waits for an address");
            wizard.screenshot("wizard-3-sign-in-waiting");
            browser.signIn();
            String account = wizard.awaitText("wizard.account", "Signed in to Quay Books Ltd (" + REALM + ")");
            assertTrue(account.endsWith("in QuickBooks Online."), account);
            wizard.screenshot("wizard-4-account");
            wizard.next();

            wizard.select("wizard.incomeAccount", "Services");
            wizard.map("wizard.taxCodes", Firm.STANDARD.code(), "Standard");
            wizard.map("wizard.incomeAccounts", OUR_ACCOUNT, "Sales");
            wizard.click("wizard.numbering." + NumberingPolicy.VENDOR_ASSIGNS.name());
            wizard.click("wizard.exportOnFinalize");
            wizard.spin("wizard.refreshMinutes", 15);
            wizard.screenshot("wizard-5-defaults");
            wizard.next();

            passTheTest(wizard, "Quay Books Ltd (" + REALM + ")");
            wizard.screenshot("wizard-6-test");
            wizard.finish();

            Connection saved = saved(name);
            assertEquals(REALM, saved.setting("realmId", ""), "the company the sign-in chose");
            assertEquals("Quay Books Ltd", saved.setting("accountName", ""));
            assertEquals("Services", saved.setting("incomeAccount", ""));
            assertEquals(simulator.baseUri().toString(), saved.setting("serviceAddress", ""));
            assertEquals("", saved.setting("clientSecret", ""), "secrets stay out of the database");
            assertEquals(Optional.of(CLIENT_SECRET), context(saved).credentials().read("clientSecret"));
            assertEquals("Standard", saved.mapped(MappingKind.TAX_CODE, Firm.STANDARD.code()));
            assertEquals("Sales", saved.mapped(MappingKind.INCOME_ACCOUNT, OUR_ACCOUNT));
            assertEquals(NumberingPolicy.VENDOR_ASSIGNS, saved.numbering());
            assertTrue(saved.exportsOnFinalize(), "exports each invoice as it is finalized: " + saved.settings());
            assertEquals(15, saved.refreshMinutes(), "refreshes the status by itself every quarter of an hour");
            assertEquals(REALM, test(saved).accountId(), "the saved connection reaches the company");

            Composite connections = Ui.part(workbench, CONNECTIONS_PART);
            Table table = workbench.onUi(() -> Ui.byId(connections, "connections.table"));
            workbench.await("the new connection in the Connections view", () -> WizardWindow.row(table, name) >= 0
                    && Ui.row(table, WizardWindow.row(table, name)).equals(List.of(name, QUICKBOOKS, "Quay Books Ltd",
                            "Connected")));
            workbench.screenshot(workbench.onUi(connections::getShell), "connections-view");
        }
    }

    @Test
    void connectsAXeroOrganisationChosenAmongThoseTheSignInAllowed() throws Exception {
        TaxCode gst = Osgi.service(InvoiceStore.class)
                .saveTaxCode(new TaxCode("WZG15", "GST 15 %", new BigDecimal("15")));
        URI redirect = loopbackRedirect("xero");
        String name = Firm.unique("Harbourside");
        try (WizardBrowser browser = WizardBrowser.register(WizardBrowser.Ending.AT_THE_LISTENER);
                XeroSimulator simulator = XeroSimulator.start(XeroSimulator.Options.defaults().withApps(
                        XeroSimulator.App.pkce(XeroSimulator.Options.CLIENT_ID, LocalDate.of(2026, 3, 10), redirect)));
                RunningWorkbench workbench = RunningWorkbench.start()) {
            String harbourside = simulator.organisations().stream()
                    .filter(o -> o.name().equals("Harbourside Plumbing Ltd")).findFirst().orElseThrow().tenantId()
                    .toString();
            WizardWindow wizard = WizardWindow.openNew(workbench);
            wizard.choosePackage("Xero");
            wizard.type("wizard.name", name);
            wizard.next();

            wizard.select("wizard.setting.environment", "other");
            wizard.type("wizard.setting.serviceAddress", simulator.baseUri().toString());
            wizard.type("wizard.setting.clientId", XeroSimulator.Options.CLIENT_ID);
            wizard.type("wizard.setting.redirectUri", redirect.toString());
            wizard.next();

            wizard.click("wizard.signIn");
            wizard.control("wizard.waiting");
            browser.signIn();
            wizard.selectRow("wizard.organisations", "Harbourside Plumbing Ltd");
            Table organisations = wizard.control("wizard.organisations");
            assertEquals(2, workbench.onUi(organisations::getItemCount), "both organisations the sign-in allowed");
            wizard.screenshot("wizard-4-organisation");
            wizard.click("wizard.useOrganisation");
            wizard.awaitText("wizard.account", "Signed in to Harbourside Plumbing Ltd (" + harbourside + ")");
            assertEquals(1, browser.pagesOpened(), "choosing the organisation needs no second sign-in");
            wizard.next();

            wizard.select("wizard.incomeAccount", "Other Revenue (260)");
            wizard.select("wizard.setting.statusOnExport", "DRAFT");
            wizard.map("wizard.taxCodes", gst.code(), "15% GST on Income (OUTPUT)");
            wizard.click("wizard.numbering." + NumberingPolicy.OURS.name());
            wizard.next();

            passTheTest(wizard, "Harbourside Plumbing Ltd (" + harbourside + ")");
            wizard.finish();

            Connection saved = saved(name);
            assertEquals(harbourside, saved.setting("tenantId", ""), "the organisation chosen");
            assertEquals(harbourside, saved.setting("organisation", ""));
            assertEquals("260", saved.setting("salesAccount", ""), "Xero reads the account's code");
            assertEquals("DRAFT", saved.setting("statusOnExport", ""));
            assertEquals("NONE", saved.setting("untaxedRate", ""), "a default left as it was");
            assertEquals("OUTPUT", saved.mapped(MappingKind.TAX_CODE, gst.code()));
            assertEquals(NumberingPolicy.OURS, saved.numbering());
            assertFalse(saved.exportsOnFinalize(), "exports only when asked unless ticked");
            assertEquals(0, saved.refreshMinutes(), "refreshes only when asked unless set");
            assertEquals("Harbourside Plumbing Ltd", test(saved).name());
        }
    }

    @Test
    void takesThePastedAddressWhenTheBrowserCannotComeBackAndCancellingRemovesTheConnection() throws Exception {
        String name = Firm.unique("Quay Books pasted");
        try (WizardBrowser browser = WizardBrowser.register(WizardBrowser.Ending.ON_A_WEB_PAGE);
                QuickBooksSimulator simulator = quickBooks(WEB_REDIRECT);
                RunningWorkbench workbench = RunningWorkbench.start()) {
            WizardWindow wizard = WizardWindow.openNew(workbench);
            wizard.choosePackage(QUICKBOOKS);
            wizard.type("wizard.name", name);
            wizard.next();
            quickBooksSettings(wizard, simulator, WEB_REDIRECT);
            wizard.next();

            wizard.click("wizard.signIn");
            wizard.control("wizard.waiting");
            wizard.click("wizard.cancelSignIn");
            wizard.awaitText("wizard.account", "The sign-in was cancelled.");

            wizard.click("wizard.signIn");
            wizard.control("wizard.waiting");
            workbench.await("the second sign-in page", () -> browser.pagesOpened() == 2);
            URI endedOn = browser.signIn();
            assertTrue(endedOn.toString().startsWith(WEB_REDIRECT + "?"), endedOn::toString);
            wizard.type("wizard.paste", endedOn.toString());
            wizard.click("wizard.usePasted");
            wizard.awaitText("wizard.account", "Signed in to Quay Books Ltd (" + REALM + ")");
            Connection signedIn = saved(name);
            assertEquals(REALM, signedIn.setting("realmId", ""), "the pasted address finished the sign-in");

            wizard.cancelLater();
            Shell question = Ui.shell(workbench, "Cancel the new connection");
            workbench.later(() -> Ui.click(Ui.button(question, "Yes")));
            ConnectionStore connections = Osgi.service(ConnectionStore.class);
            Osgi.await("the cancelled connection to be removed",
                    () -> connections.findConnectionByName(name).isEmpty());
            assertEquals(Optional.empty(), context(signedIn).credentials().read("clientSecret"),
                    "its secrets are forgotten");
        }
    }

    @Test
    void aConnectorDroppedInWhileTheWizardIsOpenAppearsWithItsOwnSettingsPage() throws Exception {
        ourTaxCodeAndItem();
        Path dropins = Path.of(System.getProperty("felix.fileinstall.dir"));
        Files.createDirectories(dropins);
        Path jar = Path.of(System.getProperty("ledgerport.dropinConnectorJar", ""));
        assertTrue(Files.isRegularFile(jar), "the dropped-in connector bundle was not built: " + jar);
        Path dropped = dropins.resolve("ledger-lite.jar");
        ConnectorRegistry registry = Osgi.service(ConnectorRegistry.class);
        String name = Firm.unique("Ledger Lite");
        try (RunningWorkbench workbench = RunningWorkbench.start()) {
            WizardWindow wizard = WizardWindow.openNew(workbench);
            Table packages = wizard.control("wizard.packages");
            assertEquals(-1, (int) workbench.onUi(() -> WizardWindow.row(packages, "Ledger Lite (dropped in)")));

            // Copied under another name and renamed, as an installer does, so the watcher never sees half a jar.
            Path partial = Files.copy(jar, dropins.resolve("ledger-lite.part"), StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, dropped, StandardCopyOption.ATOMIC_MOVE);
            wizard.choosePackage("Ledger Lite (dropped in)");
            wizard.type("wizard.name", name);
            wizard.next();

            wizard.type("wizard.ledgerLite.file", "/books/lite.ledger");
            assertNotNull(workbench.onUi(() -> Ui.find(wizard.shell, Label.class,
                    l -> l.isVisible() && l.getText().equals("Ledger Lite ledger file"))), "the connector's own page");
            wizard.screenshot("wizard-2-own-settings-page");
            wizard.next();

            wizard.map("wizard.taxCodes", Firm.STANDARD.code(), "Standard (S)");
            wizard.next();
            passTheTest(wizard, "Ledger Lite Books (lite-1)");
            wizard.finish();

            Connection saved = saved(name);
            assertEquals("ledger-lite", saved.connectorId());
            assertEquals("/books/lite.ledger", saved.setting("ledgerFile", ""));
            assertEquals("S", saved.mapped(MappingKind.TAX_CODE, Firm.STANDARD.code()));
            assertEquals("Ledger Lite Books", saved.setting("accountName", ""));
            Osgi.service(ConnectionStore.class).deleteConnection(System.getProperty("user.name"), saved.id());
        } finally {
            Files.deleteIfExists(dropped);
            Osgi.await("the dropped-in connector to be gone", () -> registry.find("ledger-lite").isEmpty());
        }
    }

    /** The firm's standard tax code, and an item whose income account is to be mapped. */
    private static void ourTaxCodeAndItem() throws InterruptedException {
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        new Firm(store, "WIZ");
        if (store.findItem("WIZ-CONSULT").isEmpty()) {
            store.createItem(new Item(0, "WIZ-CONSULT", "Consulting", Money.of("150.00", "EUR"), OUR_ACCOUNT,
                    Firm.STANDARD.code()));
        }
    }

    private static QuickBooksSimulator quickBooks(URI redirect) throws IOException {
        CompanySetup company = new CompanySetup(REALM, "Quay Books Ltd", "IE", "EUR", false, false, false, "1001",
                new BigDecimal("20"), BigDecimal.ZERO, ZoneId.of("Europe/Dublin"));
        return QuickBooksSimulator.start(QuickBooksSimulator.Options.defaults().withCompanies(company)
                .withClient(CLIENT_ID, CLIENT_SECRET, redirect));
    }

    private static void quickBooksSettings(WizardWindow wizard, QuickBooksSimulator simulator, URI redirect)
            throws InterruptedException {
        wizard.select("wizard.setting.environment", "other");
        wizard.type("wizard.setting.serviceAddress", simulator.baseUri().toString());
        wizard.type("wizard.setting.clientId", CLIENT_ID);
        wizard.type("wizard.setting.clientSecret", CLIENT_SECRET);
        wizard.type("wizard.setting.redirectUri", redirect.toString());
    }

    private static void passTheTest(WizardWindow wizard, String account) throws InterruptedException {
        wizard.click("wizard.test");
        String result = wizard.awaitText("wizard.testResult", "The connection works");
        assertTrue(result.contains("reached " + account), result);
    }

    private static Connection saved(String name) throws InterruptedException {
        return Osgi.service(ConnectionStore.class).findConnectionByName(name)
                .orElseThrow(() -> new AssertionError("no connection '" + name + "' was saved"));
    }

    private static ConnectionContext context(Connection connection) throws InterruptedException {
        return new ConnectionContext(connection, Osgi.service(CredentialStore.class).forConnection(connection.uid()));
    }

    private static AccountInfo test(Connection connection) throws Exception {
        ConnectorRegistry registry = Osgi.service(ConnectorRegistry.class);
        return registry.find(connection.connectorId()).orElseThrow().test(context(connection));
    }

    /** A redirect address on this computer, on a port nothing listens on yet. */
    private static URI loopbackRedirect(String path) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://localhost:" + socket.getLocalPort() + "/ledgerport/" + path);
        }
    }
}
