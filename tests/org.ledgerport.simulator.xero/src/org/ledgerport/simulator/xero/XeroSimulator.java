package org.ledgerport.simulator.xero;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ledgerport.simulator.support.OAuthAuthority;
import org.ledgerport.simulator.support.RateLimits;
import org.ledgerport.simulator.support.SimClock;
import org.ledgerport.simulator.support.SimResponse;
import org.ledgerport.simulator.support.SimulatorServer;
import org.ledgerport.simulator.xero.internal.AccountingApi;
import org.ledgerport.simulator.xero.internal.ApiGate;
import org.ledgerport.simulator.xero.internal.Identity;
import org.ledgerport.simulator.xero.internal.Ledgers;
import org.ledgerport.simulator.xero.internal.XeroUser;

/**
 * A Xero simulator on 127.0.0.1. One host serves the paths of Xero's three: {@code /identity/connect/…} (sign-in,
 * tokens, revocation), {@code /connections} and {@code /api.xro/2.0/…} (the Accounting API), so a connector is
 * pointed at {@link #baseUri()} and nothing else changes. Tests control it through this object: the clock, the
 * transport faults of {@link #server()}, the tokens of {@link #authority()}, and the Xero user's own actions.
 */
public final class XeroSimulator implements AutoCloseable {

    /**
     * An app registered in Xero's developer portal.
     *
     * @param secret null for an "Auth Code with PKCE" app, which gets no secret
     * @param name the app's name, Xero's ProviderName in answers
     * @param createdOn apps created from {@link #GRANULAR_SCOPES_ONLY_FROM} may not ask for the broad
     *            accounting.transactions and accounting.reports.read scopes
     * @param redirectUris matched exactly, port included: Xero allows no wildcards, so a desktop app registers the
     *            loopback address and port its listener uses (http is allowed only for localhost and 127.0.0.1)
     */
    public record App(String clientId, String secret, String name, LocalDate createdOn, List<URI> redirectUris) {

        public static final LocalDate GRANULAR_SCOPES_ONLY_FROM = LocalDate.of(2026, 3, 2);

