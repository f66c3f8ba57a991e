package org.ledgerport.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.cli.internal.CommandLine.TEST_BOOKS;
import static org.ledgerport.cli.internal.CommandLine.run;
import static org.ledgerport.cli.internal.CommandLine.services;
import static org.ledgerport.cli.internal.CommandLine.testBooks;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerport.cli.internal.CommandLine.Result;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

import com.fasterxml.jackson.databind.JsonNode;

/** Adding, listing and removing connections, with the test-books connector installed as a dropped-in bundle. */
class ConnectionsTest {

    private ConnectionStore store;

    @BeforeEach
    void installTestBooks() throws Exception {
        testBooks();
        store = Osgi.service(ConnectionStore.class);
    }

    @Test
    void addsListsAndRemovesAConnection() throws Exception {
        String name = Firm.unique("O'Keefe Books");
        Result added = run("connections", "add", "--connector", TEST_BOOKS, "--name", name,
                "--map", "tax-code:T20=TAX20", "income-account:4000=200", "--numbering", "vendor");
        assertEquals(ExitCode.SUCCESS, added.exitCode(), added::toString);
        assertTrue(added.out().contains("Added connection '" + name + "' to Test Books (test-books)."), added::toString);

        Connection saved = store.findConnectionByName(name).orElseThrow();
        assertEquals(TEST_BOOKS, saved.connectorId());
        assertEquals(NumberingPolicy.VENDOR_ASSIGNS, saved.numbering());
        assertEquals("TAX20", saved.mapped(MappingKind.TAX_CODE, "T20"));
        assertEquals("200", saved.mapped(MappingKind.INCOME_ACCOUNT, "4000"));

        Result listed = run("connections");
        assertEquals(ExitCode.SUCCESS, listed.exitCode(), listed::toString);
        assertTrue(listed.hasLine(name), listed::toString);
        assertTrue(listed.hasLine("Connector:", "Test Books (test-books)"), listed::toString);
        assertTrue(listed.hasLine("Mappings:", "tax code T20 -> TAX20", "income account 4000 -> 200"), listed::toString);
        assertTrue(listed.hasLine("Installed connectors:", "Test Books (test-books)"), listed::toString);

        JsonNode json = find(run("connections", "--json").json().get("connections"), name);
        assertEquals(saved.uid(), json.get("uid").asText());
        assertTrue(json.get("connector").get("installed").asBoolean());
        assertEquals("vendor", json.get("numbering").asText());
        assertEquals("TAX20", json.get("mappings").get("tax-code").get("T20").asText());

        Result removed = run("connections", "remove", name);
        assertEquals(ExitCode.SUCCESS, removed.exitCode(), removed::toString);
        assertTrue(store.findConnectionByName(name).isEmpty());
        assertFalse(run("connections").hasLine(name), "a removed connection is no longer listed");

        Result again = run("connections", "remove", name);
        assertEquals(ExitCode.CANNOT_RUN, again.exitCode(), again::toString);
        assertTrue(again.err().startsWith("No connection named '" + name + "'"), again::toString);
    }

    @Test
    void aSecondConnectionOfTheSameNameIsRefused() throws Exception {
        String name = Firm.unique("Twice Ltd");
        assertEquals(ExitCode.SUCCESS, run("connections", "add", "--connector", TEST_BOOKS, "--name", name).exitCode());
        Result twice = run("connections", "add", "--connector", TEST_BOOKS, "--name", name);
        assertEquals(ExitCode.FAILED, twice.exitCode(), twice::toString);
        assertTrue(twice.err().contains("Could not finish 'connections add'"), twice::toString);
        assertTrue(twice.err().contains(name), twice::toString);
    }

    @Test
    void aConnectorThatIsNotInstalledIsNamedWithTheOnesThatAre() throws Exception {
        Services services = services();
        Cli impatient = new Cli(() -> services, Duration.ofMillis(200));
        Result result = CommandLine.run(impatient, "connections", "add", "--connector", "xero-nowhere", "--name",
                Firm.unique("Nowhere"));
        assertEquals(ExitCode.CANNOT_RUN, result.exitCode(), result::toString);
        assertTrue(result.err().contains("No connector 'xero-nowhere' is installed. Installed connectors: "),
                result::toString);
        assertTrue(result.err().contains("Test Books (test-books)"), result::toString);
    }

    @Test
    void aSettingTheConnectorDoesNotAskForIsAUsageError() throws Exception {
        Result result = run("connections", "add", "--connector", TEST_BOOKS, "--name", Firm.unique("Folder"),
                "--setting", "folder=/tmp/exports");
        assertEquals(ExitCode.USAGE, result.exitCode(), result::toString);
        assertTrue(result.err().contains("Test Books has no setting 'folder'. It takes no settings here."),
                result::toString);
    }

    private static JsonNode find(JsonNode connections, String name) {
        for (JsonNode connection : connections) {
            if (connection.get("name").asText().equals(name)) {
                return connection;
            }
        }
        throw new AssertionError("no connection named " + name + " in " + connections);
    }
}
