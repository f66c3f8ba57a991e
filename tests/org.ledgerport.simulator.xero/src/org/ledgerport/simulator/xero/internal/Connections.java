package org.ledgerport.simulator.xero.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which organisations each app may reach for the (one) signed-in user: Xero's connections. A consent connects
 * the organisations the user picked, under a new authEventId; consenting again to a connected organisation keeps
 * its connection id.
 */
final class Connections {

    /** One row of GET /connections. */
    record Connection(UUID id, UUID authEventId, UUID tenantId, Instant created, Instant updated) {
    }

    private final Map<String, Map<UUID, Connection>> byApp = new HashMap<>();

    synchronized void connect(String clientId, List<UUID> tenants, UUID authEventId, Instant now) {
        Map<UUID, Connection> app = byApp.computeIfAbsent(clientId, k -> new LinkedHashMap<>());
        for (UUID tenant : tenants) {
            Connection earlier = app.get(tenant);
            app.put(tenant, earlier == null ? new Connection(UUID.randomUUID(), authEventId, tenant, now, now)
                    : new Connection(earlier.id(), authEventId, tenant, earlier.created(), now));
        }
    }

    synchronized List<Connection> of(String clientId) {
        return new ArrayList<>(byApp.getOrDefault(clientId, Map.of()).values());
    }

    synchronized boolean connected(String clientId, UUID tenant) {
        return byApp.getOrDefault(clientId, Map.of()).containsKey(tenant);
    }

    /** Removes the app's connection with this id; false when it has none such. */
    synchronized boolean disconnect(String clientId, UUID connectionId) {
        return byApp.getOrDefault(clientId, new HashMap<>()).values()
                .removeIf(connection -> connection.id().equals(connectionId));
    }

    synchronized void disconnectAll(String clientId) {
        byApp.remove(clientId);
    }
}
