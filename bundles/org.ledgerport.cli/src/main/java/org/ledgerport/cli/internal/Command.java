package org.ledgerport.cli.internal;

import java.util.List;

/** One command of the command line: what it takes, how it explains itself, and what it does. */
interface Command {

    /** The words that name it: "export", "connections add". */
    String name();

    /** One line for the list of commands. */
    String summary();

    /** What the usage line shows after the name, without --json and --help: "FILE [--check]". */
    String synopsis();

    /** What it does, in a few lines for --help. */
    String description();

    /** Its own options; every command also takes --json and --help. */
    List<Option> options();

    /** The names of the positional arguments it takes, in order. */
    default List<String> positionals() {
        return List.of();
    }

    /** Command lines for --help to show. */
    List<String> examples();

    /**
     * Checks the command line and returns the work it asks for. Everything that can be wrong with the command line
     * is found here, before the services are waited for.
     *
     * @throws UsageException when the command line is wrong
     */
    Task prepare(Arguments arguments);

    /** A command's work, ready to run. */
    @FunctionalInterface
    interface Task {

        /** @return the exit code, one of {@link ExitCode} */
        int run(Services services, Output output);
    }
}
