package org.ledgerport.cli.internal;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.ledgerport.core.access.Permission;
import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.SignIn;
import org.ledgerport.core.connector.Setting;
import org.ledgerport.core.credentials.Credentials;
import org.ledgerport.core.model.Connection;

/**
 * {@code connections connect NAME}: signs a connection in to its accounting package through the system browser,
 * for a workstation run from the command line or a server without the workbench. Secrets come from the
 * environment or a prompt, never from the command line.
 */
final class ConnectCommand implements Command {

    /** How long a sign-in in the browser may take before the command gives up. */
    private static final long PATIENCE_MINUTES = 10;
    static final String SECRET_VARIABLE_PREFIX = "LEDGERPORT_SECRET_";

    private final Lookup lookup;
    private final BufferedReader input;

    ConnectCommand(Lookup lookup, BufferedReader input) {
        this.lookup = lookup;
        this.input = input;
    }

    @Override
    public String name() {
        return "connections connect";
    }

    @Override
    public String summary() {
        return "Signs a connection in to its accounting package";
    }

    @Override
    public String synopsis() {
        return "NAME";
    }

    @Override
    public String description() {
        return """
                Signs the connection named NAME in to its accounting package: prints the address of the package's
                sign-in page to open in a browser and waits until the sign-in ends (or until the address the
                browser ended on is pasted). Secret settings are read from environment variables named
                LEDGERPORT_SECRET_ and the setting's key in capitals (LEDGERPORT_SECRET_CLIENTSECRET), or asked
                for; they are kept encrypted on this computer. Connecting again replaces an expired sign-in.
                Needs the owner role.
                """;
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public List<String> positionals() {
        return List.of("NAME");
    }

    @Override
    public List<String> examples() {
        return List.of("LEDGERPORT_SECRET_CLIENTSECRET=... ledgerport-cli connections connect \"QuickBooks US\"");
    }

    @Override
    public Task prepare(Arguments arguments) {
        String name = arguments.positional(0);
        return (services, output) -> {
            Connection connection = lookup.connection(services, name);
            Connector connector = lookup.connectorOf(services, connection);
            // Refused before the sign-in, not after the user went through the browser for nothing.
            services.access().check(services.user(), Permission.MANAGE_CONNECTIONS);
            Credentials credentials = services.credentials().forConnection(connection.uid());
            for (Setting setting : connector.descriptor().settings()) {
                if (setting.secret() && credentials.read(setting.key()).isEmpty()) {
                    credentials.write(setting.key(), secret(setting, output));
                }
            }
            AccountInfo account;
            try {
                account = connector.connect(new ConnectionContext(connection, credentials), signIn(output,
                        connector.descriptor().displayName()));
            } catch (ConnectorException e) {
                throw new CannotRunException("Not connected: " + e.problem().message());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CannotRunException("Not connected: " + e.getMessage());
            }
            Map<String, String> settings = new TreeMap<>(connection.settings());
            settings.putAll(account.settings());
            Connection connected = services.connections().updateConnection(services.user(),
                    new Connection(connection.id(), connection.uid(), connection.connectorId(), connection.name(),
                            settings, connection.mappings(), connection.numbering(), connection.version()));
            if (output.json()) {
                output.document(Json.object().put("accountId", account.accountId()).put("account", account.name())
                        .set("connection", Json.connection(connected, connector)));
            } else {
                output.out().printf("Connected '%s' to %s: %s (%s).%n", connected.name(),
                        connector.descriptor().displayName(), account.name(), account.accountId());
            }
            return ExitCode.SUCCESS;
        };
    }

    private String secret(Setting setting, Output output) {
        String variable = SECRET_VARIABLE_PREFIX + setting.key().toUpperCase(Locale.ROOT);
        String fromEnvironment = System.getenv(variable);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        Console console = System.console();
        char[] typed = console == null ? null : console.readPassword("%s: ", setting.label());
        String secret = typed != null ? new String(typed) : readLine(setting.label() + ": ", output);
        if (secret == null || secret.isBlank()) {
            throw new CannotRunException(("%s is needed to connect. Set the environment variable %s or type it when "
                    + "asked.").formatted(setting.label(), variable));
        }
        return secret.strip();
    }

    private String readLine(String prompt, Output output) {
        output.err().print(prompt);
        output.err().flush();
        try {
            return input.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints the sign-in page and waits for the browser's redirect, or for its address pasted on the input. */
    private SignIn signIn(Output output, String packageName) {
        return (URI page, URI redirectTo, CompletionStage<URI> received) -> {
            output.err().printf("Open this address in a browser and sign in to %s:%n  %s%n", packageName, page);
            output.err().printf("Waiting for the browser. If it does not come back by itself, paste the address "
                    + "of the page it ended on and press Enter.%n");
            output.err().flush();
            CompletableFuture<URI> answer = new CompletableFuture<>();
            received.whenComplete((uri, failure) -> {
                if (uri != null) {
                    answer.complete(uri);
                }
            });
            Thread paste = Thread.ofVirtual().start(() -> {
                try {
                    String line = input.readLine();
                    if (line != null && !line.isBlank()) {
                        answer.complete(URI.create(line.strip()));
                    }
                } catch (IOException | IllegalArgumentException e) {
                    answer.completeExceptionally(e);
                }
            });
            try {
                return answer.get(PATIENCE_MINUTES, TimeUnit.MINUTES);
            } catch (TimeoutException e) {
                throw new InterruptedException("the browser did not come back within " + PATIENCE_MINUTES
                        + " minutes.");
            } catch (ExecutionException e) {
                throw new InterruptedException("the pasted address could not be read: " + e.getCause().getMessage());
            } finally {
                paste.interrupt();
            }
        };
    }
}
