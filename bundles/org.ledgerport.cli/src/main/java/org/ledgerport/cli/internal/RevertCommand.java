package org.ledgerport.cli.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

import org.ledgerport.core.connector.Withdrawal;
import org.ledgerport.core.export.RevertPlan;
import org.ledgerport.core.export.RevertRefusedException;
import org.ledgerport.core.model.Invoice;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code revert --invoice NUMBER [--renumber NEW] [--yes]}: shows what taking an exported invoice back to draft
 * would do at each accounting package, and with --yes does it.
 */
final class RevertCommand implements Command {

    private static final Option INVOICE = Option.value("--invoice", "NUMBER", "the exported invoice to revert");
    private static final Option RENUMBER = Option.value("--renumber", "NEW",
            "the number the revised invoice gets, for a package that keeps the old one taken");
    private static final Option YES = Option.flag("--yes",
            "revert it; without --yes the command only shows what would happen");

    private final Lookup lookup;

    RevertCommand(Lookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public String name() {
        return "revert";
    }

    @Override
    public String summary() {
        return "Takes an exported invoice back to draft, withdrawing it from the accounting packages";
    }

    @Override
    public String synopsis() {
        return "--invoice NUMBER [--renumber NEW] [--yes]";
    }

    @Override
    public String description() {
        return """
                Takes an exported invoice back to draft so it can be corrected and exported again. First it is
                withdrawn from every accounting package it was exported to, by that package's rules (deleted,
                or voided where it cannot be deleted); only once each package confirmed is it a draft again, and
                the old reference stays in its history. Without --yes the command reads the invoice at each
                package, changes nothing, and shows what would happen there. A package that keeps a voided
                invoice's number will not take the revised invoice under the same number: give it another one
                with --renumber. A package that refuses (a payment is applied there) says what to do there
                first. Needs the owner role. Exits with 1 when a package refuses.
                """;
    }

    @Override
    public List<Option> options() {
        return List.of(INVOICE, RENUMBER, YES);
    }

    @Override
    public List<String> examples() {
        return List.of("ledgerport-cli revert --invoice INV-1001",
                "ledgerport-cli revert --invoice INV-1001 --renumber INV-1001-2 --yes");
    }

    @Override
    public Task prepare(Arguments arguments) {
        String number = arguments.value(INVOICE)
                .orElseThrow(() -> new UsageException("Say which invoice to revert: --invoice NUMBER."));
        Optional<String> renumber = arguments.value(RENUMBER).map(String::strip);
        if (renumber.isPresent() && (renumber.get().isEmpty() || renumber.get().equals(number))) {
            throw new UsageException("--renumber takes a number other than the invoice's own, like --renumber "
                    + number + "-2.");
        }
        boolean yes = arguments.has(YES);
        return (services, output) -> {
            long invoiceId = lookup.invoiceIds(services, List.of(number)).get(0);
            Invoice invoice = services.invoices().findInvoice(invoiceId).orElseThrow();
            RevertPlan plan = services.revisions().planRevert(invoiceId, services.user());
            if (!output.json()) {
                printPlan(output.out(), plan, yes);
            }
            if (!plan.possible()) {
                plan.steps().stream().filter(RevertPlan.Step::refused).forEach(step -> output.err().printf(
                        "%s cannot be reverted: '%s' refuses. %s%n", plan.invoiceNumber(), step.connectionName(),
                        step.explanation()));
                return done(output, plan, null, null, ExitCode.FAILED);
            }
            if (!yes) {
                if (!output.json()) {
                    howToGoOn(output.out(), plan, renumber);
                }
                return done(output, plan, null, null, ExitCode.SUCCESS);
            }
            Invoice reverted;
            try {
                reverted = services.revisions().revert(invoiceId, invoice.version(), renumber.orElse(""),
                        services.user());
            } catch (RevertRefusedException e) {
                // The package's explanation says what to do there first; connections withdrawn before stay so.
                output.err().println(plan.invoiceNumber() + " was not reverted:");
                Text.problems(output.err(), "  ", List.of(e.problem()), "");
                return done(output, plan, null, e, ExitCode.FAILED);
            }
            if (!output.json()) {
                printReverted(output.out(), plan, reverted);
            }
            return done(output, plan, reverted, null, ExitCode.SUCCESS);
        };
    }

    private static void printPlan(PrintStream out, RevertPlan plan, boolean yes) {
        if (plan.steps().isEmpty()) {
            out.printf("%s is in no accounting package, so reverting it to draft changes nothing there.%n",
                    plan.invoiceNumber());
            return;
        }
        out.printf("Reverting %s to draft%s:%n", plan.invoiceNumber(), yes ? "" : " would, at each connection");
        Table table = new Table();
        for (RevertPlan.Step step : plan.steps()) {
            table.row("'" + step.connectionName() + "'", action(step), step.explanation());
        }
        table.print(out, "  ");
    }

    /** "delete it:", "void it, the number stays taken there:", "refused:". */
    private static String action(RevertPlan.Step step) {
        if (step.refused()) {
            return "refused:";
        }
        String action = step.action() == Withdrawal.DELETED ? "delete it" : "void it";
        return (step.numberKept() ? action + ", the number stays taken there" : action) + ":";
    }

    private static void howToGoOn(PrintStream out, RevertPlan plan, Optional<String> renumber) {
        out.println();
        String newNumber = renumber.orElse(plan.suggestedNumber());
        if (plan.numberKept() && renumber.isEmpty()) {
            out.printf("Where the number stays taken, the revised invoice cannot be exported again as %s. Give it "
                    + "a new number with --renumber, such as %s.%n", plan.invoiceNumber(), plan.suggestedNumber());
        }
        out.printf("Nothing was changed. To revert it: ledgerport-cli revert --invoice %s%s --yes%n",
                plan.invoiceNumber(), newNumber.isEmpty() ? "" : " --renumber " + newNumber);
    }

    private static void printReverted(PrintStream out, RevertPlan plan, Invoice reverted) {
        out.println();
        out.printf("%s is a draft again%s. Its earlier export stays in its history.%n", plan.invoiceNumber(),
                reverted.number().equals(plan.invoiceNumber()) ? "" : ", numbered " + reverted.number());
        if (plan.numberKept() && reverted.number().equals(plan.invoiceNumber())) {
            out.printf("It kept the number %s, which stays taken where it was voided: renumber it before exporting "
                    + "it there again (%s, say).%n", reverted.number(), plan.suggestedNumber());
        }
    }

    /** Prints the JSON document, when asked for, and returns the exit code. */
    private static int done(Output output, RevertPlan plan, Invoice reverted, RevertRefusedException refusal,
            int exitCode) {
        if (output.json()) {
            ObjectNode document = Json.object().put("invoiceId", plan.invoiceId()).put("number", plan.invoiceNumber())
                    .put("possible", plan.possible()).put("numberKept", plan.numberKept())
                    .put("suggestedNumber", plan.suggestedNumber().isEmpty() ? null : plan.suggestedNumber());
            ArrayNode steps = document.putArray("steps");
            for (RevertPlan.Step step : plan.steps()) {
                steps.addObject().put("connectionId", step.connectionId()).put("connection", step.connectionName())
                        .put("action", step.refused() ? null : step.action().name()).put("refused", step.refused())
                        .put("numberKept", step.numberKept()).put("explanation", step.explanation());
            }
            document.put("reverted", reverted != null);
            if (reverted != null) {
                document.putObject("invoice").put("number", reverted.number()).put("status", reverted.status().name())
                        .put("version", reverted.version());
            } else {
                document.putNull("invoice");
            }
            if (refusal != null) {
                document.set("refusal", Json.problem(refusal.problem()));
            } else {
                document.putNull("refusal");
            }
            output.document(document);
        }
        return exitCode;
    }
}
