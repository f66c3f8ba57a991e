package org.ledgerport.connector.quickbooks.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.ledgerport.connector.http.ApiClient;
import org.ledgerport.connector.http.HttpProblems;
import org.ledgerport.connector.http.OAuthClient;
import org.ledgerport.connector.http.OAuthFlow;
import org.ledgerport.connector.http.PerConnection;
import org.ledgerport.connector.http.RateLimiter;
import org.ledgerport.connector.http.RateLimits;
import org.ledgerport.connector.http.TokenKeeper;
import org.ledgerport.connector.http.VendorHttp;
import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.connector.AuthKind;
import org.ledgerport.core.connector.Capabilities;
import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorDescriptor;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.SignIn;
import org.ledgerport.core.credentials.Credentials;
import org.ledgerport.core.model.Problem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Exports invoices to QuickBooks Online through its Accounting API: OAuth 2.0 sign-in, customers and items
 * found or created in bulk, invoices sent 30 to a batch with a request id, within Intuit's rate limits.
 */
@Component(service = Connector.class)
public final class QuickBooksConnector implements Connector {

    static final String ID = "quickbooks-online";
    private static final String SCOPE = "com.intuit.quickbooks.accounting";

    /** Intuit's limits per company: 500 requests a minute (each batch operation counts), 10 at once. */
    private static final RateLimits LIMITS = new RateLimits(500, 10, 0);
    /** Batch requests have a limit of their own: 40 a minute per company. */
    private static final RateLimits BATCH_LIMITS = new RateLimits(40, 0, 0);

    private final ConnectorDescriptor descriptor = new ConnectorDescriptor(ID, "QuickBooks Online",
            "Sends invoices to a QuickBooks Online company, creating the customers and products it does not have "
                    + "yet.",
            QuickBooksConnector.class.getResource("/icons/quickbooks.png"), AuthKind.OAUTH2,
            new Capabilities(true, QuickBooksApi.BATCH, true, true, true, LIMITS.perMinute(), LIMITS.concurrent(),
                    true),
            QuickBooksSettings.ALL);

    private final Clock clock;
    private final VendorHttp http;
    private final ConcurrentMap<String, TokenKeeper> keepers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, RateLimiter> batchLimiters = new ConcurrentHashMap<>();
    private final PerConnection<CompanyLists> lists = new PerConnection<>();

    @Activate
    public QuickBooksConnector() {
        this.clock = Clock.systemUTC();
        this.http = new VendorHttp(FaultProblems.VENDOR, LIMITS.concurrent(), Duration.ofSeconds(15),
                Duration.ofSeconds(90));
    }

    @Deactivate
    void deactivate() {
        http.close();
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public AccountInfo connect(ConnectionContext context, SignIn signIn) throws ConnectorException,
            InterruptedException {
        QuickBooksSettings settings = QuickBooksSettings.read(context.connection());
        OAuthFlow.Authorization authorization = flow(settings, context.credentials()).signIn(signIn,
                settings.redirect(), List.of(SCOPE), false, Map.of());
        String realmId = authorization.redirectParameters().getOrDefault("realmId", "");
        if (realmId.isBlank()) {
            throw HttpProblems.signInFailed(FaultProblems.VENDOR, "QuickBooks did not say which company was "
                    + "chosen (no realmId on the redirect). Sign in again and pick a company.", "");
        }
        String uid = context.connection().uid();
        keepers.remove(uid);
        lists.forget(uid);
        keeper(settings, realmId, context).save(authorization.tokens());
        return account(settings, realmId, context);
    }

    @Override
    public AccountInfo test(ConnectionContext context) throws ConnectorException {
        QuickBooksSettings settings = QuickBooksSettings.read(context.connection());
        return account(settings, settings.requireRealm(), context);
    }

    /** Revokes the sign-in at Intuit where possible and forgets the tokens here in any case. */
    @Override
    public void disconnect(ConnectionContext context) throws ConnectorException {
        QuickBooksSettings settings = QuickBooksSettings.read(context.connection());
        try {
            keeper(settings, settings.realmId(), context).signOut(flow(settings, context.credentials()));
        } finally {
            keepers.remove(context.connection().uid());
            lists.forget(context.connection().uid());
        }
    }

    @Override
    public ConnectorSession openSession(ConnectionContext context) throws ConnectorException {
        QuickBooksSettings settings = QuickBooksSettings.read(context.connection());
        return new QuickBooksSession(context.connection(), settings, api(settings, settings.requireRealm(), context),
                lists.slot(context.connection().uid()), clock);
    }

    private AccountInfo account(QuickBooksSettings settings, String realmId, ConnectionContext context)
            throws ConnectorException {
        QuickBooksApi api = api(settings, realmId, context);
        JsonNode info = api.get("companyinfo/" + realmId, "The company's details").path("CompanyInfo");
        JsonNode preferences = api.get("preferences", "The company's preferences").path("Preferences");
        CompanyPreferences company = CompanyPreferences.of(preferences, info);
        String name = info.path("CompanyName").asText(realmId);
        return new AccountInfo(realmId, name, Map.of(QuickBooksSettings.REALM_ID, realmId,
                QuickBooksSettings.COMPANY_NAME, name, "homeCurrency", company.homeCurrency(), "customNumbers",
                String.valueOf(company.customNumbers()), "automatedSalesTax",
                String.valueOf(company.automatedSalesTax())));
    }

    private QuickBooksApi api(QuickBooksSettings settings, String realmId, ConnectionContext context)
            throws ConnectorException {
        TokenKeeper keeper = keeper(settings, realmId, context);
        RateLimiter limiter = limiters.computeIfAbsent(realmId, realm -> new RateLimiter(LIMITS, clock));
        RateLimiter batches = batchLimiters.computeIfAbsent(realmId, realm -> new RateLimiter(BATCH_LIMITS, clock));
        return new QuickBooksApi(new ApiClient(http, keeper, limiter), batches, settings.apiBase(), realmId);
    }

    /** One keeper per connection, so that its sessions refresh the tokens once, not each on its own. */
    private TokenKeeper keeper(QuickBooksSettings settings, String realmId, ConnectionContext context)
            throws ConnectorException {
        OAuthFlow flow = flow(settings, context.credentials());
        return keepers.computeIfAbsent(context.connection().uid(), uid -> new TokenKeeper(context.credentials(),
                flow::refresh, clock, FaultProblems.VENDOR,
                "the company " + settings.companyName() + (realmId.isEmpty() ? "" : " (" + realmId + ")")));
    }

    private OAuthFlow flow(QuickBooksSettings settings, Credentials credentials) throws ConnectorException {
        String secret = credentials.read(QuickBooksSettings.CLIENT_SECRET.key()).orElse("");
        if (secret.isBlank()) {
            throw new ConnectorException(Problem.error("connection.setting-invalid",
                    QuickBooksSettings.CLIENT_SECRET.key(), "Enter the app's Client secret from the Intuit developer "
                            + "portal in the connection's settings."));
        }
        return new OAuthFlow(http, settings.oauth(), new OAuthClient(settings.clientId(), secret), clock);
    }
}
