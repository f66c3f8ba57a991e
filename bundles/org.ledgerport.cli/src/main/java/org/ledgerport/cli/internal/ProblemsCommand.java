package org.ledgerport.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.RunSummary;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code problems [--run ID]}: what went wrong in an export run, per invoice, in the package's words too. */
final class ProblemsCommand implements Command {

    private static final Option RUN = Option.value("--run", "ID",
            "the run to show, as 'ledgerport-cli log' numbers them; the latest run when left out");

    private final Lookup lookup;

    ProblemsCommand(Lookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public String name() {
        return "problems";
    }

    @Override
    public String summary() {
        return "Shows the problems of the latest export run, or of another one";
    }

    @Override
    public String synopsis() {
        return "[--run ID]";
    }

    @Override
    public String description() {
        return """
                Shows, for each invoice of an export run that had problems, its outcome and every problem: what
                happened and what to do, and the accounting package's own error code and text when it gave
                them. Failures, invoices not confirmed yet and warnings on exported invoices are all shown.
                """;
    }

    @Override
    public List<Option> options() {
        return List.of(RUN);
    }

    @Override
    public List<String> examples() {
        return List.of("ledgerport-cli problems", "ledgerport-cli problems --run 42");
    }

    @Override
    public Task prepare(Arguments arguments) {
        Optional<Long> runId = arguments.value(RUN).map(ProblemsCommand::runId);
        return (services, output) -> {
            RunSummary run = lookup.run(services, runId);
            List<InvoiceResult> withProblems = services.processLog().results(run.id()).stream()
                    .filter(r -> !r.problems().isEmpty()).toList();
            if (output.json()) {
                ObjectNode document = Json.object();
                document.set("run", Json.run(run));
                ArrayNode invoices = document.putArray("invoices");
                withProblems.forEach(r -> invoices.add(Json.result(r)));
                output.document(document);
            } else {
                print(output.out(), run, withProblems, vendorOf(services, run));
            }
            return ExitCode.SUCCESS;
        };
    }

    private static long runId(String word) {
        try {
            long id = Long.parseLong(word);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below, with the same message as a negative number
        }
        throw new UsageException("--run takes a run number, like --run 42, not '" + word + "'.");
    }

    /** The accounting package's name, or empty when the run's connection or its connector is gone. */
    private static String vendorOf(Services services, RunSummary run) {
        return services.connections().findConnection(run.connectionId())
                .flatMap(connection -> services.connectors().find(connection.connectorId()))
                .map(connector -> connector.descriptor().displayName()).orElse("");
    }

    private static void print(PrintStream out, RunSummary run, List<InvoiceResult> withProblems, String vendor) {
        out.printf("Run %d, %s, by %s, to '%s': %s.%n", run.id(), Text.when(run.startedAt()), Text.who(run),
                run.connectionName(), run.outcome().label());
        if (withProblems.isEmpty()) {
            out.println("No invoice in this run had a problem.");
            return;
        }
        for (InvoiceResult result : withProblems) {
            out.println();
            out.println(result.invoiceNumber() + "  " + result.outcome().label());
            Text.problems(out, "    ", result.problems(), vendor);
        }
    }
}
