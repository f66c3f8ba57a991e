package org.ledgerport.connector.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ledgerport.connector.http.OAuthFlow;
import org.ledgerport.connector.http.TokenKeeper;
import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.connector.AuthKind;
import org.ledgerport.core.connector.Capabilities;
import org.ledgerport.core.connector.ConnectorDescriptor;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.Setting;
import org.ledgerport.core.credentials.Credentials;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.simulator.xero.Organisation;
import org.ledgerport.simulator.xero.XeroSimulator;

/** Connecting a Xero organisation: the descriptor the wizard reads, the PKCE sign-in, choosing the organisation. */
class ConnectTest {

    @Test
    void registersItselfWithWhatTheWizardNeeds() throws Exception {
        ConnectorDescriptor descriptor = XeroWorld.connector().descriptor();

        assertEquals("xero", descriptor.id());
        assertEquals("Xero", descriptor.displayName());
        assertEquals(AuthKind.OAUTH2, descriptor.authKind());
        assertEquals(new Capabilities(true, 50, true, true, true, 60, 5, true), descriptor.capabilities());
        assertNotNull(descriptor.icon(), "the Xero icon");
        assertEquals(List.of("environment", "serviceAddress", "clientId", "redirectUri", "organisation", "scopes",
                "statusOnExport", "salesAccount", "untaxedRate"),
                descriptor.settings().stream().map(Setting::key).toList());
        assertTrue(descriptor.settings().stream().noneMatch(Setting::secret), "a PKCE app has no client secret");
        assertEquals(List.of("DRAFT", "SUBMITTED", "AUTHORISED"), descriptor.setting("statusOnExport").orElseThrow()
                .choices());
        assertEquals("AUTHORISED", descriptor.setting("statusOnExport").orElseThrow().defaultValue());
        assertEquals(List.of("granular", "transactions"), descriptor.setting("scopes").orElseThrow().choices());
        assertTrue(descriptor.setting("redirectUri").orElseThrow().defaultValue().startsWith("http://localhost:"));
        assertTrue(descriptor.settings().stream().allMatch(s -> !s.help().isBlank()), "every setting is explained");
    }

    @Test
    void connectsWithPkceThroughTheBrowserAndTheLoopback() throws Exception {
        try (XeroWorld world = XeroWorld.start()) {
            Connection connection = world.connection(NumberingPolicy.VENDOR_ASSIGNS);

            AccountInfo account = world.connector.connect(world.context(connection), world.browser());

            String tenant = world.tenant().toString();
            assertEquals(tenant, account.accountId());
            assertEquals("Tasman Joinery Ltd", account.name());
            assertEquals(tenant, account.settings().get("tenantId"));
            assertEquals("Tasman Joinery Ltd", account.settings().get("organisationName"));
            assertEquals("NZD", account.settings().get("baseCurrency"));
            assertEquals("5000", account.settings().get("dayCallsLimit"));
            assertTrue(Integer.parseInt(account.settings().get("dayCallsRemaining")) < 5000,
                    "what is left of the day's calls, as Xero reported it: " + account.settings());

            Map<String, String> asked = OAuthFlow.parameters(world.signInPages.get(0));
            assertEquals("S256", asked.get("code_challenge_method"));
            assertTrue(asked.get("code_challenge").matches("[A-Za-z0-9_-]{43}"), "a SHA-256 challenge");
            assertTrue(asked.get("state").length() >= 32, "a state to tie the answer to this sign-in");
            assertEquals(world.redirect.toString(), asked.get("redirect_uri"));
            assertEquals(Set.of("offline_access", "accounting.invoices", "accounting.payments",
                    "accounting.contacts", "accounting.settings"), Set.of(asked.get("scope").split(" ")));
            assertFalse(asked.containsKey("client_secret"));

            Credentials secrets = world.credentials(connection);
            assertTrue(secrets.read(TokenKeeper.REFRESH_TOKEN).isPresent(), "offline access gives a refresh token");
            Connection connected = XeroWorld.variant(connection, account.settings(), connection.mappings());
            assertEquals(account.accountId(), world.connector.test(world.context(connected)).accountId());
            assertEquals(1, world.signInPages.size(), "testing needs no new sign-in");
        }
    }

