package org.ledgerport.cli.internal;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.ledgerport.core.access.AccessDeniedException;
import org.ledgerport.core.export.ExportException;

/**
 * The command line: finds the command in the arguments, parses its options and runs it against the workstation's
 * services. Help and usage errors need no services, so they answer at once even while the database is busy.
 */
final class Cli {

    static final String PROGRAM = "ledgerport-cli";
    static final Option JSON = Option.flag("--json", "print one JSON document instead of text, for scripts");
    static final Option HELP = Option.flag("--help", "show this help");
    /** Long enough for FileInstall to install the dropins folder's connectors at start. */
    static final Duration CONNECTOR_PATIENCE = Duration.ofSeconds(5);

    private static final String END_OF_OPTIONS = "--";

    private final Supplier<Services> services;
    private final List<Command> commands;

    Cli(Services services) {
        this(() -> services, CONNECTOR_PATIENCE, System.in);
    }

    Cli(Supplier<Services> services, Duration connectorPatience) {
        this(services, connectorPatience, System.in);
    }

    /**
     * @param services          asked for only once a command is ready to run; throws {@link CannotRunException}
     *                          when they cannot be had
     * @param connectorPatience how long a command waits for a connector that is not installed (yet)
     * @param input             where a sign-in's pasted address or a secret is typed
     */
    Cli(Supplier<Services> services, Duration connectorPatience, InputStream input) {
        this.services = services;
        Lookup lookup = new Lookup(connectorPatience);
        BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        commands = List.of(new ImportCommand(), new DemoDataCommand(), new ConnectionsCommand(lookup),
                new AddConnectionCommand(lookup), new ConnectCommand(lookup, reader),
                new RemoveConnectionCommand(lookup), new ExportCommand(lookup),
                new StatusCommand(lookup), new PayCommand(lookup), new RevertCommand(lookup), new UsersCommand(),
                new ProblemsCommand(lookup), new LogCommand());
    }

    /** Runs the command the arguments name and returns its exit code, one of {@link ExitCode}. */
    int run(List<String> args, PrintStream out, PrintStream err) {
        Output output = new Output(out, err, optionWords(args).contains(JSON.name()));
        // --json may also come before the command, as a global option.
        List<String> words = args.stream().dropWhile(JSON.name()::equals).toList();
        if (words.isEmpty()) {
            return usageError(output, PROGRAM + ": Say which command to run.", Help.global(commands));
        }
        if (isHelp(words.get(0)) || words.get(0).equals("help")) {
            return help(output, words.subList(1, words.size()));
        }
        Optional<Command> found = find(words);
        if (found.isEmpty()) {
            return usageError(output, PROGRAM + ": There is no command '" + words.get(0) + "'.",
                    Help.commandList(commands));
        }
        Command command = found.get();
        List<String> commandWords = words.subList(command.name().split(" ").length, words.size());
        if (optionWords(commandWords).stream().anyMatch(Cli::isHelp)) {
            out.print(Help.full(command));
            return ExitCode.SUCCESS;
        }
        try {
            Command.Task task = command.prepare(
                    Arguments.parse(commandWords, Help.options(command), command.positionals()));
            return task.run(services.get(), output);
        } catch (UsageException e) {
            return usageError(output, PROGRAM + " " + command.name() + ": " + e.getMessage(), Help.usage(command));
        } catch (CannotRunException | ExportException e) {
            return failure(output, ExitCode.CANNOT_RUN, e.getMessage());
        } catch (AccessDeniedException e) {
            // Its message names the role needed and whom to ask; nothing was done.
            return failure(output, ExitCode.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            // The core's exceptions carry messages written for people: a refused write, a lifecycle rule.
            return failure(output, ExitCode.FAILED, "Could not finish '%s': %s".formatted(command.name(),
                    e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage()));
        }
    }

    private int help(Output output, List<String> topic) {
        if (topic.isEmpty()) {
            output.out().print(Help.global(commands));
            return ExitCode.SUCCESS;
        }
        Optional<Command> command = find(topic);
        if (command.isEmpty() || command.get().name().split(" ").length != topic.size()) {
            return usageError(output, PROGRAM + " help: There is no command '" + String.join(" ", topic) + "'.",
                    Help.commandList(commands));
        }
        output.out().print(Help.full(command.get()));
        return ExitCode.SUCCESS;
    }

    /** The command whose name the words start with; "connections add" wins over "connections". */
    private Optional<Command> find(List<String> words) {
        return commands.stream().filter(c -> {
            List<String> name = List.of(c.name().split(" "));
            return words.size() >= name.size() && words.subList(0, name.size()).equals(name);
        }).max(Comparator.comparingInt(c -> c.name().split(" ").length));
    }

    private static List<String> optionWords(List<String> words) {
        return words.stream().takeWhile(word -> !word.equals(END_OF_OPTIONS)).toList();
    }

    private static boolean isHelp(String word) {
        return word.equals(HELP.name()) || word.equals("-h");
    }

    private static int usageError(Output output, String message, String usage) {
        output.err().println(message);
        output.err().println();
        output.err().print(usage);
        if (output.json()) {
            output.document(Json.error(ExitCode.USAGE, message));
        }
        return ExitCode.USAGE;
    }

    private static int failure(Output output, int exitCode, String message) {
        output.err().println(message);
        if (output.json()) {
            output.document(Json.error(exitCode, message));
        }
        return exitCode;
    }
}
