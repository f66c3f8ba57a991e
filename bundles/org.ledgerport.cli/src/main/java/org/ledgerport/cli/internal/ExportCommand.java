package org.ledgerport.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.export.ExportListener;
import org.ledgerport.core.export.ExportRequest;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.RunOutcome;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.model.Connection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code export}: exports finalized invoices to a connection with the workstation's engine, each exactly once,
 * printing each invoice's result as it arrives; or, with --dry-run, checks them and shows what would be sent.
 */
final class ExportCommand implements Command {

    private static final Option CONNECTION = Option.value("--connection", "NAME", "the connection to export to");
    private static final Option ALL_READY = Option.flag("--all-ready",
            "every finalized invoice not yet exported to the connection");
    private static final Option INVOICE = Option.repeatable("--invoice", "NUMBER",
            "these invoices only, by number; one or more");
    private static final Option DRY_RUN = Option.flag("--dry-run",
            "check the invoices and show what would be sent; nothing is sent");

    private final Lookup lookup;

    ExportCommand(Lookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "Exports finalized invoices to a connection, or checks them with --dry-run";
    }

    @Override
    public String synopsis() {
        return "--connection NAME (--all-ready | --invoice NUMBER...) [--dry-run]";
    }

    @Override
    public String description() {
        return """
                Exports finalized invoices to the connection's accounting company, each exactly once, and prints
                each invoice's result as it arrives. It needs the exporter role, and the run is recorded in the
                process log under your user name. Ctrl-C stops the run after the batch in flight; what was sent
                by then is recorded, the rest stays ready to export. With --dry-run the invoices are only
                checked: each one is shown with whether it would be sent, its problems, and what would be sent
                (number, customer, lines, totals and tax). Exits with 1 when an invoice failed, is not confirmed
                yet, or (dry run) would not be sent.
                """;
    }

    @Override
    public List<Option> options() {
        return List.of(CONNECTION, ALL_READY, INVOICE, DRY_RUN);
    }

    @Override
    public List<String> examples() {
        return List.of("ledgerport-cli export --connection \"Xero UK\" --all-ready --dry-run",
                "ledgerport-cli export --connection \"Xero UK\" --all-ready",
                "ledgerport-cli export --connection \"Xero UK\" --invoice INV-1001 INV-1002");
    }

    @Override
    public Task prepare(Arguments arguments) {
        String name = arguments.value(CONNECTION)
                .orElseThrow(() -> new UsageException("Say which connection to export to: --connection NAME."));
        boolean allReady = arguments.has(ALL_READY);
        List<String> numbers = arguments.values(INVOICE);
        if (allReady && !numbers.isEmpty()) {
            throw new UsageException("Give either --all-ready or --invoice NUMBER..., not both.");
        }
        if (!allReady && numbers.isEmpty()) {
            throw new UsageException("Say which invoices to export: --all-ready, or --invoice with one or more numbers.");
        }
        boolean dryRun = arguments.has(DRY_RUN);
        return (services, output) -> {
            Connection connection = lookup.connection(services, name);
            Connector connector = lookup.connectorOf(services, connection);
            // An empty selection asks the engine for every invoice ready for the connection.
            List<Long> invoiceIds = allReady ? List.of() : lookup.invoiceIds(services, numbers);
            String vendor = connector.descriptor().displayName();
            if (dryRun) {
                return new DryRun(connection, vendor, services.exports().check(connection.id(), invoiceIds))
                        .report(output);
            }
            if (allReady && services.exports().ready(connection.id()).isEmpty()) {
                return nothingReady(output, connection);
            }
            return export(services, output, connection, vendor, invoiceIds);
        };
    }

    private static int export(Services services, Output output, Connection connection, String vendor,
            List<Long> invoiceIds) {
        ExportRequest request = new ExportRequest(connection.id(), invoiceIds, services.user(), false);
        RunSummary run;
        try (CtrlC ctrlC = new CtrlC(output.err())) {
            run = services.exports().export(request, new Progress(output, connection, vendor, ctrlC));
        }
        if (output.json()) {
            ObjectNode document = Json.object().put("connection", connection.name()).put("dryRun", false);
            document.set("run", Json.run(run));
            ArrayNode results = document.putArray("results");
            services.processLog().results(run.id()).forEach(r -> results.add(Json.result(r)));
            output.document(document);
        } else {
            printSummary(output.out(), run, vendor);
        }
        // Skipped invoices (exported already, or not ready) are no failure; a run stopped before its end is.
        boolean allThrough = run.failed() == 0 && run.unconfirmed() == 0
                && run.outcome() != RunOutcome.CANCELLED && run.outcome() != RunOutcome.FAILED;
        return allThrough ? ExitCode.SUCCESS : ExitCode.FAILED;
    }

    private static void printSummary(PrintStream out, RunSummary run, String vendor) {
        out.printf("Run %d %s in %s: %d exported, %d failed, %d skipped, %d not confirmed yet.%n", run.id(),
                run.outcome().label().toLowerCase(), Text.duration(run.duration()), run.exported(), run.failed(),
                run.skipped(), run.unconfirmed());
        if (run.failed() > 0) {
            out.printf("Why they failed: ledgerport-cli problems --run %d%n", run.id());
        }
        if (run.unconfirmed() > 0) {
            out.printf("Invoices not confirmed yet may have reached %s; Ledgerport looks them up there before it "
                    + "sends anything again. Export again later to settle them.%n", vendor);
        }
        if (run.outcome() == RunOutcome.CANCELLED) {
            out.println("The run was stopped; the invoices it did not reach are still ready to export.");
        }
    }

    private static int nothingReady(Output output, Connection connection) {
        if (output.json()) {
            ObjectNode document = Json.object().put("connection", connection.name()).put("dryRun", false);
            document.putNull("run");
            document.putArray("results");
            output.document(document);
        } else {
            output.out().printf("Nothing to export: no finalized invoices are waiting for '%s'.%n", connection.name());
        }
        return ExitCode.SUCCESS;
    }

    /** Prints each invoice's result as the engine reports it, and passes Ctrl-C on as a cancellation. */
    private static final class Progress implements ExportListener {

        private final Output output;
        private final String target;
        private final CtrlC ctrlC;
        private final AtomicInteger done = new AtomicInteger();
        private volatile int selected;

        Progress(Output output, Connection connection, String vendor, CtrlC ctrlC) {
            this.output = output;
            this.target = "'" + connection.name() + "' (" + vendor + ")";
            this.ctrlC = ctrlC;
        }

        @Override
        public void started(long runId, int invoices) {
            selected = invoices;
            if (!output.json()) {
                output.out().printf("Run %d: exporting %s to %s.%n", runId,
                        Text.count(invoices, "invoice", "invoices"), target);
            }
        }

        @Override
        public void invoiceDone(InvoiceResult result) {
            int n = done.incrementAndGet();
            if (!output.json()) {
                output.out().printf("  [%d/%d] %s%n", n, selected, Text.result(result));
            }
        }

        @Override
        public boolean isCancelled() {
            return ctrlC.pressed();
        }
    }
}
