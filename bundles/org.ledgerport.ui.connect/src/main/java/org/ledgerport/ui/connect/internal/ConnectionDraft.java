package org.ledgerport.ui.connect.internal;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorDescriptor;
import org.ledgerport.core.connector.Setting;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.credentials.Credentials;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.store.ConnectionStore;

/**
 * The connection the wizard is making or changing, as it stands: chosen connector, name, settings, mappings,
 * numbering, and how far it got (saved, signed in, tested). Confined to the UI thread; jobs work on a
 * {@link Snapshot}.
 */
final class ConnectionDraft {

    /** Saved with a connection by the wizard: the account reached, as the Connections view shows it. */
    static final String ACCOUNT_NAME = "accountName";
    static final String ACCOUNT_ID = "accountId";

    private Connector connector;
    private String name;
    private LiveSettings settings;
    private final Map<MappingKind, Map<String, String>> mappings = new EnumMap<>(MappingKind.class);
    private NumberingPolicy numbering;
    private Connection saved;
    private boolean signedIn;
    private boolean tested;
    /** Counts the changes after which the package's lists are to be read again. */
    private int generation;

    /** A new connection: nothing chosen yet. */
    ConnectionDraft() {
        this.name = "";
        this.numbering = NumberingPolicy.OURS;
    }

    /** An existing connection, signed in as far as anyone knows unless it is to be signed in again. */
    ConnectionDraft(Connection connection, Connector connector, Map<String, String> secrets, boolean signedIn) {
        this.connector = connector;
        this.name = connection.name();
        Map<String, String> initial = new LinkedHashMap<>(connection.settings());
        // Only the secrets the form asks for: the connector's own (its tokens) never leave the credential store.
        connector.descriptor().settings().stream().filter(Setting::secret)
                .forEach(s -> initial.put(s.key(), secrets.getOrDefault(s.key(), "")));
        this.settings = watched(new LiveSettings(connection.connectorId(), initial));
        connection.mappings().forEach((kind, codes) -> mappings.put(kind, new LinkedHashMap<>(codes)));
        this.numbering = connection.numbering();
        this.saved = connection;
        this.signedIn = signedIn;
    }

