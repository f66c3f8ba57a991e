package org.ledgerport.cli.internal;

import java.util.List;

import org.ledgerport.core.model.Connection;

/** {@code connections remove NAME}: removes a connection; what was exported through it stays in the process log. */
final class RemoveConnectionCommand implements Command {

    private final Lookup lookup;

    RemoveConnectionCommand(Lookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public String name() {
        return "connections remove";
    }

    @Override
    public String summary() {
        return "Removes a connection";
    }

    @Override
    public String synopsis() {
        return "NAME";
    }

    @Override
    public String description() {
        return """
                Removes the connection named NAME. Invoices already exported through it stay exported, and its
                runs stay in the process log. Quote a name with spaces. Needs the owner role.
                """;
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public List<String> positionals() {
        return List.of("NAME");
    }

    @Override
    public List<String> examples() {
        return List.of("ledgerport-cli connections remove \"Xero UK\"");
    }

    @Override
    public Task prepare(Arguments arguments) {
        String name = arguments.positional(0);
        return (services, output) -> {
            Connection connection = lookup.connection(services, name);
            services.connections().deleteConnection(services.user(), connection.id());
            services.credentials().forget(connection.uid());
            if (output.json()) {
                output.document(Json.object().put("removed", connection.name()).put("id", connection.id()));
            } else {
                output.out().printf("Removed connection '%s'. Its runs stay in the process log.%n", connection.name());
            }
            return ExitCode.SUCCESS;
        };
    }
}
