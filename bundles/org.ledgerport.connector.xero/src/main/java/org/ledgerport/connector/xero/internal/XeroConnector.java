package org.ledgerport.connector.xero.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import org.ledgerport.connector.http.ApiClient;
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
import org.ledgerport.core.model.Problem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Exports invoices to a Xero organisation through its Accounting API: sign-in with PKCE (no client secret), contacts
 * and items found or created in bulk, invoices sent 50 to a request with an idempotency key, within Xero's limits
 * per organisation.
 */
@Component(service = Connector.class)
public final class XeroConnector implements Connector {

    static final String ID = "xero";

    /** Set on AccountInfo: what is left of the organisation's calls today, for the UI to show before an export. */
    static final String DAY_CALLS_REMAINING = "dayCallsRemaining";
    static final String DAY_CALLS_LIMIT = "dayCallsLimit";

    private final ConnectorDescriptor descriptor = new ConnectorDescriptor(ID, "Xero",
            "Sends invoices to a Xero organisation, adding the contacts and items it does not have yet.",
            XeroConnector.class.getResource("/icons/xero.png"), AuthKind.OAUTH2,
            new Capabilities(true, XeroApi.BATCH, true, true, true, TenantBudget.LIMITS.perMinute(),
                    TenantBudget.LIMITS.concurrent(), true),
            XeroSettings.ALL);

    private final Clock clock;
    private final VendorHttp http;
    /** The list of connections is Xero's identity service, not an organisation's API, and is paced on its own. */
    private final RateLimiter identityLimiter;
    private final ConcurrentMap<String, TokenKeeper> keepers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, TenantBudget> budgets = new ConcurrentHashMap<>();
    private final PerConnection<OrganisationLists> lists = new PerConnection<>();

    @Activate
    public XeroConnector() {
        this.clock = Clock.systemUTC();
        this.http = new VendorHttp(XeroProblems.VENDOR, TenantBudget.LIMITS.concurrent(), Duration.ofSeconds(15),
                Duration.ofSeconds(90));
        this.identityLimiter = new RateLimiter(new RateLimits(TenantBudget.LIMITS.perMinute(),
                TenantBudget.LIMITS.concurrent(), 0), clock);
    }

