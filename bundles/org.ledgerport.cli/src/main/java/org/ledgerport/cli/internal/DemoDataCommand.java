package org.ledgerport.cli.internal;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code demo-data}: fills an empty workspace with the demo firm, to try Ledgerport out. */
final class DemoDataCommand implements Command {

    @Override
    public String name() {
        return "demo-data";
    }

    @Override
    public String summary() {
        return "Loads a demo firm into an empty workspace, to try Ledgerport out";
    }

    @Override
    public String synopsis() {
        return "";
    }

    @Override
    public String description() {
        return """
                Fills an empty database with a small demo firm: tax codes, customers, items, invoices in every
                status (some finalized and ready to export) and a connection that exports them as files into the
                workspace. It is refused when the database already holds customers or invoices, so a firm's own
                data is never mixed with the demo's; give the command a fresh workspace instead.
                """;
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public List<String> examples() {
        return List.of("ledgerport-cli -data /tmp/ledgerport-demo demo-data");
    }

    @Override
    public Task prepare(Arguments arguments) {
        return (services, output) -> {
            DemoLoader demo = services.demo().orElseThrow(() -> new CannotRunException(
                    "The demo firm is not part of this installation (the bundle org.ledgerport.demo is missing)."));
            DemoLoader.Loaded loaded;
            try {
                loaded = demo.load();
            } catch (IllegalStateException refused) {
                output.err().println(refused.getMessage());
                if (output.json()) {
                    output.document(Json.object().put("loaded", false).put("reason", refused.getMessage()));
                }
                return ExitCode.FAILED;
            }
            if (output.json()) {
                ObjectNode document = Json.object().put("loaded", true).put("connection", loaded.connection())
                        .put("customers", services.invoices().listCustomers().size())
                        .put("items", services.invoices().listItems().size());
                document.set("invoices", InvoiceCounts.of(services.invoices()).toJson());
                output.document(document);
            } else {
                output.out().println(loaded.summary());
                output.out().printf("Try an export: ledgerport-cli export --connection \"%s\" --all-ready --dry-run%n",
                        loaded.connection());
            }
            return ExitCode.SUCCESS;
        };
    }
}
