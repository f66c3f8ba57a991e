package org.ledgerport.cli.internal;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.model.Connection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code status [--connection NAME]}: how many invoices are in each status, and how many wait for each connection. */
final class StatusCommand implements Command {

    private static final Option CONNECTION = Option.value("--connection", "NAME",
            "count the invoices ready for this connection only");

    private final Lookup lookup;

    StatusCommand(Lookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String summary() {
        return "Counts invoices by status, and those ready to export per connection";
    }

    @Override
    public String synopsis() {
        return "[--connection NAME]";
    }

    @Override
    public String description() {
        return """
                Counts the invoices in each status (draft, finalized, exported, paid, closed, void), then, for each
                connection, the finalized invoices not yet exported to it.
                """;
    }

    @Override
    public List<Option> options() {
        return List.of(CONNECTION);
    }

    @Override
    public List<String> examples() {
        return List.of("ledgerport-cli status", "ledgerport-cli status --connection \"Xero UK\" --json");
    }

    @Override
    public Task prepare(Arguments arguments) {
        Optional<String> only = arguments.value(CONNECTION);
        return (services, output) -> {
            List<Connection> connections = only.map(name -> List.of(lookup.connection(services, name)))
                    .orElseGet(services.connections()::listConnections);
            InvoiceCounts counts = InvoiceCounts.of(services.invoices());
            Map<String, Connector> connectors = lookup.connectors(services,
                    connections.stream().map(Connection::connectorId).collect(Collectors.toSet()));
            Map<Connection, Integer> ready = connections.stream().collect(Collectors.toMap(c -> c,
                    c -> services.exports().ready(c.id()).size(), (a, b) -> a, LinkedHashMap::new));
            if (output.json()) {
                ObjectNode document = Json.object().put("total", counts.total());
                document.set("invoices", counts.toJson());
                ArrayNode list = document.putArray("ready");
                ready.forEach((connection, count) -> list.addObject().put("connection", connection.name())
                        .put("connector", connection.connectorId())
                        .put("installed", connectors.containsKey(connection.connectorId())).put("ready", count));
                output.document(document);
            } else {
                print(output.out(), counts, ready, connectors);
            }
            return ExitCode.SUCCESS;
        };
    }

    private static void print(PrintStream out, InvoiceCounts counts, Map<Connection, Integer> ready,
            Map<String, Connector> connectors) {
        out.println("Invoices (" + counts.total() + ")");
        counts.print(out, "  ");
        out.println();
        if (ready.isEmpty()) {
            out.println("Ready to export: no connections yet. Add one with 'ledgerport-cli connections add'.");
            return;
        }
        out.println("Ready to export");
        Table table = new Table();
        ready.forEach((connection, count) -> {
            Connector connector = connectors.get(connection.connectorId());
            table.row(connection.name(), count, connector == null
                    ? "connector " + connection.connectorId() + " is not installed"
                    : connector.descriptor().displayName());
        });
        table.print(out, "  ");
    }
}
