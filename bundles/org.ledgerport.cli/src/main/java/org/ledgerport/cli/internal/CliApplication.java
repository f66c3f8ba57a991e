package org.ledgerport.cli.internal;

import java.util.Arrays;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The headless application {@code org.ledgerport.cli.cli}, which the ledgerport-cli script starts: it runs one
 * command with the workstation's services and returns the command's exit code, which becomes the process's.
 */
public final class CliApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<String> words = args == null ? List.of() : Arrays.asList(args);
        try (FrameworkServices services = new FrameworkServices(FrameworkServices.PATIENCE)) {
            return new Cli(services::await, Cli.CONNECTOR_PATIENCE).run(words, System.out, System.err);
        }
    }

    @Override
    public void stop() {
        // One command runs and returns; Ctrl-C during an export is handled by the export itself.
    }
}
