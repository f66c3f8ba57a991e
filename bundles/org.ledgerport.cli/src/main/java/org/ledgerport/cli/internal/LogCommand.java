package org.ledgerport.cli.internal;

import java.util.List;

import org.ledgerport.core.export.RunSummary;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code log [--limit N]}: the process log, newest run first. */
final class LogCommand implements Command {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 10_000;
    private static final Option LIMIT = Option.value("--limit", "N",
            "how many runs to show, newest first; " + DEFAULT_LIMIT + " when left out");

    @Override
    public String name() {
        return "log";
    }

    @Override
    public String summary() {
        return "Shows the latest export runs from the process log";
    }

    @Override
    public String synopsis() {
        return "[--limit N]";
    }

    @Override
    public String description() {
        return """
                Shows the latest export runs, newest first: when each started, who ran it and on which
                workstation, the connection, how many invoices were selected, exported, failed, skipped and not
                confirmed yet, how long it took and how it ended. 'ledgerport-cli problems --run ID' shows a
                run's problems.
                """;
    }

    @Override
    public List<Option> options() {
        return List.of(LIMIT);
    }

    @Override
    public List<String> examples() {
        return List.of("ledgerport-cli log --limit 5");
    }

    @Override
    public Task prepare(Arguments arguments) {
        int limit = arguments.value(LIMIT).map(LogCommand::limit).orElse(DEFAULT_LIMIT);
        return (services, output) -> {
            List<RunSummary> runs = services.processLog().recentRuns(limit);
            if (output.json()) {
                ObjectNode document = Json.object();
                ArrayNode list = document.putArray("runs");
                runs.forEach(run -> list.add(Json.run(run)));
                output.document(document);
            } else if (runs.isEmpty()) {
                output.out().println("No export has run yet.");
            } else {
                Table table = new Table().row("Run", "Started", "By", "Connection", "Selected", "Exported", "Failed",
                        "Skipped", "Not confirmed", "Took", "Outcome");
                for (RunSummary run : runs) {
                    table.row(run.id(), Text.when(run.startedAt()), Text.who(run), run.connectionName(),
                            run.selected(), run.exported(), run.failed(), run.skipped(), run.unconfirmed(),
                            run.finishedAt() == null ? "" : Text.duration(run.duration()), run.outcome().label());
                }
                table.print(output.out(), "");
            }
            return ExitCode.SUCCESS;
        };
    }

    private static int limit(String word) {
        try {
            int limit = Integer.parseInt(word);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below, with the same message as a number out of range
        }
        throw new UsageException("--limit takes a number of runs from 1 to %d, not '%s'.".formatted(MAX_LIMIT, word));
    }
}
