package org.ledgerport.cli.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.model.Connection;

/** Finds what a command line names (a connection, a connector, invoices, a run), or says plainly that it is not there. */
final class Lookup {

    private final Duration connectorPatience;

    /**
     * @param connectorPatience how long to wait for a connector that is not there yet: at start the dropins folder's
     *                          bundles are installed while the command already runs
     */
    Lookup(Duration connectorPatience) {
        this.connectorPatience = connectorPatience;
    }

    Connection connection(Services services, String name) {
        return services.connections().findConnectionByName(name).orElseThrow(() -> {
            List<String> names = services.connections().listConnections().stream().map(Connection::name).toList();
            return new CannotRunException(names.isEmpty()
                    ? "No connection named '%s': there are no connections yet. Add one with 'ledgerport-cli connections add'."
                            .formatted(name)
                    : "No connection named '%s'. Connections: %s.".formatted(name, String.join(", ", names)));
        });
    }

    Connector connector(Services services, String id) {
        Connector connector = connectors(services, Set.of(id)).get(id);
        if (connector == null) {
            throw new CannotRunException("No connector '%s' is installed. %s".formatted(id, installed(services)));
        }
        return connector;
    }

    /** The connection's connector, which has to be installed for anything to be checked or sent. */
    Connector connectorOf(Services services, Connection connection) {
        Connector connector = connectors(services, Set.of(connection.connectorId())).get(connection.connectorId());
        if (connector == null) {
            throw new CannotRunException(("Connection '%s' exports through connector '%s', which is not installed. "
                    + "Copy its bundle into the dropins folder of the Ledgerport installation and try again. %s")
                    .formatted(connection.name(), connection.connectorId(), installed(services)));
        }
        return connector;
    }

    /** The installed connectors among these ids, by id, after waiting a little for any that are missing. */
    Map<String, Connector> connectors(Services services, Collection<String> ids) {
        long deadline = System.nanoTime() + connectorPatience.toNanos();
        while (true) {
            Map<String, Connector> found = new HashMap<>();
            for (String id : ids) {
                services.connectors().find(id).ifPresent(connector -> found.put(id, connector));
            }
            if (found.size() == ids.size() || System.nanoTime() >= deadline) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    /** "Installed connectors: Test Books (test-books)." */
    static String installed(Services services) {
        List<String> connectors = services.connectors().connectors().stream()
                .map(c -> c.descriptor().displayName() + " (" + c.descriptor().id() + ")").toList();
        return connectors.isEmpty() ? "No connectors are installed."
                : "Installed connectors: " + String.join(", ", connectors) + ".";
    }

    /** The ids of the invoices with these numbers, in the order given, refusing when any number is unknown. */
    List<Long> invoiceIds(Services services, List<String> numbers) {
        Set<Long> ids = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String number : numbers) {
            services.invoices().findInvoiceByNumber(number).ifPresentOrElse(i -> ids.add(i.id()),
                    () -> unknown.add(number));
        }
        if (!unknown.isEmpty()) {
            throw new CannotRunException(unknown.size() == 1 ? "No invoice is numbered " + unknown.get(0) + "."
                    : "No invoices are numbered " + Text.list(unknown) + ".");
        }
        return List.copyOf(ids);
    }

    /** The run with this id, or the latest when none is given. */
    RunSummary run(Services services, Optional<Long> runId) {
        if (runId.isEmpty()) {
            return services.processLog().recentRuns(1).stream().findFirst()
                    .orElseThrow(() -> new CannotRunException("No export has run yet, so there is no run to show."));
        }
        long id = runId.get();
        return services.processLog().run(id).orElseThrow(() -> {
            List<String> latest = services.processLog().recentRuns(5).stream().map(r -> String.valueOf(r.id())).toList();
            return new CannotRunException(latest.isEmpty() ? "There is no run %d: no export has run yet.".formatted(id)
                    : "There is no run %d. The latest runs are %s; 'ledgerport-cli log' lists them."
                            .formatted(id, Text.list(latest)));
        });
    }
}
