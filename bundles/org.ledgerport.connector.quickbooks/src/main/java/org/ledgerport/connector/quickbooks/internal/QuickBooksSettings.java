package org.ledgerport.connector.quickbooks.internal;

import java.net.URI;
import java.util.List;

import org.ledgerport.connector.http.ConnectionSettings;
import org.ledgerport.connector.http.OAuthEndpoints;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.Setting;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Problem;

/**
 * A QuickBooks Online connection's settings, read and checked as a whole.
 *
 * @param apiBase  where the Accounting API is
 * @param redirect where the sign-in ends: this computer (development and sandbox keys) or a registered https page
 *                 whose address the user pastes back (production keys, which Intuit allows no other way)
 * @param lineItem the item lines without an item of ours are booked on
 * @param realmId  the company, once connected; empty before
 */
record QuickBooksSettings(String environment, URI apiBase, OAuthEndpoints oauth, String clientId, URI redirect,
        String incomeAccount, String lineItem, String realmId, String companyName) {

    static final String PRODUCTION = "production";
    static final String SANDBOX = "sandbox";
    static final String OTHER = "other";

    static final Setting ENVIRONMENT = new Setting("environment", "QuickBooks environment",
            "production for a real company; sandbox for an Intuit developer sandbox company; other for a service "
                    + "that stands in for QuickBooks (a training or test service) at the address below.",
            true, false, PRODUCTION, List.of(PRODUCTION, SANDBOX, OTHER));
    static final Setting SERVICE_ADDRESS = new Setting("serviceAddress", "Service address",
            "Only for the environment 'other': the address of the service that stands in for QuickBooks.", false,
            false, "", List.of());
    static final Setting CLIENT_ID = new Setting("clientId", "Client ID",
            "The Client ID of your firm's app in the Intuit developer portal (Keys & credentials).", true, false, "",
            List.of());
    static final Setting CLIENT_SECRET = new Setting("clientSecret", "Client secret",
            "The app's Client secret, from the same page. Kept encrypted on this computer only.", true, true, "",
            List.of());
    static final Setting REDIRECT = new Setting("redirectUri", "Redirect URI",
            "Exactly as registered with the app. Development and sandbox keys may use an address on this computer "
                    + "(http://localhost:port/path): the sign-in then finishes by itself. Production keys need an "
                    + "https page: after signing in, copy that page's address from the browser and paste it back.",
            true, false, "http://localhost:8767/ledgerport/quickbooks", List.of());
    static final Setting INCOME_ACCOUNT = new Setting("incomeAccount", "Income account for new items",
            "The QuickBooks income account (its name) that products and services Ledgerport creates are booked to, "
                    + "unless the item's own account is mapped.",
            true, false, "Sales", List.of());

    static final Setting LINE_ITEM = new Setting("lineItem", "Product or service for lines without one",
            "QuickBooks books every invoice line on a product or service. Lines that name none of yours are booked "
                    + "on this one (its name); Ledgerport creates it if QuickBooks does not have it.",
            true, false, "Services", List.of());

    static final List<Setting> ALL = List.of(ENVIRONMENT, SERVICE_ADDRESS, CLIENT_ID, CLIENT_SECRET, REDIRECT,
            INCOME_ACCOUNT, LINE_ITEM);

    /** Saved with the connection when it connects. */
    static final String REALM_ID = "realmId";
    static final String COMPANY_NAME = "companyName";

    static QuickBooksSettings read(Connection connection) throws ConnectorException {
        String environment = connection.setting(ENVIRONMENT.key(), PRODUCTION);
        URI apiBase;
        OAuthEndpoints oauth;
        switch (environment) {
            case PRODUCTION, SANDBOX -> {
                apiBase = URI.create(PRODUCTION.equals(environment) ? "https://quickbooks.api.intuit.com"
                        : "https://sandbox-quickbooks.api.intuit.com");
                oauth = new OAuthEndpoints(URI.create("https://appcenter.intuit.com/connect/oauth2"),
                        URI.create("https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"),
                        URI.create("https://developer.api.intuit.com/v2/oauth2/tokens/revoke"));
            }
            case OTHER -> {
                String address = ConnectionSettings.serviceAddress(connection, SERVICE_ADDRESS);
                apiBase = URI.create(address);
                oauth = new OAuthEndpoints(URI.create(address + "/connect/oauth2"),
                        URI.create(address + "/oauth2/v1/tokens/bearer"),
                        URI.create(address + "/v2/oauth2/tokens/revoke"));
            }
            default -> throw invalid(ENVIRONMENT, "The QuickBooks environment is production, sandbox or other, not '"
                    + environment + "'.");
        }
        String clientId = ConnectionSettings.required(connection, CLIENT_ID,
                "Enter the Client ID of your app from the Intuit developer portal.");
        URI redirect = ConnectionSettings.redirect(connection, REDIRECT);
        return new QuickBooksSettings(environment, apiBase, oauth, clientId, redirect,
                connection.setting(INCOME_ACCOUNT.key(), INCOME_ACCOUNT.defaultValue()).strip(),
                connection.setting(LINE_ITEM.key(), LINE_ITEM.defaultValue()).strip(), connection.setting(REALM_ID, ""), connection.setting(COMPANY_NAME, connection.name()));
    }

    /** The company, or a clear refusal when the connection was never connected. */
    String requireRealm() throws ConnectorException {
        if (realmId.isEmpty()) {
            throw new ConnectorException(Problem.error("connection.not-connected", "connection",
                    "This connection has not been connected to a QuickBooks company yet. Connect it first."));
        }
        return realmId;
    }

    /** Where a person opens an invoice in QuickBooks. */
    String invoiceLink(String id) {
        String app = switch (environment) {
            case PRODUCTION -> "https://app.qbo.intuit.com";
            case SANDBOX -> "https://app.sandbox.qbo.intuit.com";
            default -> apiBase.toString();
        };
        return app + "/app/invoice?txnId=" + id;
    }

    private static ConnectorException invalid(Setting setting, String message) {
        return ConnectionSettings.invalid(setting, message);
    }
}
