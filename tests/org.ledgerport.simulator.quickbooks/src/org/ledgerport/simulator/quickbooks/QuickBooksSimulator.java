package org.ledgerport.simulator.quickbooks;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.ledgerport.simulator.quickbooks.internal.Api;
import org.ledgerport.simulator.quickbooks.internal.Company;
import org.ledgerport.simulator.support.OAuthAuthority;
import org.ledgerport.simulator.support.OAuthAuthority.AuthorizationCheck;
import org.ledgerport.simulator.support.RateLimits;
import org.ledgerport.simulator.support.SimClock;
import org.ledgerport.simulator.support.SimRequest;
import org.ledgerport.simulator.support.SimResponse;
import org.ledgerport.simulator.support.SimulatorServer;

/**
 * A QuickBooks Online stand-in on 127.0.0.1, following the documented behaviour (reference section 1), faults and
 * limits included. One host serves the paths of Intuit's hosts: the sign-in page {@code /connect/oauth2}, the
 * token endpoint {@code /oauth2/v1/tokens/bearer}, revocation {@code /v2/oauth2/tokens/revoke} and the Accounting
 * API {@code /v3/company/{realmId}/...}. Tests drive it through {@link #company(String)} ({@link Ledger}),
 * {@link #server()} (latency, failures, lost answers, request log), {@link #oauth()} (token expiry) and
 * {@link #clock()}.
 */
public final class QuickBooksSimulator implements AutoCloseable {

    public static final String ACCOUNTING_SCOPE = "com.intuit.quickbooks.accounting";
    private static final Set<String> SCOPES = Set.of(ACCOUNTING_SCOPE, "com.intuit.quickbooks.payment", "openid",
            "profile", "email", "phone", "address");

    /**
     * How to start a simulator.
     *
     * @param port                0 for a free port
     * @param companies           the companies (realms); the first is the one a sign-in connects unless
     *                            {@link QuickBooksSimulator#setSignInCompany(String)} chose another
     * @param redirectUris        the app's registered redirect addresses (matched exactly)
     * @param accessTokenLifetime QuickBooks' is one hour
     * @param xmlThrottleEvery    every n-th 429 answer is XML (0 for never)
     */
    public record Options(int port, SimClock clock, List<CompanySetup> companies, String clientId,
            String clientSecret, List<URI> redirectUris, Duration accessTokenLifetime, Limits limits,
            int xmlThrottleEvery) {

        public Options {
            Objects.requireNonNull(clock);
            companies = List.copyOf(companies);
            if (companies.isEmpty()) {
                throw new IllegalArgumentException("A simulator holds at least one company");
            }
            redirectUris = List.copyOf(redirectUris);
        }

        /**
         * A free port, a ticking clock, one US company on Automated Sales Tax, the app
         * {@code ledgerport-sim-client}/{@code ledgerport-sim-secret} with the connector's default redirect
         * address, one-hour access tokens, the documented limits, every third throttled answer in XML.
         */
        public static Options defaults() {
            return new Options(0, SimClock.ticking(), List.of(CompanySetup.us("9130350000000001",
                    "Ledgerport Sample Company")), "ledgerport-sim-client", "ledgerport-sim-secret",
                    List.of(URI.create("http://localhost:8767/ledgerport/quickbooks")), Duration.ofHours(1),
                    Limits.documented(), 3);
        }

        public Options withPort(int value) {
            return new Options(value, clock, companies, clientId, clientSecret, redirectUris, accessTokenLifetime,
                    limits, xmlThrottleEvery);
        }

        public Options withClock(SimClock value) {
            return new Options(port, value, companies, clientId, clientSecret, redirectUris, accessTokenLifetime,
                    limits, xmlThrottleEvery);
        }

        public Options withCompanies(CompanySetup... value) {
            return new Options(port, clock, List.of(value), clientId, clientSecret, redirectUris,
                    accessTokenLifetime, limits, xmlThrottleEvery);
        }

        public Options withClient(String id, String secret, URI... redirects) {
            return new Options(port, clock, companies, id, secret, List.of(redirects), accessTokenLifetime, limits,
                    xmlThrottleEvery);
        }

        public Options withAccessTokenLifetime(Duration value) {
            return new Options(port, clock, companies, clientId, clientSecret, redirectUris, value, limits,
                    xmlThrottleEvery);
        }

        public Options withLimits(Limits value) {
            return new Options(port, clock, companies, clientId, clientSecret, redirectUris, accessTokenLifetime,
                    value, xmlThrottleEvery);
        }

        public Options withXmlThrottleEvery(int value) {
            return new Options(port, clock, companies, clientId, clientSecret, redirectUris, accessTokenLifetime,
                    limits, value);
        }
    }

