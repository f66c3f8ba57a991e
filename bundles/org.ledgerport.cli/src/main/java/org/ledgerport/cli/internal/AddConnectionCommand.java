package org.ledgerport.cli.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ledgerport.core.connector.AuthKind;
import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorDescriptor;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.Setting;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.NumberingPolicy;

/**
 * {@code connections add}: saves a connection to an accounting company through an installed connector. Secrets
 * are never taken on a command line, where shells and process lists keep them; connectors that sign in are
 * connected afterwards ({@code connections connect}, or the workstation's wizard).
 */
final class AddConnectionCommand implements Command {

    private static final Option CONNECTOR = Option.value("--connector", "ID",
            "the connector's id, as 'ledgerport-cli connections' lists them");
    private static final Option NAME = Option.value("--name", "NAME", "the connection's name; names are unique");
    private static final Option SETTING = Option.repeatable("--setting", "KEY=VALUE",
            "a setting the connector asks for; one or more");
    private static final Option MAP = Option.repeatable("--map", "KIND:OURS=THEIRS",
            "maps one of the firm's codes to the package's; KIND is tax-code, income-account or item");
    private static final Option NUMBERING = Option.value("--numbering", "ours|vendor",
            "who numbers exported invoices: ours (the default) sends Ledgerport's numbers, vendor lets the package "
                    + "number them");

    private final Lookup lookup;

