package org.ledgerport.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.ledgerport.cli.internal.CommandLine.run;
import static org.ledgerport.cli.internal.CommandLine.withoutServices;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ledgerport.cli.internal.CommandLine.Result;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Help and usage errors, on a command line that has no services: they must answer while the database is in use
 * by a running workstation.
 */
class HelpAndUsageTest {

    /** Every command, with the words its help must show. */
    static Stream<org.junit.jupiter.params.provider.Arguments> commands() {
        return Stream.of(arguments("import", List.of("FILE", "--check")),
                arguments("demo-data", List.of("empty")),
                arguments("connections", List.of("connections add")),
                arguments("connections add", List.of("--connector ID", "--name NAME", "--setting KEY=VALUE...",
                        "--map KIND:OURS=THEIRS...", "--numbering ours|vendor")),
                arguments("connections remove", List.of("NAME")),
                arguments("export", List.of("--connection NAME", "--all-ready", "--invoice NUMBER...", "--dry-run",
                        "Ctrl-C")),
                arguments("status", List.of("--connection NAME", "--no-refresh")),
                arguments("pay", List.of("--invoice NUMBER", "--amount AMOUNT", "--account CODE", "--date YYYY-MM-DD",
                        "--reference TEXT", "--connection NAME", "--resend")),
                arguments("revert", List.of("--invoice NUMBER", "--renumber NEW", "--yes", "owner role")),
                arguments("users", List.of("--set NAME", "--role biller|exporter|owner", "--remove NAME")),
                arguments("problems", List.of("--run ID")),
                arguments("log", List.of("--limit N")));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandExplainsItself(String command, List<String> words) {
        Result help = run(withoutServices(), with(command, "--help"));
        assertEquals(ExitCode.SUCCESS, help.exitCode(), help::toString);
        assertTrue(help.out().startsWith("Usage: ledgerport-cli " + command + " "), help::toString);
        for (String word : Stream.concat(words.stream(), Stream.of("--json", "--help", "Example")).toList()) {
            assertTrue(help.out().contains(word), () -> "'" + word + "' is missing from\n" + help);
        }
        assertEquals(help.out(), run(withoutServices(), with("help " + command)).out(), "help COMMAND shows the same");
    }

    @Test
    void theGlobalHelpListsEveryCommandAndTheExitCodes() {
        Result help = run(withoutServices(), "--help");
        assertEquals(ExitCode.SUCCESS, help.exitCode(), help::toString);
        commands().map(c -> (String) c.get()[0])
                .forEach(command -> assertTrue(help.hasLine("  " + command + " "), () -> command + " is missing"));
        for (String exitCode : List.of("0  done", "1  the command ran, but not everything went through",
                "2  the command line is wrong", "3  the command could not run")) {
            assertTrue(help.out().contains(exitCode), () -> "exit code '" + exitCode + "' is missing from\n" + help);
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> usageErrors() {
        return Stream.of(arguments("", "Say which command to run.", "Usage: ledgerport-cli [-data"),
                arguments("exprot", "There is no command 'exprot'.", "Commands:"),
                arguments("help exprot", "There is no command 'exprot'.", "Commands:"),
                arguments("export --all-ready", "Say which connection to export to", "Usage: ledgerport-cli export"),
                arguments("export --connection X", "Say which invoices to export", "Usage: ledgerport-cli export"),
                arguments("export --connection X --all-ready --invoice 1001", "not both", "Usage: ledgerport-cli export"),
                arguments("export --connection", "--connection needs a value", "Usage: ledgerport-cli export"),
                arguments("export --connection X --connection Y --all-ready", "--connection is given twice",
                        "Usage: ledgerport-cli export"),
                arguments("status --verbose", "There is no option --verbose.", "Usage: ledgerport-cli status"),
                arguments("log --limit all", "--limit takes a number of runs", "Usage: ledgerport-cli log"),
                arguments("problems --run last", "--run takes a run number", "Usage: ledgerport-cli problems"),
                arguments("revert", "Say which invoice to revert", "Usage: ledgerport-cli revert"),
                arguments("revert --invoice 1001 --renumber 1001", "--renumber takes a number other than",
                        "Usage: ledgerport-cli revert"),
                arguments("pay --invoice 1001 --account 1200", "Say how much was paid", "Usage: ledgerport-cli pay"),
                arguments("pay --invoice 1001 --amount 12,50 --account 1200", "--amount takes what was paid",
                        "Usage: ledgerport-cli pay"),
                arguments("pay --invoice 1001 --amount 12.50", "Say which account the money went into",
                        "Usage: ledgerport-cli pay"),
                arguments("pay --invoice 1001 --amount 12.50 --account 1200 --date 20.11.2026",
                        "--date takes a date as YYYY-MM-DD", "Usage: ledgerport-cli pay"),
                arguments("pay --resend --invoice 1001", "--resend sends the payments recorded already; it takes no "
                        + "--invoice.", "Usage: ledgerport-cli pay"),
                arguments("users --set bea", "Say which role to give", "Usage: ledgerport-cli users"),
                arguments("users --set bea --role boss", "--role is biller, exporter or owner, not 'boss'.",
                        "Usage: ledgerport-cli users"),
                arguments("users --set bea --role owner --remove carl", "not both", "Usage: ledgerport-cli users"),
                arguments("import", "Missing FILE.", "Usage: ledgerport-cli import"),
                arguments("import a.csv b.csv", "Unexpected argument 'b.csv'.", "Usage: ledgerport-cli import"),
                arguments("connections remove", "Missing NAME.", "Usage: ledgerport-cli connections remove"),
                arguments("connections add --name X", "Say which connector", "Usage: ledgerport-cli connections add"),
                arguments("connections add --connector test-books --name X --map vat:T20=S",
                        "the kind is tax-code, income-account or item", "Usage: ledgerport-cli connections add"),
                arguments("connections add --connector test-books --name X --setting folder",
                        "--setting takes KEY=VALUE", "Usage: ledgerport-cli connections add"),
                arguments("connections add --connector test-books --name X --numbering theirs",
                        "--numbering is ours or vendor", "Usage: ledgerport-cli connections add"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void aWrongCommandLineExitsWithTwoAndShowsTheUsage(String commandLine, String message, String usage) {
        Result result = run(withoutServices(), with(commandLine));
        assertEquals(ExitCode.USAGE, result.exitCode(), result::toString);
        assertTrue(result.err().contains(message), result::toString);
        assertTrue(result.err().contains(usage), result::toString);
        assertEquals("", result.out(), "a usage error prints nothing on standard output");
    }

    @Test
    void withJsonAUsageErrorIsAlsoOneDocument() {
        Result result = run(withoutServices(), "log", "--limit", "0", "--json");
        assertEquals(ExitCode.USAGE, result.exitCode(), result::toString);
        JsonNode error = result.json().get("error");
        assertEquals(ExitCode.USAGE, error.get("exitCode").asInt());
        assertTrue(error.get("message").asText().contains("--limit takes a number of runs from 1"), result::toString);
    }

    @Test
    void aCommandThatCannotHaveItsServicesExitsWithThree() {
        Result result = run(withoutServices(), "--json", "status");
        assertEquals(ExitCode.CANNOT_RUN, result.exitCode(), result::toString);
        assertTrue(result.err().contains("This test gives the command line no services."), result::toString);
        assertEquals(ExitCode.CANNOT_RUN, result.json().get("error").get("exitCode").asInt());
    }

    private static String[] with(String commandLine, String... more) {
        List<String> words = new ArrayList<>();
        if (!commandLine.isEmpty()) {
            words.addAll(List.of(commandLine.split(" ")));
        }
        words.addAll(List.of(more));
        return words.toArray(String[]::new);
    }
}
