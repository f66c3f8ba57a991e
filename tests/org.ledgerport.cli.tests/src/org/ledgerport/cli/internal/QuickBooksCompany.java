package org.ledgerport.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.cli.internal.CommandLine.run;
import static org.ledgerport.cli.internal.CommandLine.services;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ledgerport.cli.internal.CommandLine.Result;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.simulator.quickbooks.CompanySetup;
import org.ledgerport.simulator.quickbooks.Ledger;
import org.ledgerport.simulator.quickbooks.QuickBooksSimulator;
import org.ledgerport.testing.support.Browser;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A QuickBooks Online simulator, and connections to its company added and signed in through the command line as a
 * user does it. Closing it removes those connections, so that later status refreshes do not try a stopped simulator.
 */
final class QuickBooksCompany implements AutoCloseable {

    static final String CONNECTOR = "quickbooks-online";
    private static final String CLIENT_ID = "cli-app";
    private static final String CLIENT_SECRET = "cli-secret";
    private static final Pattern SIGN_IN_PAGE = Pattern.compile("^\\s+(http://\\S+/connect/oauth2\\?\\S+)$",
            Pattern.MULTILINE);

    final QuickBooksSimulator simulator;
    private final URI redirect;
    private final ConnectionStore store;
    private final String owner;
    private final List<String> connections = new ArrayList<>();

    private QuickBooksCompany(QuickBooksSimulator simulator, URI redirect, ConnectionStore store, String owner) {
        this.simulator = simulator;
        this.redirect = redirect;
        this.store = store;
        this.owner = owner;
    }

    static QuickBooksCompany start(CompanySetup company) throws IOException, InterruptedException {
        ConnectionStore store = Osgi.service(ConnectionStore.class);
        String owner = CommandLine.user();
        URI redirect = URI.create("http://localhost:" + freePort() + "/ledgerport/quickbooks");
        return new QuickBooksCompany(QuickBooksSimulator.start(QuickBooksSimulator.Options.defaults()
                .withCompanies(company).withClient(CLIENT_ID, CLIENT_SECRET, redirect)), redirect, store, owner);
    }

    /** An Irish company keeping its books in euros, as the test firm does. */
    static QuickBooksCompany irish(String realmId) throws IOException, InterruptedException {
        return start(new CompanySetup(realmId, "Quay Books Ltd", "IE", "EUR", false, false, false, "1001",
                new BigDecimal("20"), BigDecimal.ZERO, ZoneId.of("Europe/Dublin")));
    }

    Ledger company() {
        return simulator.defaultCompany();
    }

    /** {@code connections add} for the company, numbered by QuickBooks, with the test firm's tax code mapped. */
    Result add(String name) throws InterruptedException {
        connections.add(name);
        return run("connections", "add", "--connector", CONNECTOR, "--name", name,
                "--setting", "environment=other", "--setting", "serviceAddress=" + simulator.baseUri(),
                "--setting", "clientId=" + CLIENT_ID, "--setting", "redirectUri=" + redirect,
                "--map", "tax-code:" + Firm.STANDARD.code() + "=Standard", "--numbering", "vendor");
    }

    /** {@code connections connect NAME} with the secret typed in, playing the browser from the address it prints. */
    Result connect(String name) throws Exception {
        Cli cli = new Cli(() -> {
            try {
                return services();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, Cli.CONNECTOR_PATIENCE, new ByteArrayInputStream((CLIENT_SECRET + "\n").getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> cli.run(List.of("connections",
                "connect", name), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        Osgi.await("the sign-in page's address", () -> SIGN_IN_PAGE.matcher(err.toString(StandardCharsets.UTF_8))
                .find() || exitCode.isDone());
        Matcher page = SIGN_IN_PAGE.matcher(err.toString(StandardCharsets.UTF_8));
        assertTrue(page.find(), () -> "no sign-in page was printed:\n" + err.toString(StandardCharsets.UTF_8));
        try {
            Browser.visit(URI.create(page.group(1)));
        } catch (AssertionError e) {
            // Once seen in CI: the redirect to the command's loopback address was refused. What the command wrote
            // by then tells whether it was still listening.
            throw new AssertionError(e.getMessage() + "\nThe command " + (exitCode.isDone() ? "had ended" : "was "
                    + "still waiting") + "; it wrote:\n" + err.toString(StandardCharsets.UTF_8), e);
        }
        int code = exitCode.get(20, TimeUnit.SECONDS);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A new connection to the company, added and signed in; its name. */
    String connected() throws Exception {
        String name = Firm.unique("QuickBooks");
        Result added = add(name);
        assertEquals(ExitCode.SUCCESS, added.exitCode(), added::toString);
        Result connected = connect(name);
        assertEquals(ExitCode.SUCCESS, connected.exitCode(), connected::toString);
        return name;
    }

    /** The invoice as the company holds it, found by the reference Ledgerport puts in its private note. */
    ObjectNode invoiceOf(Invoice invoice) {
        List<ObjectNode> found = company().invoices().stream()
                .filter(i -> i.path("PrivateNote").asText().contains("[LP-" + invoice.id() + "-v")).toList();
        assertEquals(1, found.size(), () -> "QuickBooks should hold invoice " + invoice.number() + " once: " + found);
        return found.get(0);
    }

    /** The payments the company holds that are applied to the invoice with this id there. */
    List<ObjectNode> paymentsOf(String invoiceId) {
        return company().payments().stream().filter(p -> p.path("Line").findValues("TxnId").stream()
                .anyMatch(id -> id.asText().equals(invoiceId))).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            for (String name : connections) {
                store.findConnectionByName(name).ifPresent(c -> store.deleteConnection(owner, c.id()));
            }
        } finally {
            simulator.close();
        }
    }
}