    private final Options options;
    private final SimulatorServer server;
    private final OAuthAuthority oauth;
    private final RateLimits rates;
    private final Map<String, Company> companies = new ConcurrentHashMap<>();
    private final Api api;
    private final AtomicBoolean denyNext = new AtomicBoolean();
    private volatile String signInRealm;

    private QuickBooksSimulator(Options options) throws IOException {
        this.options = options;
        SimClock clock = options.clock();
        options.companies().forEach(c -> companies.put(c.realmId(), new Company(c, clock)));
        this.signInRealm = options.companies().get(0).realmId();
        // Reference 1.1: one-hour access tokens; 100-day rolling refresh tokens within a five-year maximum; the
        // previous refresh token dies once a newer one is used (the safer reading); Basic client authentication.
        // [unverified] code lifetime: five minutes, the short end of what is usual.
        this.oauth = new OAuthAuthority(clock, new OAuthAuthority.Policy(options.accessTokenLifetime(),
                Duration.ofMinutes(5), Duration.ofDays(100), Duration.ofDays(5 * 365),
                OAuthAuthority.Rotation.UNTIL_SUCCESSOR_USED, Duration.ZERO, true, "bearer", ""));
        oauth.register(OAuthAuthority.Client.confidential(options.clientId(), options.clientSecret(),
                options.redirectUris(), SCOPES));
        this.rates = new RateLimits(clock);
        this.api = new Api(companies, oauth, rates, options.limits(), clock, options.xmlThrottleEvery());
        this.server = SimulatorServer.start(options.port(), clock);
        server.setFailureAnswer(api::injectedFailure);
        server.route("GET", "/connect/oauth2", this::authorize);
        server.route("POST", "/oauth2/v1/tokens/bearer", r -> oauth.tokenEndpoint(r, (json, issued) ->
                json.put("x_refresh_token_expires_in", issued.refreshExpiresIn().toSeconds())));
        server.route("POST", "/v2/oauth2/tokens/revoke", oauth::revocationEndpoint);
        api.install(server);
    }

    public static QuickBooksSimulator start() throws IOException {
        return start(Options.defaults());
    }

    public static QuickBooksSimulator start(Options options) throws IOException {
        return new QuickBooksSimulator(options);
    }

    // ---- addresses and the app ----

    /** The one host's address, {@code http://127.0.0.1:<port>}: the connector's "service address". */
    public URI baseUri() {
        return server.baseUri();
    }

    public URI authorizationUri() {
        return URI.create(baseUri() + "/connect/oauth2");
    }

    public URI tokenUri() {
        return URI.create(baseUri() + "/oauth2/v1/tokens/bearer");
    }

    public URI revocationUri() {
        return URI.create(baseUri() + "/v2/oauth2/tokens/revoke");
    }

    /** Where the Accounting API of a company is: {@code <base>/v3/company/<realmId>}. */
    public URI companyUri(String realmId) {
        return URI.create(baseUri() + "/v3/company/" + realmId);
    }

    public Options options() {
        return options;
    }

    public String clientId() {
        return options.clientId();
    }

    public String clientSecret() {
        return options.clientSecret();
    }

    public URI redirectUri() {
        return options.redirectUris().get(0);
    }

    // ---- companies ----