    @Deactivate
    void deactivate() {
        http.close();
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    /**
     * Signs in and chooses the organisation. When the sign-in may use several and the connection does not say
     * which, it fails with the list of their names; the tokens are kept, so that once the organisation is entered
     * {@link #test} finishes the connection without another sign-in.
     */
    @Override
    public AccountInfo connect(ConnectionContext context, SignIn signIn) throws ConnectorException,
            InterruptedException {
        XeroSettings settings = XeroSettings.read(context.connection());
        String uid = context.connection().uid();
        OAuthFlow.Authorization authorization = flow(settings).signIn(signIn, settings.redirect(), settings.scopes(),
                true, Map.of());
        keepers.remove(uid);
        lists.forget(uid);
        TokenKeeper keeper = keeper(settings, context);
        keeper.save(authorization.tokens());
        return account(settings, tenant(settings, keeper), context);
    }

    @Override
    public AccountInfo test(ConnectionContext context) throws ConnectorException {
        XeroSettings settings = XeroSettings.read(context.connection());
        String tenantId = settings.connectedToRequested() ? settings.tenantId()
                : tenant(settings, keeper(settings, context));
        return account(settings, tenantId, context);
    }

    /** Revokes the sign-in at Xero where possible and forgets the tokens here in any case. */
    @Override
    public void disconnect(ConnectionContext context) throws ConnectorException {
        XeroSettings settings = XeroSettings.read(context.connection());
        try {
            keeper(settings, context).signOut(flow(settings));
        } finally {
            keepers.remove(context.connection().uid());
            lists.forget(context.connection().uid());
        }
    }

    @Override
    public ConnectorSession openSession(ConnectionContext context) throws ConnectorException {
        XeroSettings settings = XeroSettings.read(context.connection());
        return new XeroSession(context.connection(), settings, api(settings, settings.requireTenant(), context),
                lists.slot(context.connection().uid()), clock);
    }

    /** The organisation the connection asks for, among those Xero's connections list says the sign-in may use. */
    private String tenant(XeroSettings settings, TokenKeeper keeper) throws ConnectorException {
        List<XeroApi.Tenant> organisations = XeroApi.tenants(new ApiClient(http, keeper, identityLimiter),
                settings.connections()).stream().filter(t -> t.type().equalsIgnoreCase("ORGANISATION")).toList();
        String wanted = settings.organisation();
        if (!wanted.isEmpty()) {
            return organisations.stream()
                    .filter(t -> t.tenantId().equalsIgnoreCase(wanted) || Names.key(t.name()).equals(Names.key(wanted)))
                    .map(XeroApi.Tenant::tenantId).findFirst()
                    .orElseThrow(() -> choice("connection.organisation-not-found", ("Ledgerport may not use a Xero "
                            + "organisation called '%s'; it may use %s. Correct the setting 'Organisation', or connect "
                            + "again and tick '%s' on Xero's page.").formatted(wanted, names(organisations), wanted),
                            organisations));
        }
        if (organisations.size() == 1) {
            return organisations.get(0).tenantId();
        }
        if (organisations.isEmpty()) {
            throw choice("connection.no-organisation", "The sign-in gave Ledgerport access to no Xero organisation. "
                    + "Connect again and choose the organisation on Xero's page.", organisations);
        }
        throw choice("connection.choose-organisation", ("Ledgerport may use %d Xero organisations: %s. Enter the one "
                + "to export to in the setting 'Organisation' (its name as shown), then test the connection; no "
                + "new sign-in is needed.").formatted(organisations.size(), names(organisations)), organisations);
    }

    private static String names(List<XeroApi.Tenant> organisations) {
        return organisations.isEmpty() ? "none"
                : organisations.stream().map(t -> "'" + t.name() + "'").collect(Collectors.joining(", "));
    }

    /** A refusal that carries, as Xero's own answer, each organisation's tenant id and name on a line. */
    private static ConnectorException choice(String code, String message, List<XeroApi.Tenant> organisations) {
        String listed = organisations.stream().map(t -> t.tenantId() + " " + t.name())
                .collect(Collectors.joining("\n"));
        return new ConnectorException(Problem.vendor(code, XeroSettings.ORGANISATION.key(), message, "", listed,
                false));
    }

    private AccountInfo account(XeroSettings settings, String tenantId, ConnectionContext context)
            throws ConnectorException {
        if (!tenantId.equals(settings.tenantId())) {
            lists.forget(context.connection().uid());
        }
        XeroApi api = api(settings, tenantId, context);
        JsonNode organisation = api.get("Organisation", Map.of(), "The organisation's details").path("Organisations")
                .path(0);
        String name = organisation.path("Name").asText(tenantId);
        Map<String, String> learnt = new LinkedHashMap<>();
        learnt.put(XeroSettings.TENANT_ID, tenantId);
        learnt.put(XeroSettings.ORGANISATION_NAME, name);
        learnt.put(XeroSettings.BASE_CURRENCY, organisation.path("BaseCurrency").asText(""));
        OptionalInt remaining = api.budget().dayRemaining();
        if (remaining.isPresent()) {
            learnt.put(DAY_CALLS_REMAINING, String.valueOf(remaining.getAsInt()));
            learnt.put(DAY_CALLS_LIMIT, String.valueOf(TenantBudget.LIMITS.perDay()));
        }
        return new AccountInfo(tenantId, name, learnt);
    }

    private XeroApi api(XeroSettings settings, String tenantId, ConnectionContext context) throws ConnectorException {
        TokenKeeper keeper = keeper(settings, context);
        TenantBudget budget = budgets.computeIfAbsent(tenantId, tenant -> new TenantBudget(clock));
        return new XeroApi(new ApiClient(http, keeper, budget.limiter(), budget), settings.apiBase(), tenantId,
                budget);
    }

    /** One keeper per connection, so that its sessions refresh the tokens once, not each on its own. */
    private TokenKeeper keeper(XeroSettings settings, ConnectionContext context) {
        OAuthFlow flow = flow(settings);
        return keepers.computeIfAbsent(context.connection().uid(), uid -> new TokenKeeper(context.credentials(),
                flow::refresh, clock, XeroProblems.VENDOR, "the organisation " + settings.organisationName()));
    }

    /** Xero's sign-in for apps that keep no secret: the client id alone, proved by PKCE. */
    private OAuthFlow flow(XeroSettings settings) {
        return new OAuthFlow(http, settings.oauth(), new OAuthClient(settings.clientId(), ""), clock);
    }
}
