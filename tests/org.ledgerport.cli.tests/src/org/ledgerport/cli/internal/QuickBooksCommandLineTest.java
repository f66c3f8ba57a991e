package org.ledgerport.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.cli.internal.CommandLine.run;
import static org.ledgerport.cli.internal.CommandLine.services;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ledgerport.cli.internal.CommandLine.Result;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.simulator.quickbooks.CompanySetup;
import org.ledgerport.simulator.quickbooks.QuickBooksSimulator;
import org.ledgerport.testing.support.Browser;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

/** From the command line: add a QuickBooks Online connection, sign it in through the browser, export to it. */
class QuickBooksCommandLineTest {

    private static final Pattern SIGN_IN_PAGE = Pattern.compile("^\\s+(http://\\S+/connect/oauth2\\?\\S+)$",
            Pattern.MULTILINE);

    @Test
    void connectsThroughTheBrowserAndExportsInvoices() throws Exception {
        URI redirect = URI.create("http://localhost:" + freePort() + "/ledgerport/quickbooks");
        try (QuickBooksSimulator simulator = QuickBooksSimulator.start(QuickBooksSimulator.Options.defaults()
                .withCompanies(CompanySetup.uk("123146000000001", "Harbour Trading Ltd").withMultiCurrency(true))
                .withClient("cli-app", "cli-secret", redirect))) {
            String name = Firm.unique("QuickBooks UK");
            Result added = run("connections", "add", "--connector", "quickbooks-online", "--name", name,
                    "--setting", "environment=other", "--setting", "serviceAddress=" + simulator.baseUri(),
                    "--setting", "clientId=cli-app", "--setting", "redirectUri=" + redirect,
                    "--map", "tax-code:" + Firm.STANDARD.code() + "=Standard", "--numbering", "vendor");
            assertEquals(ExitCode.SUCCESS, added.exitCode(), added::toString);
            assertTrue(added.out().contains("ledgerport-cli connections connect"), added::toString);

            Result connected = connect(name);
            assertEquals(ExitCode.SUCCESS, connected.exitCode(), connected::toString);
            assertTrue(connected.out().contains("Connected '" + name + "' to QuickBooks Online: Harbour Trading Ltd"),
                    connected::toString);
            Connection connection = Osgi.service(ConnectionStore.class).findConnectionByName(name).orElseThrow();
            assertEquals("123146000000001", connection.setting("realmId", ""));

            Firm firm = new Firm(Osgi.service(InvoiceStore.class), "CLIQB");
            Customer customer = firm.customer("Quayside Café");
            List<Invoice> invoices = List.of(firm.finalized(customer, "120.00"), firm.finalized(customer, "80.00"));
            Result exported = run("export", "--connection", name, "--invoice", invoices.get(0).number(),
                    "--invoice", invoices.get(1).number());

            assertEquals(ExitCode.SUCCESS, exported.exitCode(), exported::toString);
            assertEquals(2, simulator.defaultCompany().invoices().size(), "each invoice is in QuickBooks once");
            for (Invoice invoice : invoices) {
                assertTrue(simulator.defaultCompany().invoices().stream().anyMatch(i -> i.path("PrivateNote")
                        .asText().contains("[LP-" + invoice.id() + "-v")));
            }
        }
    }

    /** Runs connections connect with the secret typed in, and plays the browser from the address it prints. */
    private static Result connect(String name) throws Exception {
        Cli cli = new Cli(() -> {
            try {
                return services();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, Cli.CONNECTOR_PATIENCE, new ByteArrayInputStream("cli-secret\n".getBytes(StandardCharsets.UTF_8)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> cli.run(List.of("connections",
                "connect", name), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        Osgi.await("the sign-in page's address", () -> SIGN_IN_PAGE.matcher(err.toString(StandardCharsets.UTF_8))
                .find());
        Matcher page = SIGN_IN_PAGE.matcher(err.toString(StandardCharsets.UTF_8));
        assertTrue(page.find());
        Browser.visit(URI.create(page.group(1)));
        int code = exitCode.get(20, TimeUnit.SECONDS);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
