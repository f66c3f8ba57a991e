package org.ledgerport.cli.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.ledgerport.core.importing.ImportError;
import org.ledgerport.core.importing.ImportReport;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code import FILE [--check]}: reads a billing system's invoice file into the database, all of it or nothing. */
final class ImportCommand implements Command {

    private static final Option CHECK = Option.flag("--check", "read and check the file only; nothing is saved");

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "Imports invoices from a billing system's CSV or JSON file";
    }

    @Override
    public String synopsis() {
        return "FILE [--check]";
    }

    @Override
    public String description() {
        return """
                Reads the invoices in FILE, with their customers and items, and saves all of them or, when any
                row is wrong, none: every wrong row is listed with its line and column. Customers are matched by
                name and items by code; new ones are created. The file formats are described in
                docs/import-formats.md.
                """;
    }

    @Override
    public List<Option> options() {
        return List.of(CHECK);
    }

    @Override
    public List<String> positionals() {
        return List.of("FILE");
    }

    @Override
    public List<String> examples() {
        return List.of("ledgerport-cli import invoices-2025-11.csv --check",
                "ledgerport-cli import invoices-2025-11.csv");
    }

    @Override
    public Task prepare(Arguments arguments) {
        Path file = Path.of(arguments.positional(0));
        boolean checkOnly = arguments.has(CHECK);
        return (services, output) -> {
            if (!Files.isRegularFile(file)) {
                throw new CannotRunException("There is no file " + file.toAbsolutePath() + ".");
            }
            ImportReport report = checkOnly ? services.importer().check(file) : services.importer().importFile(file);
            if (output.json()) {
                output.document(toJson(report, checkOnly));
            } else {
                print(output.out(), report, checkOnly);
            }
            return report.errors().isEmpty() ? ExitCode.SUCCESS : ExitCode.FAILED;
        };
    }

    private static void print(PrintStream out, ImportReport report, boolean checkOnly) {
        String invoices = Text.count(report.invoices(), "invoice", "invoices");
        String created = Text.count(report.customersCreated(), "customer", "customers") + " and "
                + Text.count(report.itemsCreated(), "item", "items");
        if (report.errors().isEmpty()) {
            out.println(checkOnly
                    ? "%s can be imported: %s; %s would be created. Nothing was saved (--check).".formatted(
                            report.file(), invoices, created)
                    : "Imported %s from %s; created %s.".formatted(invoices, report.file(), created));
            return;
        }
        String problems = Text.count(report.errors().size(), "problem", "problems");
        out.println(checkOnly
                ? "%s cannot be imported as it is (%s). Fix these and check it again:".formatted(report.file(), problems)
                : "Nothing was imported from %s (%s). Fix these and import it again:".formatted(report.file(), problems));
        report.errors().forEach(error -> out.println("  " + error));
    }

    private static ObjectNode toJson(ImportReport report, boolean checkOnly) {
        ObjectNode node = Json.object().put("file", report.file()).put("checkOnly", checkOnly)
                .put("saved", report.saved()).put("invoices", report.invoices())
                .put("customersCreated", report.customersCreated()).put("itemsCreated", report.itemsCreated());
        ArrayNode errors = node.putArray("errors");
        for (ImportError error : report.errors()) {
            errors.addObject().put("line", error.line()).put("field", error.field()).put("message", error.message());
        }
        return node;
    }
}
