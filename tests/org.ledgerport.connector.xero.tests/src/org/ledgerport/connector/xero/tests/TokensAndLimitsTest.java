package org.ledgerport.connector.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.connector.xero.tests.XeroWorld.created;
import static org.ledgerport.connector.xero.tests.XeroWorld.customer;
import static org.ledgerport.connector.xero.tests.XeroWorld.invoice;
import static org.ledgerport.connector.xero.tests.XeroWorld.outgoing;
import static org.ledgerport.connector.xero.tests.XeroWorld.reference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.ledgerport.connector.http.TokenKeeper;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.connector.ReferenceData;
import org.ledgerport.core.credentials.Credentials;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.Severity;
import org.ledgerport.simulator.support.LoggedRequest;
import org.ledgerport.simulator.xero.Organisation;
import org.ledgerport.simulator.xero.XeroSimulator;

/** Xero's 30-minute tokens and its limits per organisation: refreshed once, reconnect when dead, waited out. */
class TokensAndLimitsTest {

    @Test
    void anAccessTokenThatExpiresMidRunIsRefreshedOnceAndTheNewRefreshTokenKept() throws Exception {
        try (XeroWorld world = XeroWorld.start()) {
            Connection connection = world.connected(NumberingPolicy.VENDOR_ASSIGNS);
            Customer customer = customer("Karaka Cleaning");
            Credentials secrets = world.credentials(connection);
            try (ConnectorSession session = world.session(connection)) {
                String contact = XeroWorld.contacts(session, List.of(customer)).get(customer.id());
                Invoice first = invoice(customer, "30.00");
                created(session.push(List.of(outgoing(first, customer, contact, ""))), reference(first));
                String refreshBefore = secrets.read(TokenKeeper.REFRESH_TOKEN).orElseThrow();
                world.simulator.authority().expireAccessTokens();

                Invoice second = invoice(customer, "40.00");
                created(session.push(List.of(outgoing(second, customer, contact, ""))), reference(second));

                assertEquals(1, world.simulator.authority().refreshCount(), "refreshed once");
                assertNotEquals(refreshBefore, secrets.read(TokenKeeper.REFRESH_TOKEN).orElseThrow(),
                        "Xero's rotated refresh token was saved");
                List<Integer> puts = world.log().stream().filter(r -> r.is("PUT", "/Invoices"))
                        .map(LoggedRequest::status).toList();
                assertEquals(List.of(200, 401, 200), puts, "refused once with the old token, then sent again");
                assertEquals(2, world.simulator.invoices(world.tenant()).size());
            }
        }
    }

    @Test
    void aDeadRefreshTokenAsksForReconnectingAndSendsNothing() throws Exception {
        try (XeroWorld world = XeroWorld.start()) {
            Connection connection = world.connected(NumberingPolicy.VENDOR_ASSIGNS);
            Customer customer = customer("Kumara Kitchen");
            world.simulator.authority().expireRefreshTokens();
            world.simulator.authority().expireAccessTokens();
            try (ConnectorSession session = world.session(connection)) {
                ConnectorException dead = assertThrows(ConnectorException.class,
                        () -> session.resolveCustomers(List.of(customer)));

                assertEquals("connection.reconnect-needed", dead.problem().code());
                assertTrue(dead.problem().message().contains("Reconnect the account"), dead.problem().message());
                assertTrue(!dead.mayHaveReachedVendor());
                assertTrue(world.credentials(connection).read(TokenKeeper.RECONNECT_NEEDED).isPresent());
                long tokenCalls = world.calls("POST", "/identity/connect/token");

                ConnectorException still = assertThrows(ConnectorException.class, () -> session.referenceData(true));
                assertEquals("connection.reconnect-needed", still.problem().code());
                assertEquals(tokenCalls, world.calls("POST", "/identity/connect/token"),
                        "a dead sign-in is not tried again");
                assertEquals(0, world.simulator.contacts(world.tenant()).size(), "nothing was created");
            }
        }
    }

    @Test
    void aRefusalForTooManyCallsIsWaitedOutAsXeroAsks() throws Exception {
        try (XeroWorld world = XeroWorld.start(options -> options
                .withOrganisations(Organisation.standard("Tasman Joinery Ltd"))
                .withLimits(new XeroSimulator.Limits(60, 5000, 1, 10_000)))) {
            Connection connection = world.connected(NumberingPolicy.VENDOR_ASSIGNS);
            world.simulator.server().setLatency(Duration.ofMillis(400));
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Optional<ExternalInvoice>>> lookups = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    lookups.add(() -> {
                        try (ConnectorSession session = world.session(connection)) {
                            return session.findByReference("LP-404-v1");
                        }
                    });
                }
                for (Future<Optional<ExternalInvoice>> lookup : two.invokeAll(lookups)) {
                    assertEquals(Optional.empty(), lookup.get(), "both lookups were answered");
                }
            } finally {
                two.shutdownNow();
            }
            List<Integer> answers = world.log().stream().filter(r -> r.is("GET", "/Invoices"))
                    .map(LoggedRequest::status).toList();
            assertTrue(answers.contains(429), "Xero allowed one call at a time and refused the other: " + answers);
            assertEquals(2, answers.stream().filter(status -> status == 200).count(),
                    "the refused call was sent again after the Retry-After Xero gave");
        }
    }

    @Test
    void theDayLimitIsForeseenInPreflightAndStopsWithAClearProblem() throws Exception {
        try (XeroWorld world = XeroWorld.start(options -> options
                .withOrganisations(Organisation.standard("Tasman Joinery Ltd"))
                .withLimits(new XeroSimulator.Limits(60, 9, 5, 10_000)))) {
            Connection connection = world.connected(NumberingPolicy.VENDOR_ASSIGNS);
            assertEquals("7", world.connector.test(world.context(connection)).settings().get("dayCallsRemaining"),
                    "what is left today, for the user to see: 9 less connecting's and testing's calls");
            try (ConnectorSession session = world.session(connection)) {
                ReferenceData reference = session.referenceData(false);
                List<Customer> customers = new ArrayList<>();
                List<List<Problem>> checks = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    Customer customer = customer("Day Customer " + i);
                    customers.add(customer);
                    checks.add(session.validate(outgoing(invoice(customer, "10.00"), customer, "", ""), reference));
                }

                assertEquals(List.of(), checks.get(0), "the first invoices fit in what is left today");
                Problem ahead = checks.get(59).get(0);
                assertEquals("vendor.day-limit-ahead", ahead.code());
                assertEquals(Severity.WARNING, ahead.severity());
                assertTrue(ahead.message().contains("5,000 calls a day"), ahead.message());

                ConnectorException stopped = assertThrows(ConnectorException.class,
                        () -> session.resolveCustomers(customers));
                assertEquals("vendor.rate-limited", stopped.problem().code());
                assertEquals("day", stopped.problem().vendorMessage());
                assertTrue(stopped.problem().message().contains("daily limit")
                        && stopped.problem().message().contains("Nothing was lost"), stopped.problem().message());
                assertTrue(world.log().stream().anyMatch(r -> r.status() == 429));
            }
        }
    }
}