        public App {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(createdOn, "createdOn");
            redirectUris = List.copyOf(redirectUris);
            for (URI uri : redirectUris) {
                boolean loopback = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
                if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)
                        || uri.toString().contains("*") || uri.getFragment() != null) {
                    throw new IllegalArgumentException("Xero takes only https redirect URIs (http for localhost "
                            + "and 127.0.0.1), without wildcards or fragments: " + uri);
                }
            }
        }

        public static App pkce(String clientId, LocalDate createdOn, URI... redirectUris) {
            return new App(clientId, null, "Ledgerport", createdOn, List.of(redirectUris));
        }

        public static App confidential(String clientId, String secret, LocalDate createdOn, URI... redirectUris) {
            return new App(clientId, Objects.requireNonNull(secret), "Ledgerport", createdOn, List.of(redirectUris));
        }

        /** The scopes this app may ask for. */
        public Set<String> scopes() {
            Set<String> scopes = new LinkedHashSet<>(List.of("openid", "profile", "email", "offline_access",
                    "accounting.contacts", "accounting.contacts.read", "accounting.settings",
                    "accounting.settings.read", "accounting.attachments", "accounting.attachments.read",
                    "accounting.journals.read", "accounting.invoices", "accounting.invoices.read",
                    "accounting.payments", "accounting.payments.read", "accounting.banktransactions",
                    "accounting.banktransactions.read", "accounting.manualjournals",
                    "accounting.manualjournals.read"));
            if (createdOn.isBefore(GRANULAR_SCOPES_ONLY_FROM)) {
                scopes.addAll(List.of("accounting.transactions", "accounting.transactions.read",
                        "accounting.reports.read"));
            }
            return scopes;
        }
    }

    /**
     * Xero's call limits, per app and organisation (the app-wide minute limit across all organisations).
     */
    public record Limits(int perMinute, int perDay, int concurrent, int appPerMinute) {

        /** 60 a minute, 5,000 a day, 5 at once; 10,000 a minute for the app. */
        public static Limits xero() {
            return new Limits(60, 5000, 5, 10_000);
        }
    }

    /**
     * How to start a simulator.
     *
     * @param clock the simulator's time; tests use {@link SimClock#standingAt} and move it
     * @param port 0 for any free port
     * @param maxRequestBytes the largest PUT or POST body accepted
     */
    public record Options(List<Organisation> organisations, List<App> apps, SimClock clock, Limits limits,
            int port, int maxRequestBytes) {

        /** The default app's client id (Xero's are 32 hexadecimal characters). */
        public static final String CLIENT_ID = "4C3A1E5F0B7D4E2A9C8B6D5E4F3A2B1C";

        /**
         * Xero documents the request limit as 3.5 MB; the smaller reading (3,500,000 bytes, not 3.5 MiB) is taken
         * so a client never relies on the difference.
         */
        public static final int MAX_REQUEST_BYTES = 3_500_000;

        public Options {
            organisations = List.copyOf(organisations);
            apps = List.copyOf(apps);
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(limits, "limits");
        }

        /**
         * Two standard organisations, one PKCE app created after the granular-scopes date with redirect URIs
         * http://localhost:5000/callback and http://127.0.0.1:5000/callback, a ticking clock, Xero's limits.
         */
        public static Options defaults() {
            App app = App.pkce(CLIENT_ID, LocalDate.of(2026, 3, 10), URI.create("http://localhost:5000/callback"),
                    URI.create("http://127.0.0.1:5000/callback"));
            return new Options(List.of(Organisation.standard("Tasman Joinery Ltd"),
                    Organisation.standard("Harbourside Plumbing Ltd")), List.of(app), SimClock.ticking(),
                    Limits.xero(), 0, MAX_REQUEST_BYTES);
        }

        public Options withOrganisations(Organisation... all) {
            return new Options(List.of(all), apps, clock, limits, port, maxRequestBytes);
        }

        public Options withApps(App... all) {
            return new Options(organisations, List.of(all), clock, limits, port, maxRequestBytes);
        }

        public Options withClock(SimClock simClock) {
            return new Options(organisations, apps, simClock, limits, port, maxRequestBytes);
        }

        public Options withLimits(Limits callLimits) {
            return new Options(organisations, apps, clock, callLimits, port, maxRequestBytes);
        }

        public Options withPort(int listenPort) {
            return new Options(organisations, apps, clock, limits, listenPort, maxRequestBytes);
        }

        public Options withMaxRequestBytes(int bytes) {
            return new Options(organisations, apps, clock, limits, port, bytes);
        }
    }

    private final Options options;
    private final SimulatorServer server;
    private final Ledgers ledgers = new Ledgers();
    private final Identity identity;
    private final RateLimits rateLimits;
    private final XeroUser user;

    private XeroSimulator(Options options) throws IOException {
        this.options = options;
        options.organisations().forEach(ledgers::add);
        this.identity = new Identity(options.clock(), ledgers);
        options.apps().forEach(identity::register);
        this.rateLimits = new RateLimits(options.clock());
        this.user = new XeroUser(ledgers, options.clock());
        Map<String, String> appNames = options.apps().stream()
                .collect(Collectors.toMap(App::clientId, App::name, (a, b) -> a));
        Function<String, String> nameOf = clientId -> appNames.getOrDefault(clientId, "");
        this.server = SimulatorServer.start(options.port(), options.clock());
        server.setFailureAnswer(XeroSimulator::injectedFailure);
        server.filter(new ApiGate(identity, ledgers, rateLimits, options.limits(), options.maxRequestBytes()));
        identity.routes(server);
        new AccountingApi(ledgers, identity, options.clock(), nameOf).routes(server);
    }

    public static XeroSimulator start(Options options) throws IOException {
        return new XeroSimulator(options);
    }

    /** {@code http://127.0.0.1:<port>}: the base of the identity, connections and Accounting API paths. */
    public URI baseUri() {
        return server.baseUri();
    }

    public Options options() {
        return options;
    }

    public SimClock clock() {
        return options.clock();
    }

    /** Transport controls: latency, failNext, dropResponseAfterCommit, the request log, the concurrency gauge. */
    public SimulatorServer server() {
        return server;
    }

    /** Token controls: expireAccessTokens (an expired token mid-run), expireRefreshTokens, refreshCount. */
    public OAuthAuthority authority() {
        return identity.authority();
    }

    /** Forgets the calls counted in every minute and day window, as if a day had passed quietly. */
    public void resetRateLimits() {
        rateLimits.reset();
    }

    // ---- the user signing in ----

    /** The next sign-in ends with the user declining: the browser goes back with error=access_denied. */
    public void denyNextAuthorization() {
        identity.denyNextAuthorization();
    }

    /** At the next sign-in the user ticks only these organisations (otherwise all). */
    public void limitNextAuthorizationTo(UUID... tenants) {
        identity.limitNextAuthorizationTo(List.of(tenants));
    }

    // ---- organisations and their books ----

    public List<Organisation> organisations() {
        return ledgers.organisations();
    }

    /** A new organisation for the user; an app reaches it after the user connects it at the next sign-in. */
    public void addOrganisation(Organisation organisation) {
        ledgers.add(organisation);
    }

    /** The invoices as the organisation holds them, in the order they were created, deleted ones included. */
    public List<Invoice> invoices(UUID tenant) {
        return ledgers.invoices(tenant);
    }

    public Invoice invoice(UUID tenant, UUID invoiceId) {
        return ledgers.invoices(tenant).stream().filter(i -> i.invoiceId().equals(invoiceId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The organisation has no invoice " + invoiceId));
    }

    /** Every payment on the organisation's invoices, whoever recorded it. */
    public List<Payment> payments(UUID tenant) {
        return ledgers.invoices(tenant).stream().flatMap(i -> i.payments().stream()).toList();
    }

    /** The contacts as the organisation holds them, archived ones included. */
    public List<Contact> contacts(UUID tenant) {
        return ledgers.contacts(tenant);
    }

    /** Caps how many more invoices the organisation's plan lets it approve; null lifts the cap. */
    public void limitApprovals(UUID tenant, Integer limit) {
        ledgers.limitApprovals(tenant, limit);
    }

    // ---- the Xero user's own actions (Xero's rules apply; a refused one throws IllegalStateException) ----

    public Invoice approve(UUID tenant, UUID invoiceId) {
        return user.changeStatus(tenant, invoiceId, InvoiceStatus.AUTHORISED);
    }

    /**
     * A payment of part or all of what is due, into the organisation's first bank account; the invoice becomes PAID
     * when nothing is left due.
     */
    public Invoice pay(UUID tenant, UUID invoiceId, BigDecimal amount, LocalDate date) {
        return user.pay(tenant, invoiceId, amount, date);
    }

    public Invoice payInFull(UUID tenant, UUID invoiceId, LocalDate date) {
        return user.pay(tenant, invoiceId, invoice(tenant, invoiceId).amountDue(), date);
    }

    public Invoice removePayments(UUID tenant, UUID invoiceId) {
        return user.removePayments(tenant, invoiceId);
    }

    public Invoice voidInvoice(UUID tenant, UUID invoiceId) {
        return user.changeStatus(tenant, invoiceId, InvoiceStatus.VOIDED);
    }

    public Invoice deleteInvoice(UUID tenant, UUID invoiceId) {
        return user.changeStatus(tenant, invoiceId, InvoiceStatus.DELETED);
    }

    public Contact archiveContact(UUID tenant, UUID contactId) {
        return user.archiveContact(tenant, contactId);
    }

    @Override
    public void close() {
        server.close();
    }

    /** Injected failures answer in the shape of Xero's own 5xx answers. */
    private static SimResponse injectedFailure(int status) {
        String title = switch (status) {
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "An error occurred";
        };
        return SimResponse.json(status, "{\"Type\":null,\"Title\":\"" + title + "\",\"Status\":" + status
                + ",\"Detail\":\"An error occurred in Xero. Try again later.\",\"Instance\":\""
                + UUID.randomUUID() + "\",\"Extensions\":{}}");
    }

    /**
     * Starts a simulator for a demo: {@code --port 8765} (default any free port), {@code --redirect <uri>} (may be
     * repeated; default http://localhost:5000/callback and http://127.0.0.1:5000/callback). Prints the base URI,
     * the client id and the organisations, and runs until the process is stopped.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Options options = Options.defaults();
        List<URI> redirects = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> options = options.withPort(Integer.parseInt(Objects.requireNonNull(value,
                        "--port needs a number")));
                case "--redirect" -> redirects.add(URI.create(Objects.requireNonNull(value,
                        "--redirect needs a URI")));
                case "--uk" -> {
                    options = options.withOrganisations(Organisation.unitedKingdom("Ledgerport Sample UK Ltd"));
                    i--;
                }
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + " (use --port <number>, --redirect <uri> and --uk)");
            }
            i++;
        }
        if (!redirects.isEmpty()) {
            App app = options.apps().get(0);
            options = options.withApps(new App(app.clientId(), app.secret(), app.name(), app.createdOn(), redirects));
        }
        XeroSimulator simulator = start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        App app = options.apps().get(0);
        System.out.println("Xero simulator at " + simulator.baseUri());
        System.out.println("Client id (PKCE, no secret): " + app.clientId());
        System.out.println("Redirect URIs: " + app.redirectUris());
        for (Organisation org : simulator.organisations()) {
            System.out.println(String.format(Locale.ROOT, "Organisation %s: tenant id %s", org.name(),
                    org.tenantId()));
        }
        new CountDownLatch(1).await();
    }
}
