package org.ledgerport.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.MappingKind;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code connections}: lists the connections, and the connectors a new one can use. */
final class ConnectionsCommand implements Command {

    private final Lookup lookup;

    ConnectionsCommand(Lookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public String name() {
        return "connections";
    }

    @Override
    public String summary() {
        return "Lists the connections to accounting packages";
    }

    @Override
    public String synopsis() {
        return "";
    }

    @Override
    public String description() {
        return """
                Lists each connection with its connector, numbering policy, settings and mappings, then the
                connectors installed. 'connections add' adds a connection, 'connections remove' removes one.
                """;
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public List<String> examples() {
        return List.of("ledgerport-cli connections", "ledgerport-cli connections --json");
    }

    @Override
    public Task prepare(Arguments arguments) {
        return (services, output) -> {
            List<Connection> connections = services.connections().listConnections();
            Map<String, Connector> connectors = lookup.connectors(services,
                    connections.stream().map(Connection::connectorId).collect(Collectors.toSet()));
            if (output.json()) {
                ObjectNode document = Json.object();
                ArrayNode list = document.putArray("connections");
                connections.forEach(c -> list.add(Json.connection(c, connectors.get(c.connectorId()))));
                ArrayNode installed = document.putArray("connectors");
                for (Connector connector : services.connectors().connectors()) {
                    installed.addObject().put("id", connector.descriptor().id())
                            .put("name", connector.descriptor().displayName())
                            .put("signIn", connector.descriptor().authKind().name());
                }
                output.document(document);
            } else {
                print(output.out(), connections, connectors);
                output.out().println(Lookup.installed(services));
            }
            return ExitCode.SUCCESS;
        };
    }

    private static void print(PrintStream out, List<Connection> connections, Map<String, Connector> connectors) {
        if (connections.isEmpty()) {
            out.println("No connections yet. Add one with: ledgerport-cli connections add --connector ID --name NAME");
            out.println();
            return;
        }
        for (Connection connection : connections) {
            Connector connector = connectors.get(connection.connectorId());
            out.println(connection.name());
            Table details = new Table()
                    .row("Connector:", connector == null ? connection.connectorId() + " (not installed)"
                            : connector.descriptor().displayName() + " (" + connection.connectorId() + ")")
                    .row("Numbering:", connection.numbering().label())
                    .row("Settings:", connection.settings().isEmpty() ? "none"
                            : connection.settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                                    .collect(Collectors.joining(", ")))
                    .row("Mappings:", mappings(connection));
            details.print(out, "  ");
            out.println();
        }
    }

    private static String mappings(Connection connection) {
        List<String> mappings = new ArrayList<>();
        for (Map.Entry<MappingKind, Map<String, String>> kind : connection.mappings().entrySet()) {
            kind.getValue().forEach((ours, theirs) -> mappings
                    .add(Words.mappingKindLabel(kind.getKey()) + " " + ours + " -> " + theirs));
        }
        return mappings.isEmpty() ? "none" : String.join(", ", mappings);
    }
}
