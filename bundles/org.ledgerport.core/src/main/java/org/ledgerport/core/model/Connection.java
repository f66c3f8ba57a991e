package org.ledgerport.core.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One accounting company (a QuickBooks realm, a Xero organisation, an export folder) that invoices are
 * exported to, through one connector. Settings never hold secrets: those live in the credential store.
 *
 * @param uid       a random id that never changes, part of every idempotency key sent for this connection
 * @param settings  the connector's settings by key
 * @param mappings  the firm's codes to the package's, per kind
 * @param version   counts saved changes, for optimistic locking
 */
public record Connection(long id, String uid, String connectorId, String name, Map<String, String> settings,
        Map<MappingKind, Map<String, String>> mappings, NumberingPolicy numbering, int version) {

    /** Setting ({@code true}/{@code false}): export each invoice as soon as it is finalized. */
    public static final String EXPORT_ON_FINALIZE = "ledgerport.exportOnFinalize";
    /** Setting: refresh the status from the package every so many minutes while the workstation runs; 0 never. */
    public static final String REFRESH_MINUTES = "ledgerport.refreshMinutes";

    public Connection {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(connectorId, "connectorId");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A connection needs a name");
        }
        name = name.strip();
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        EnumMap<MappingKind, Map<String, String>> copy = new EnumMap<>(MappingKind.class);
        for (MappingKind kind : MappingKind.values()) {
            copy.put(kind, Collections.unmodifiableMap(new LinkedHashMap<>(mappings.getOrDefault(kind, Map.of()))));
        }
        mappings = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(numbering, "numbering");
    }

    public String setting(String key, String fallback) {
        return settings.getOrDefault(key, fallback);
    }

    public boolean exportsOnFinalize() {
        return Boolean.parseBoolean(setting(EXPORT_ON_FINALIZE, "false"));
    }

    /** How often the status is refreshed by itself, in minutes; 0 when only on request. */
    public int refreshMinutes() {
        try {
            return Math.max(0, Integer.parseInt(setting(REFRESH_MINUTES, "0").strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The package's code for one of the firm's codes, or empty when it is not mapped. */
    public String mapped(MappingKind kind, String ours) {
        return mappings.get(kind).getOrDefault(ours, "");
    }
}
