package org.ledgerport.cli.internal;

/** What the process's exit status tells a script; docs/cli.md documents the same four. */
final class ExitCode {

    /** Everything asked was done. */
    static final int SUCCESS = 0;
    /** The command ran, but not everything went through: failed or unconfirmed invoices, import errors. */
    static final int FAILED = 1;
    /** The command line is wrong; the command's usage goes to standard error. */
    static final int USAGE = 2;
    /** The command could not run: no database, connector not installed, unknown connection, invoice or run. */
    static final int CANNOT_RUN = 3;

    private ExitCode() {
    }
}
