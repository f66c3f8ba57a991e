package org.ledgerport.connector.xero.internal;

import java.net.URI;
import java.util.List;

import org.ledgerport.connector.http.ConnectionSettings;
import org.ledgerport.connector.http.OAuthEndpoints;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.Setting;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Problem;

/**
 * A Xero connection's settings, read and checked as a whole.
 *
 * @param connections  where Xero lists the organisations a sign-in may use
 * @param apiBase      the Accounting API, without a trailing slash
 * @param organisation the organisation the user asked for (a name or a tenant id), or empty for "the only one"
 * @param untaxedRate  the TaxType of lines without a tax code, so that they do not take their account's default
 * @param tenantId     the organisation chosen when the connection was connected; empty before
 */
record XeroSettings(String environment, URI appBase, OAuthEndpoints oauth, URI connections, URI apiBase,
        String clientId, URI redirect, String organisation, List<String> scopes, String statusOnExport,
        String salesAccount, String untaxedRate, String tenantId, String organisationName) {

    static final String PRODUCTION = "production";
    static final String OTHER = "other";

    /** Apps created from 2 March 2026 may ask only for the granular scopes. */
    static final String GRANULAR = "granular";
    /** Older apps may keep accounting.transactions until Xero retires it. */
    static final String TRANSACTIONS = "transactions";

    static final String DRAFT = "DRAFT";
    static final String SUBMITTED = "SUBMITTED";
    static final String AUTHORISED = "AUTHORISED";

    static final Setting ENVIRONMENT = new Setting("environment", "Xero environment",
            "production for a real Xero organisation; other for a service that stands in for Xero (a training or "
                    + "test service) at the address below.",
            true, false, PRODUCTION, List.of(PRODUCTION, OTHER));
    static final Setting SERVICE_ADDRESS = new Setting("serviceAddress", "Service address",
            "Only for the environment 'other': the address of the service that stands in for Xero.", false, false,
            "", List.of());
    static final Setting CLIENT_ID = new Setting("clientId", "Client id",
            "The client id of your firm's Xero app (developer.xero.com, My Apps). Create the app with the grant type "
                    + "'Auth code with PKCE': Ledgerport needs no client secret.",
            true, false, "", List.of());
    static final Setting REDIRECT = new Setting("redirectUri", "Redirect URI",
            "Exactly as registered with the app. An address on this computer (http://localhost:port/path) lets the "
                    + "sign-in finish by itself.",
            true, false, "http://localhost:8768/ledgerport/xero", List.of());
    static final Setting ORGANISATION = new Setting("organisation", "Organisation",
            "The Xero organisation to export to: its name or tenant id. Leave it empty when the app is connected to "
                    + "one organisation only.",
            false, false, "", List.of());
    static final Setting SCOPES = new Setting("scopes", "Access requested",
            "granular for apps created from 2 March 2026 (accounting.invoices, accounting.payments, "
                    + "accounting.contacts, accounting.settings); transactions for older apps that still use "
                    + "accounting.transactions.",
            true, false, GRANULAR, List.of(GRANULAR, TRANSACTIONS));
    static final Setting STATUS = new Setting("statusOnExport", "Status of exported invoices",
            "DRAFT leaves invoices to be approved in Xero, SUBMITTED puts them up for approval, AUTHORISED approves "
                    + "them at once (they can then be paid and sent from Xero).",
            true, false, AUTHORISED, List.of(DRAFT, SUBMITTED, AUTHORISED));
    static final Setting SALES_ACCOUNT = new Setting("salesAccount", "Default sales account",
            "The code of the Xero account that lines are booked to unless their item's income account is mapped, "
                    + "and that freight, handling and discounts are booked to.",
            true, false, "200", List.of());

    static final Setting UNTAXED_RATE = new Setting("untaxedRate", "Tax rate for untaxed lines",
            "The Xero tax type that lines without a tax code get: NONE (no tax) where the organisation has it, "
                    + "otherwise its zero rate for sales, such as EXEMPTOUTPUT.",
            true, false, "NONE", List.of());

    static final List<Setting> ALL = List.of(ENVIRONMENT, SERVICE_ADDRESS, CLIENT_ID, REDIRECT, ORGANISATION, SCOPES,
            STATUS, SALES_ACCOUNT, UNTAXED_RATE);

    /** Saved with the connection when it connects. */
    static final String TENANT_ID = "tenantId";
    static final String ORGANISATION_NAME = "organisationName";
    static final String BASE_CURRENCY = "baseCurrency";

    static XeroSettings read(Connection connection) throws ConnectorException {
        String environment = connection.setting(ENVIRONMENT.key(), PRODUCTION);
        URI app;
        OAuthEndpoints oauth;
        URI connections;
        URI api;
        switch (environment) {
            case PRODUCTION -> {
                app = URI.create("https://go.xero.com");
                oauth = new OAuthEndpoints(URI.create("https://login.xero.com/identity/connect/authorize"),
                        URI.create("https://identity.xero.com/connect/token"),
                        URI.create("https://identity.xero.com/connect/revocation"));
                connections = URI.create("https://api.xero.com/connections");
                api = URI.create("https://api.xero.com/api.xro/2.0");
            }
            case OTHER -> {
                String address = ConnectionSettings.serviceAddress(connection, SERVICE_ADDRESS);
                app = URI.create(address);
                oauth = new OAuthEndpoints(URI.create(address + "/identity/connect/authorize"),
                        URI.create(address + "/identity/connect/token"),
                        URI.create(address + "/identity/connect/revocation"));
                connections = URI.create(address + "/connections");
                api = URI.create(address + "/api.xro/2.0");
            }
            default -> throw invalid(ENVIRONMENT, "The Xero environment is production or other, not '" + environment
                    + "'.");
        }
        String clientId = ConnectionSettings.required(connection, CLIENT_ID,
                "Enter the client id of your firm's Xero app (developer.xero.com, My Apps).");
        URI redirect = ConnectionSettings.redirect(connection, REDIRECT);
        String scopeSet = connection.setting(SCOPES.key(), GRANULAR);
        List<String> scopes = switch (scopeSet) {
            case GRANULAR -> List.of("offline_access", "accounting.invoices", "accounting.payments",
                    "accounting.contacts", "accounting.settings");
            case TRANSACTIONS -> List.of("offline_access", "accounting.transactions", "accounting.contacts",
                    "accounting.settings");
            default -> throw invalid(SCOPES, "The access requested is granular or transactions, not '" + scopeSet
                    + "'.");
        };
        String status = connection.setting(STATUS.key(), AUTHORISED).strip();
        if (!STATUS.choices().contains(status)) {
            throw invalid(STATUS, "The status of exported invoices is DRAFT, SUBMITTED or AUTHORISED, not '" + status
                    + "'.");
        }
        String salesAccount = connection.setting(SALES_ACCOUNT.key(), SALES_ACCOUNT.defaultValue()).strip();
        if (salesAccount.isEmpty()) {
            throw invalid(SALES_ACCOUNT, "Enter the code of the Xero account sales are booked to (often 200).");
        }
        String untaxedRate = connection.setting(UNTAXED_RATE.key(), UNTAXED_RATE.defaultValue()).strip();
        if (untaxedRate.isEmpty()) {
            throw invalid(UNTAXED_RATE, "Enter the Xero tax type for lines without a tax code (often NONE).");
        }
        return new XeroSettings(environment, app, oauth, connections, api, clientId, redirect,
                connection.setting(ORGANISATION.key(), "").strip(), scopes, status, salesAccount, untaxedRate,
                connection.setting(TENANT_ID, ""), connection.setting(ORGANISATION_NAME, connection.name()));
    }

    /** The organisation, or a clear refusal when the connection was never connected. */
    String requireTenant() throws ConnectorException {
        if (tenantId.isEmpty()) {
            throw new ConnectorException(Problem.error("connection.not-connected", "connection",
                    "This connection has not been connected to a Xero organisation yet. Connect it first."));
        }
        return tenantId;
    }

    /** Whether the organisation asked for is the one connected, so that no new choice needs to be made. */
    boolean connectedToRequested() {
        return !tenantId.isEmpty() && (organisation.isEmpty() || organisation.equalsIgnoreCase(tenantId)
                || Names.key(organisation).equals(Names.key(organisationName)));
    }

    /**
     * Where a person opens an invoice in Xero; the organisation's short code sends the browser to the right
     * organisation when the user has several.
     */
    String invoiceLink(String invoiceId, String shortCode) {
        String view = "/AccountsReceivable/View.aspx?InvoiceID=" + invoiceId;
        if (PRODUCTION.equals(environment) && !shortCode.isEmpty()) {
            return appBase + "/organisationlogin/default.aspx?shortcode=" + shortCode + "&redirecturl=" + view;
        }
        return appBase + view;
    }

    private static ConnectorException invalid(Setting setting, String message) {
        return ConnectionSettings.invalid(setting, message);
    }
}