    AddConnectionCommand(Lookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public String name() {
        return "connections add";
    }

    @Override
    public String summary() {
        return "Adds a connection to an accounting company";
    }

    @Override
    public String synopsis() {
        return "--connector ID --name NAME [--setting KEY=VALUE]... [--map KIND:OURS=THEIRS]... [--numbering ours|vendor]";
    }

    @Override
    public String description() {
        return """
                Saves a connection through an installed connector, with the settings it asks for (settings with a
                default may be left out) and the mappings of the firm's tax codes, income accounts and items to
                the accounting package's. Secrets such as keys and passwords are not taken here: a connector
                that signs in is connected afterwards with 'connections connect' or in the workstation's
                account-connection wizard. Needs the owner role.
                """;
    }

    @Override
    public List<Option> options() {
        return List.of(CONNECTOR, NAME, SETTING, MAP, NUMBERING);
    }

    @Override
    public List<String> examples() {
        return List.of("ledgerport-cli connections add --connector xero --name \"Xero UK\" "
                + "--map tax-code:VAT20=OUTPUT2 --map income-account:4000=200 --numbering vendor");
    }

    @Override
    public Task prepare(Arguments arguments) {
        String connectorId = arguments.value(CONNECTOR).orElseThrow(
                () -> new UsageException("Say which connector the connection uses: --connector ID."));
        String name = arguments.value(NAME).map(String::strip).filter(n -> !n.isEmpty())
                .orElseThrow(() -> new UsageException("Give the connection a name: --name NAME."));
        Map<String, String> settings = settings(arguments.values(SETTING));
        Map<MappingKind, Map<String, String>> mappings = mappings(arguments.values(MAP));
        NumberingPolicy numbering = arguments.value(NUMBERING).map(word -> Words.numbering(word).orElseThrow(
                () -> new UsageException("--numbering is ours or vendor, not '" + word + "'.")))
                .orElse(NumberingPolicy.OURS);
        return (services, output) -> {
            Connector connector = lookup.connector(services, connectorId);
            ConnectorDescriptor descriptor = connector.descriptor();
            Map<String, String> complete = complete(descriptor, settings);
            if (numbering == NumberingPolicy.VENDOR_ASSIGNS && !descriptor.capabilities().assignsNumbers()) {
                throw new UsageException(descriptor.displayName() + " cannot number invoices itself; use --numbering ours.");
            }
            Connection connection = services.connections().createConnection(services.user(), connectorId, name,
                    complete, mappings, numbering);
            boolean signInNeeded = descriptor.authKind() != AuthKind.NONE
                    || descriptor.settings().stream().anyMatch(s -> s.secret() && s.required());
            if (!signInNeeded) {
                connectWithoutSignIn(services, connector, connection);
            }
            if (output.json()) {
                var document = Json.object().put("signInNeeded", signInNeeded);
                document.set("connection", Json.connection(connection, connector));
                output.document(document);
            } else {
                output.out().printf("Added connection '%s' to %s (%s). Numbering: %s.%n", connection.name(),
                        descriptor.displayName(), descriptor.id(), connection.numbering().label());
                if (signInNeeded) {
                    output.out().printf("Before exporting, sign it in to %s: ledgerport-cli connections connect "
                            + "\"%s\" (or the workstation's account-connection wizard).%n", descriptor.displayName(),
                            connection.name());
                }
            }
            return ExitCode.SUCCESS;
        };
    }

    /** Connects a connector that needs no sign-in at once (a file connector makes its folder), or takes it back. */
    private static void connectWithoutSignIn(Services services, Connector connector, Connection connection) {
        ConnectionContext context = new ConnectionContext(connection,
                services.credentials().forConnection(connection.uid()));
        try {
            connector.connect(context, (page, redirect, received) -> {
                throw new InterruptedException("the command line does not sign in");
            });
        } catch (ConnectorException e) {
            services.connections().deleteConnection(services.user(), connection.id());
            throw new CannotRunException("The connection was not added: " + e.problem().message());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            services.connections().deleteConnection(services.user(), connection.id());
            throw new CannotRunException("The connection was not added: " + connector.descriptor().displayName()
                    + " asked to sign in; connect it in the workstation's account-connection wizard.");
        }
    }

    private static Map<String, String> settings(List<String> words) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("--setting takes KEY=VALUE, not '" + word + "'.");
            }
            String key = word.substring(0, equals).strip();
            if (settings.put(key, word.substring(equals + 1)) != null) {
                throw new UsageException("Setting " + key + " is given twice; give it once.");
            }
        }
        return settings;
    }

    private static Map<MappingKind, Map<String, String>> mappings(List<String> words) {
        Map<MappingKind, Map<String, String>> mappings = new EnumMap<>(MappingKind.class);
        for (String word : words) {
            int colon = word.indexOf(':');
            int equals = word.indexOf('=', colon + 1);
            if (colon <= 0 || equals <= colon + 1 || equals == word.length() - 1) {
                throw new UsageException("--map takes KIND:OURS=THEIRS, like --map tax-code:VAT20=OUTPUT2, not '"
                        + word + "'.");
            }
            String kindWord = word.substring(0, colon);
            MappingKind kind = Words.mappingKind(kindWord).orElseThrow(() -> new UsageException(
                    "--map: the kind is tax-code, income-account or item, not '" + kindWord + "'."));
            String ours = word.substring(colon + 1, equals);
            Map<String, String> codes = mappings.computeIfAbsent(kind, k -> new LinkedHashMap<>());
            if (codes.put(ours, word.substring(equals + 1)) != null) {
                throw new UsageException("%s %s is mapped twice; map it once.".formatted(Words.mappingKindLabel(kind), ours));
            }
        }
        return mappings;
    }

    /** The settings checked against what the connector asks for, with the defaults of those left out. */
    private static Map<String, String> complete(ConnectorDescriptor descriptor, Map<String, String> given) {
        Map<String, String> complete = new TreeMap<>();
        given.forEach((key, value) -> {
            Setting setting = descriptor.setting(key).orElseThrow(() -> new UsageException(
                    "%s has no setting '%s'. %s".formatted(descriptor.displayName(), key, settingsOf(descriptor))));
            if (setting.secret()) {
                throw new UsageException(("%s is a secret, and Ledgerport takes secrets only in the workstation's "
                        + "account-connection wizard, never on a command line.").formatted(setting.label()));
            }
            if (!setting.choices().isEmpty() && !setting.choices().contains(value)) {
                throw new UsageException("Setting %s is one of %s, not '%s'.".formatted(key,
                        String.join(", ", setting.choices()), value));
            }
            complete.put(key, value);
        });
        List<String> missing = new ArrayList<>();
        for (Setting setting : descriptor.settings()) {
            if (setting.secret() || complete.containsKey(setting.key())) {
                continue;
            }
            if (!setting.defaultValue().isEmpty()) {
                complete.put(setting.key(), setting.defaultValue());
            } else if (setting.required()) {
                missing.add("--setting %s=VALUE (%s)".formatted(setting.key(), setting.label()));
            }
        }
        if (!missing.isEmpty()) {
            throw new UsageException(descriptor.displayName() + " needs " + Text.list(missing) + ".");
        }
        return complete;
    }

    private static String settingsOf(ConnectorDescriptor descriptor) {
        List<String> settings = descriptor.settings().stream().filter(s -> !s.secret())
                .map(s -> s.key() + " (" + s.label() + (s.required() ? ", required" : "") + ")").toList();
        return settings.isEmpty() ? "It takes no settings here." : "Its settings: " + String.join(", ", settings) + ".";
    }
}
