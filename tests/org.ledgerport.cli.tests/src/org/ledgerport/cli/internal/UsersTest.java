package org.ledgerport.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.cli.internal.CommandLine.run;
import static org.ledgerport.cli.internal.CommandLine.runAs;
import static org.ledgerport.cli.internal.CommandLine.testBooksConnection;

import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerport.cli.internal.CommandLine.Result;
import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.access.Role;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

import com.fasterxml.jackson.databind.JsonNode;

/** Users and roles from the command line, with the real role checks of the engine and the store. */
class UsersTest {

    private AccessControl access;
    private String owner;
    private String bea;

    @BeforeEach
    void users() throws Exception {
        access = Osgi.service(AccessControl.class);
        owner = CommandLine.user();
        bea = Firm.unique("bea").replace(' ', '-');
    }

    @Test
    void anOwnerGivesAndTakesRoles() throws Exception {
        Result set = run("users", "--set", bea, "--role", "exporter");
        assertEquals(ExitCode.SUCCESS, set.exitCode(), set::toString);
        assertTrue(set.hasLine(bea + " is an exporter now."), set::toString);
        assertEquals(Role.EXPORTER, access.roleOf(bea));

        Result listed = run("users");
        assertEquals(ExitCode.SUCCESS, listed.exitCode(), listed::toString);
        assertTrue(listed.hasLineMatching(Pattern.quote(owner) + " +Owner +\\(you\\)"),
                listed::toString);
        assertTrue(listed.hasLineMatching(Pattern.quote(bea) + " +Exporter"), listed::toString);
        JsonNode json = run("users", "--json").json();
        assertEquals(owner, json.get("currentUser").asText());
        assertEquals("owner", json.get("role").asText());
        assertEquals("exporter", user(json, bea).get("role").asText());
        assertFalse(user(json, bea).get("you").asBoolean());

        Result removed = run("users", "--remove", bea);
        assertEquals(ExitCode.SUCCESS, removed.exitCode(), removed::toString);
        assertFalse(access.users().containsKey(bea));
        assertEquals(Role.BILLER, access.roleOf(bea), "a user without a role is a biller");

        Result lastOwner = run("users", "--remove", owner);
        assertEquals(ExitCode.FAILED, lastOwner.exitCode(), lastOwner::toString);
        assertEquals(Role.OWNER, access.roleOf(owner), "the last owner stays the owner");
    }

    @Test
    void aBillerIsRefusedWithTheRoleNeeded() throws Exception {
        assertEquals(ExitCode.SUCCESS, run("users", "--set", bea, "--role", "biller").exitCode());
        String carl = Firm.unique("carl").replace(' ', '-');

        Result refused = runAs(bea, "users", "--set", carl, "--role", "owner");
        assertEquals(ExitCode.FAILED, refused.exitCode(), refused::toString);
        assertTrue(refused.err().startsWith("Only a user with the owner role may manage users and their roles; "
                + bea + " is a biller."), refused::toString);
        assertFalse(access.users().containsKey(carl), "nothing was changed");

        Result json = runAs(bea, "users", "--set", carl, "--role", "owner", "--json");
        assertEquals(ExitCode.FAILED, json.json().get("error").get("exitCode").asInt(), json::toString);
        assertTrue(json.json().get("error").get("message").asText().contains("the owner role"), json::toString);

        Connection connection = testBooksConnection();
        Result remove = runAs(bea, "connections", "remove", connection.name());
        assertEquals(ExitCode.FAILED, remove.exitCode(), remove::toString);
        assertTrue(remove.err().startsWith("Only a user with the owner role may manage connections"),
                remove::toString);
        assertTrue(Osgi.service(ConnectionStore.class).findConnection(connection.id()).isPresent(),
                "the connection is still there");

        Result listed = runAs(bea, "users");
        assertEquals(ExitCode.SUCCESS, listed.exitCode(), "anyone may see the roles\n" + listed);
        assertTrue(listed.hasLineMatching(Pattern.quote(bea) + " +Biller +\\(you\\)"),
                listed::toString);
    }

    private static JsonNode user(JsonNode users, String name) {
        for (JsonNode user : users.get("users")) {
            if (user.get("name").asText().equals(name)) {
                return user;
            }
        }
        throw new AssertionError("no user " + name + " in " + users);
    }
}
