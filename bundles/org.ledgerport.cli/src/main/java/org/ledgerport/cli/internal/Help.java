package org.ledgerport.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The help texts: the list of commands, and each command's usage, options and examples. */
final class Help {

    /** Help fits a terminal 100 columns wide. */
    private static final int LINE_WIDTH = 100;
    private static final int MIN_TEXT_WIDTH = 40;

    private Help() {
    }

    static String global(List<Command> commands) {
        return """
                Usage: ledgerport-cli [-data WORKSPACE] COMMAND [OPTIONS]

                Imports invoices, exports them to the firm's accounting package and reports on the exports, with
                the workstation's own engine, connectors and database. An embedded database serves one program at
                a time: close the workstation that uses the same workspace first, or share the database through a
                Derby network server.

                """ + commandList(commands) + """

                Every command also takes --json (print one JSON document instead of text, for scripts) and --help.
                -data WORKSPACE works on another workspace than the workstation's default (~/Ledgerport/workspace).
                'ledgerport-cli help COMMAND' shows a command's options and examples.

                Exit codes:
                  0  done
                  1  the command ran, but not everything went through: an export left invoices failed or not
                     confirmed, an import or check found errors, a package could not be reached for the
                     status, a payment or revert was refused or not confirmed, a change was refused (your
                     role does not allow it, or the database refused it)
                  2  the command line is wrong; the command's usage goes to standard error
                  3  the command could not run: no database, connector not installed, or no such connection,
                     invoice, run or file
                """;
    }

    static String commandList(List<Command> commands) {
        List<String[]> rows = new ArrayList<>();
        for (Command command : commands) {
            String words = Stream.concat(Stream.of(command.name()), command.positionals().stream())
                    .reduce((a, b) -> a + " " + b).orElseThrow();
            rows.add(new String[] { words, command.summary() });
        }
        return "Commands:\n" + columns(rows);
    }

    /** The usage line and the options, as shown after a usage error. */
    static String usage(Command command) {
        return usageLine(command) + "\n\nOptions:\n" + columns(options(command).stream()
                .map(o -> new String[] { o.synopsis(), o.help() }).toList());
    }

    /** Everything --help shows about a command. */
    static String full(Command command) {
        StringBuilder help = new StringBuilder(usageLine(command)).append("\n\n")
                .append(command.description().strip()).append("\n\nOptions:\n")
                .append(columns(options(command).stream().map(o -> new String[] { o.synopsis(), o.help() })
                        .toList()));
        help.append(command.examples().size() == 1 ? "\nExample:\n" : "\nExamples:\n");
        command.examples().forEach(example -> help.append("  ").append(example).append('\n'));
        return help.toString();
    }

    /** The command's own options and the two every command takes. */
    static List<Option> options(Command command) {
        return Stream.concat(command.options().stream(), Stream.of(Cli.JSON, Cli.HELP)).toList();
    }

    private static String usageLine(Command command) {
        return "Usage: " + Cli.PROGRAM + " " + command.name()
                + (command.synopsis().isEmpty() ? "" : " " + command.synopsis()) + " [--json]";
    }

    private static String columns(List<String[]> rows) {
        int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(0);
        String indent = " ".repeat(2 + width + 3);
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            List<String> lines = wrap(row[1], Math.max(MIN_TEXT_WIDTH, LINE_WIDTH - indent.length()));
            text.append("  ").append(row[0]).append(" ".repeat(width - row[0].length() + 3)).append(lines.get(0))
                    .append('\n');
            lines.subList(1, lines.size()).forEach(line -> text.append(indent).append(line).append('\n'));
        }
        return text.toString();
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