    @Test
    void severalOrganisationsAreListedByNameToChooseFrom() throws Exception {
        try (XeroWorld world = XeroWorld.start(options -> options)) {
            Connection connection = world.connection(NumberingPolicy.VENDOR_ASSIGNS);

            ConnectorException choose = assertThrows(ConnectorException.class,
                    () -> world.connector.connect(world.context(connection), world.browser()));

            assertEquals("connection.choose-organisation", choose.problem().code());
            assertEquals("organisation", choose.problem().field());
            String message = choose.problem().message();
            assertTrue(message.contains("'Tasman Joinery Ltd'") && message.contains("'Harbourside Plumbing Ltd'"),
                    message);
            UUID harbourside = world.tenant("Harbourside Plumbing Ltd");
            assertTrue(choose.problem().vendorMessage().contains(harbourside + " Harbourside Plumbing Ltd"),
                    "each organisation's tenant id and name, for the wizard's choice");

            Connection chosen = XeroWorld.variant(connection, "organisation", "harbourside plumbing ltd");
            AccountInfo account = world.connector.test(world.context(chosen));

            assertEquals(harbourside.toString(), account.accountId());
            assertEquals("Harbourside Plumbing Ltd", account.name());
            assertEquals(1, world.signInPages.size(), "the choice needs no second sign-in");
        }
    }

    @Test
    void anOrganisationNotAllowedAtSignInIsRefusedWithTheOnesThatWere() throws Exception {
        try (XeroWorld world = XeroWorld.start(options -> options)) {
            world.simulator.limitNextAuthorizationTo(world.tenant("Tasman Joinery Ltd"));
            Connection connection = world.connection(NumberingPolicy.VENDOR_ASSIGNS, "organisation",
                    "Harbourside Plumbing Ltd");

            ConnectorException refused = assertThrows(ConnectorException.class,
                    () -> world.connector.connect(world.context(connection), world.browser()));

            assertEquals("connection.organisation-not-found", refused.problem().code());
            assertTrue(refused.problem().message().contains("may use 'Tasman Joinery Ltd'"),
                    refused.problem().message());
        }
    }

    @Test
    void olderAppsMayAskForAccountingTransactions() throws Exception {
        try (XeroWorld world = XeroWorld.start(options -> options
                .withOrganisations(Organisation.standard("Tasman Joinery Ltd"))
                .withApps(XeroSimulator.App.pkce(XeroSimulator.Options.CLIENT_ID, LocalDate.of(2025, 6, 1),
                        options.apps().get(0).redirectUris().get(0))))) {
            Connection connected = world.connected(NumberingPolicy.VENDOR_ASSIGNS, "scopes", "transactions");

            assertTrue(OAuthFlow.parameters(world.signInPages.get(0)).get("scope").contains("accounting.transactions"));
            try (var session = world.session(connected)) {
                assertFalse(session.referenceData(false).accounts().isEmpty(), "the API answers with those scopes");
            }
        }
    }

    @Test
    void disconnectingRevokesTheSignInAndForgetsTheTokens() throws Exception {
        try (XeroWorld world = XeroWorld.start()) {
            Connection connected = world.connected(NumberingPolicy.VENDOR_ASSIGNS);

            world.connector.disconnect(world.context(connected));

            assertEquals(1, world.calls("POST", "/identity/connect/revocation"));
            assertTrue(world.credentials(connected).read(TokenKeeper.REFRESH_TOKEN).isEmpty());
            assertTrue(world.credentials(connected).read(TokenKeeper.ACCESS_TOKEN).isEmpty());
            ConnectorException afterwards = assertThrows(ConnectorException.class,
                    () -> world.connector.test(world.context(connected)));
            assertEquals("connection.reconnect-needed", afterwards.problem().code());
        }
    }
}