    /**
     * Chooses the connector; another one than before starts its settings afresh from its defaults.
     *
     * @return the connection saved for the connector chosen before, which no longer fits, or null
     */
    Connection choose(Connector chosen) {
        boolean same = connector != null && connector.descriptor().id().equals(chosen.descriptor().id());
        connector = chosen;
        if (same) {
            return null;
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        chosen.descriptor().settings().forEach(s -> defaults.put(s.key(), s.defaultValue()));
        settings = watched(new LiveSettings(chosen.descriptor().id(), defaults));
        mappings.clear();
        numbering = NumberingPolicy.OURS;
        signedIn = false;
        tested = false;
        generation++;
        Connection abandoned = saved;
        saved = null;
        return abandoned;
    }

    private LiveSettings watched(LiveSettings live) {
        live.onChange(key -> {
            tested = tested && DefaultSettings.isDefault(key);
            if (!DefaultSettings.isDefault(key)) {
                signedIn = false;
                generation++;
            }
        });
        return live;
    }

    Connector connector() {
        return connector;
    }

    ConnectorDescriptor descriptor() {
        return connector.descriptor();
    }

    /** The package's name as a bookkeeper knows it. */
    String packageName() {
        return connector == null ? "the accounting package" : connector.descriptor().displayName();
    }

    String name() {
        return name;
    }

    void name(String newName) {
        name = newName.strip();
    }

    LiveSettings settings() {
        return settings;
    }

    /** The package's code the firm's code is mapped to, or an empty string. */
    String mapped(MappingKind kind, String ours) {
        return mappings.getOrDefault(kind, Map.of()).getOrDefault(ours, "");
    }

    void map(MappingKind kind, String ours, String theirs) {
        Map<String, String> codes = mappings.computeIfAbsent(kind, k -> new LinkedHashMap<>());
        if (theirs == null || theirs.isBlank()) {
            codes.remove(ours);
        } else {
            codes.put(ours, theirs);
        }
    }

    NumberingPolicy numbering() {
        return numbering;
    }

    void numbering(NumberingPolicy policy) {
        numbering = Objects.requireNonNull(policy);
    }

    /** The connection as last saved, or null before the first save. */
    Connection saved() {
        return saved;
    }

    void saved(Connection connection) {
        saved = connection;
    }

    boolean signedIn() {
        return signedIn;
    }

    boolean tested() {
        return tested;
    }

    int generation() {
        return generation;
    }

    /** The connector reached the account: the connection as saved then, and what was learnt about the account. */
    void connected(Connection connection, AccountInfo account) {
        saved = connection;
        settings.learn(learnt(account));
        signedIn = true;
        generation++;
    }

    /** A connection test passed. */
    void passed(AccountInfo account) {
        settings.learn(learnt(account));
        signedIn = true;
        tested = true;
    }

    /** The account's name as the Connections view shows it, or an empty string before it was reached. */
    String accountName() {
        return settings == null ? "" : settings.get(ACCOUNT_NAME);
    }

    Snapshot snapshot() {
        Map<String, String> plain = new TreeMap<>();
        Map<String, String> secrets = new TreeMap<>();
        settings.values().forEach((key, value) -> {
            boolean secret = connector.descriptor().setting(key).map(Setting::secret).orElse(false);
            (secret ? secrets : plain).put(key, value);
        });
        connector.descriptor().settings().stream().filter(Setting::secret)
                .forEach(s -> secrets.putIfAbsent(s.key(), ""));
        Map<MappingKind, Map<String, String>> copy = new EnumMap<>(MappingKind.class);
        mappings.forEach((kind, codes) -> copy.put(kind, Map.copyOf(codes)));
        return new Snapshot(saved, connector, name, plain, secrets, copy, numbering);
    }

    /** The settings an account's details add to a connection's. */
    static Map<String, String> learnt(AccountInfo account) {
        Map<String, String> learnt = new LinkedHashMap<>(account.settings());
        learnt.put(ACCOUNT_NAME, account.name());
        learnt.put(ACCOUNT_ID, account.accountId());
        return learnt;
    }

    /**
     * The draft at one moment, for a job to save or use off the UI thread.
     *
     * @param saved   the connection as last saved, or null
     * @param secrets the secret settings by key; an empty value is one to forget
     */
    record Snapshot(Connection saved, Connector connector, String name, Map<String, String> settings,
            Map<String, String> secrets, Map<MappingKind, Map<String, String>> mappings, NumberingPolicy numbering) {

        /**
         * Saves the connection (new or changed) and its secrets as the user's change, and returns it as saved.
         *
         * @throws org.ledgerport.core.access.AccessDeniedException when the user may not manage connections
         */
        Connection save(String user, ConnectionStore connections, CredentialStore credentials) {
            String connectorId = connector.descriptor().id();
            Connection written = saved == null
                    ? connections.createConnection(user, connectorId, name, settings, mappings, numbering)
                    : connections.updateConnection(user, unsaved());
            Credentials secretStore = credentials.forConnection(written.uid());
            secrets.forEach((key, value) -> {
                if (value.isEmpty()) {
                    secretStore.remove(key);
                } else {
                    secretStore.write(key, value);
                }
            });
            return written;
        }

        /** The connection as it would be saved now, to read and test without saving; it must have been saved. */
        Connection unsaved() {
            return new Connection(saved.id(), saved.uid(), connector.descriptor().id(), name, settings, mappings,
                    numbering, saved.version());
        }

        /** The same connection, saved again (as the user's change) with what connecting to the account learnt. */
        static Connection withAccount(ConnectionStore connections, String user, Connection connection,
                AccountInfo account) {
            Map<String, String> settings = new TreeMap<>(connection.settings());
            settings.putAll(learnt(account));
            return connections.updateConnection(user, new Connection(connection.id(), connection.uid(),
                    connection.connectorId(), connection.name(), settings, connection.mappings(),
                    connection.numbering(), connection.version()));
        }
    }
}
