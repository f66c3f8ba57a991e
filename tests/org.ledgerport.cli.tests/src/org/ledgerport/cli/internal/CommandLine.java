package org.ledgerport.cli.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.access.Permission;
import org.ledgerport.core.access.Role;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.export.ExportService;
import org.ledgerport.core.export.PaymentService;
import org.ledgerport.core.export.RevisionService;
import org.ledgerport.core.export.StatusService;
import org.ledgerport.core.importing.InvoiceImporter;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.ProcessLog;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;
import org.ledgerport.testing.support.ScriptedConnector;
import org.osgi.framework.Bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Runs the command line in-process against the real services of this framework, and keeps what it printed. */
final class CommandLine {

    static final String TEST_BOOKS = "test-books";

    private CommandLine() {
    }

    /** How a command ended and what it printed. */
    record Result(int exitCode, String out, String err) {

        /** Standard output as the one JSON document --json promises. */
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (JsonProcessingException e) {
                throw new AssertionError("standard output is not one JSON document:\n" + out, e);
            }
        }

        /** Whether a line of standard output holds every fragment. */
        boolean hasLine(String... fragments) {
            return out.lines().anyMatch(line -> Arrays.stream(fragments).allMatch(line::contains));
        }

        /** Whether a whole line of standard output matches the regular expression. */
        boolean hasLineMatching(String regex) {
            Pattern pattern = Pattern.compile(regex);
            return out.lines().anyMatch(line -> pattern.matcher(line).matches());
        }

        @Override
        public String toString() {
            return "exit code " + exitCode + "\n--- standard output:\n" + out + "--- standard error:\n" + err;
        }
    }

    /** The workstation's services, as the application gets them, without the optional demo firm. */
    static Services services() throws InterruptedException {
        return services(Osgi.service(AccessControl.class));
    }

    private static Services services(AccessControl access) throws InterruptedException {
        return new Services(Osgi.service(InvoiceStore.class), Osgi.service(ConnectionStore.class),
                Osgi.service(CredentialStore.class), Osgi.service(ConnectorRegistry.class),
                Osgi.service(ExportService.class), Osgi.service(StatusService.class),
                Osgi.service(RevisionService.class), Osgi.service(PaymentService.class), access,
                Osgi.service(ProcessLog.class), Osgi.service(InvoiceImporter.class), Optional.empty());
    }

    /**
     * The user the command line runs as: the operating system's, who is the first user of the test database and
     * so its owner.
     */
    static String user() throws InterruptedException {
        AccessControl access = Osgi.service(AccessControl.class);
        assertEquals(Role.OWNER, access.roleOf(access.currentUser()), "the first user of the database owns it");
        return access.currentUser();
    }

    static Result run(String... args) throws InterruptedException {
        return run(new Cli(services()), args);
    }

    /**
     * Runs the command line as another person at this workstation, as the framework property ledgerport.user
     * makes one: the roles and checks are the real ones, only the name is theirs.
     */
    static Result runAs(String user, String... args) throws InterruptedException {
        user();
        AccessControl access = Osgi.service(AccessControl.class);
        return run(new Cli(services(new ActingAs(user, access))), args);
    }

    /** The workstation's access control, with another current user. */
    private record ActingAs(String user, AccessControl access) implements AccessControl {

        @Override
        public String currentUser() {
            return user;
        }

        @Override
        public Role roleOf(String name) {
            return access.roleOf(name);
        }

        @Override
        public void check(String name, Permission permission) {
            access.check(name, permission);
        }

        @Override
        public boolean allows(String name, Permission permission) {
            return access.allows(name, permission);
        }

        @Override
        public Map<String, Role> users() {
            return access.users();
        }

        @Override
        public void assign(String actingUser, String name, Role role) {
            access.assign(actingUser, name, role);
        }

        @Override
        public void remove(String actingUser, String name) {
            access.remove(actingUser, name);
        }
    }

    /** A command line whose services cannot be had, as when the database is in use: help must not need them. */
    static Cli withoutServices() {
        return new Cli(() -> {
            throw new CannotRunException("This test gives the command line no services.");
        }, Duration.ZERO);
    }

    static Result run(Cli cli, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = cli.run(List.of(args), new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
        return new Result(exitCode, out.toString(UTF_8), err.toString(UTF_8));
    }

    /** The test-books connector, installed from its own bundle as a dropped-in connector is, once per test run. */
    static ScriptedConnector testBooks() throws Exception {
        ConnectorRegistry registry = Osgi.service(ConnectorRegistry.class);
        if (registry.find(TEST_BOOKS).isEmpty()) {
            Bundle bundle = Osgi.context().installBundle(testConnectorJar().toUri().toString());
            bundle.start();
            Osgi.await("the test-books connector to register", () -> registry.find(TEST_BOOKS).isPresent());
        }
        return (ScriptedConnector) registry.find(TEST_BOOKS).orElseThrow();
    }

    /** A new connection to test-books that sends Ledgerport's invoice numbers, named as no other test names one. */
    static Connection testBooksConnection() throws Exception {
        testBooks();
        return Osgi.service(ConnectionStore.class).createConnection(user(), TEST_BOOKS,
                Firm.unique("Test Books company"), Map.of(), Map.of(), NumberingPolicy.OURS);
    }

    private static Path testConnectorJar() {
        String path = System.getProperty("ledgerport.testConnectorJar");
        assertNotNull(path, "system property ledgerport.testConnectorJar is not set");
        Path jar = Path.of(path);
        assertTrue(Files.isRegularFile(jar), "the test connector bundle was not built: " + jar);
        return jar;
    }
}
