package org.ledgerport.store.derby.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ledgerport.core.access.AccessDeniedException;
import org.ledgerport.core.access.Permission;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.store.Activity;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.ProcessLog;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

/** Only an owner changes connections, and each change is in the process log under the owner's name. */
class ConnectionAccessTest {

    private static ConnectionStore connections;
    private static ProcessLog log;
    private static String owner;

    @BeforeAll
    static void services() throws InterruptedException {
        connections = Osgi.service(ConnectionStore.class);
        log = Osgi.service(ProcessLog.class);
        owner = Books.owner();
    }

    @Test
    void aBillerMayNotChangeConnectionsAndIsToldWhoMay() throws Exception {
        String biller = Firm.unique("biller");
        String name = Firm.unique("Biller's company");
        AccessDeniedException refused = assertThrows(AccessDeniedException.class, () -> connections
                .createConnection(biller, "scripted", name, Map.of(), Map.of(), NumberingPolicy.OURS));
        assertEquals(Permission.MANAGE_CONNECTIONS, refused.permission());
        assertTrue(refused.getMessage().contains("owner role"), refused.getMessage());
        assertTrue(connections.findConnectionByName(name).isEmpty(), "nothing saved");

        Connection existing = Books.connection("Owned company");
        Connection renamed = new Connection(existing.id(), existing.uid(), existing.connectorId(),
                Firm.unique("Taken over"), existing.settings(), existing.mappings(), existing.numbering(),
                existing.version());
        assertThrows(AccessDeniedException.class, () -> connections.updateConnection(biller, renamed));
        assertThrows(AccessDeniedException.class, () -> connections.deleteConnection(biller, existing.id()));
        assertEquals(existing, connections.findConnection(existing.id()).orElseThrow(), "unchanged");
        assertTrue(log.recentActivity(100).stream().noneMatch(a -> a.user().equals(biller)));
    }

    @Test
    void everyChangeByAnOwnerIsAnActivityNamingTheConnection() throws Exception {
        String name = Firm.unique("Logged company");
        Connection created = connections.createConnection(owner, "scripted", name, Map.of(), Map.of(),
                NumberingPolicy.OURS);
        String newName = Firm.unique("Renamed company");
        Connection changed = connections.updateConnection(owner, new Connection(created.id(), created.uid(),
                created.connectorId(), newName, Map.of(Connection.EXPORT_ON_FINALIZE, "true"), created.mappings(),
                NumberingPolicy.VENDOR_ASSIGNS, created.version()));
        connections.deleteConnection(owner, changed.id());

        List<Activity> activities = log.recentActivity(100).stream()
                .filter(a -> a.connectionName().equals(name) || a.connectionName().equals(newName)).toList();
        assertEquals(List.of(Activity.Kind.CONNECTION_REMOVED, Activity.Kind.CONNECTION_CHANGED,
                Activity.Kind.CONNECTION_ADDED), activities.stream().map(Activity::kind).toList(), "newest first");
        assertTrue(activities.stream().allMatch(a -> a.user().equals(owner) && !a.workstation().isBlank()));
        String change = activities.get(1).text();
        assertTrue(change.contains("renamed from '" + name + "'"), change);
        assertTrue(change.contains(Connection.EXPORT_ON_FINALIZE), change);
        assertTrue(change.contains(NumberingPolicy.VENDOR_ASSIGNS.label()), change);
    }

    @Test
    void anActivityGetsItsIdAndThisWorkstation() throws Exception {
        Activity first = log.record(new Activity(0, Instant.now(), owner, "", Activity.Kind.STATUS_REFRESH,
                Firm.unique("Refreshed company"), "", "Status refreshed: 3 invoices changed."));
        Activity second = log.record(new Activity(0, Instant.now(), owner, "desk-7", Activity.Kind.REVERT, "",
                "INV-7", "Reverted to draft."));
        assertTrue(first.id() > 0 && second.id() > first.id());
        assertFalse(first.workstation().isBlank(), "filled in");
        assertEquals("desk-7", second.workstation(), "kept");
        List<Activity> recent = log.recentActivity(2);
        assertEquals(List.of(second, first), recent, "newest first, field by field");
    }
}