    public Ledger company(String realmId) {
        Company company = companies.get(realmId);
        if (company == null) {
            throw new IllegalArgumentException("The simulator has no company " + realmId + "; it has "
                    + companies.keySet());
        }
        return new Ledger(company);
    }

    /** The first company of the options. */
    public Ledger defaultCompany() {
        return company(options.companies().get(0).realmId());
    }

    public Ledger addCompany(CompanySetup setup) {
        if (companies.putIfAbsent(setup.realmId(), new Company(setup, options.clock())) != null) {
            throw new IllegalArgumentException("The simulator already has a company " + setup.realmId());
        }
        return company(setup.realmId());
    }

    // ---- sign-in ----

    /** The company the next sign-ins connect (the user picks it on Intuit's page). */
    public void setSignInCompany(String realmId) {
        company(realmId);
        signInRealm = realmId;
    }

    /** The next sign-in ends with the user declining: the redirect carries error=access_denied. */
    public void denyNextAuthorization() {
        denyNext.set(true);
    }

    /** Tokens as if a user had connected the app to the company, for tests that skip the browser. */
    public OAuthAuthority.IssuedTokens connect(String realmId) {
        company(realmId);
        return oauth.grantDirectly(options.clientId(), realmId, Set.of(ACCOUNTING_SCOPE));
    }

    // ---- test controls ----

    /** Latency, injected failures, lost answers, the request log, the concurrency gauge. */
    public SimulatorServer server() {
        return server;
    }

    /** Token controls: expireAccessTokens(), expireRefreshTokens(), refreshCount(), revokeGrantsOf(realmId). */
    public OAuthAuthority oauth() {
        return oauth;
    }

    public SimClock clock() {
        return options.clock();
    }

    /** The next {@code apiCalls} Accounting API calls are served; after them every access token so far expires. */
    public void expireAccessTokensAfter(int apiCalls) {
        api.expireAccessTokensAfter(apiCalls);
    }

    /** Every n-th throttled answer comes as XML instead of JSON (0: never). */
    public void setXmlThrottleEvery(int n) {
        api.setXmlThrottleEvery(n);
    }

    /** Forgets the calls counted against the limits so far. */
    public void resetLimits() {
        rates.reset();
    }

    @Override
    public void close() {
        server.close();
    }

    private SimResponse authorize(SimRequest request) {
        AuthorizationCheck check = oauth.checkAuthorization(request);
        if (check.refused()) {
            return check.refusal();
        }
        if (denyNext.getAndSet(false)) {
            return check.authorization().denied();
        }
        String realm = signInRealm;
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", oauth.issueCode(check.authorization(), realm));
        parameters.put("realmId", realm);
        return SimResponse.redirect(check.authorization().redirect(parameters));
    }

    /** For a demo: {@code QuickBooksSimulator [--port 8761]}; prints where it is and the app's keys. */
    public static void main(String[] args) throws Exception {
        int port = 8761;
        Options options = Options.defaults();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--uk")) {
                // The demo firm's books: a UK company in pounds that also invoices in euros.
                options = options.withCompanies(CompanySetup.uk("4620816365000000010", "Ledgerport Sample UK Ltd")
                        .withMultiCurrency(true));
            } else {
                System.err.println("Usage: QuickBooksSimulator [--port <port>] [--uk]");
                System.exit(2);
            }
        }
        QuickBooksSimulator simulator = start(options.withPort(port));
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println("QuickBooks Online simulator at " + simulator.baseUri());
        System.out.println("  Service address (environment 'other'): " + simulator.baseUri());
        System.out.println("  Client ID:     " + simulator.clientId());
        System.out.println("  Client secret: " + simulator.clientSecret());
        System.out.println("  Redirect URI:  " + simulator.redirectUri());
        System.out.println("  Company:       " + simulator.defaultCompany().realmId() + " ("
                + simulator.defaultCompany().setup().companyName() + ")");
        System.out.println("Stop it with Ctrl+C.");
        Thread.currentThread().join();
    }
}
