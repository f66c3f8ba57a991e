package org.ledgerport.ui.connect.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.ledgerport.ui.connect.ConnectionSettings;

/**
 * The wizard's settings while the user works through it, secret ones included until they are saved to the
 * credential store. Confined to the UI thread.
 */
final class LiveSettings implements ConnectionSettings {

    private final String connectorId;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<Consumer<String>> listeners = new ArrayList<>();

    LiveSettings(String connectorId, Map<String, String> initial) {
        this.connectorId = connectorId;
        initial.forEach(this::put);
    }

    @Override
    public String connectorId() {
        return connectorId;
    }

    @Override
    public String get(String key) {
        return values.getOrDefault(key, "");
    }

    @Override
    public void set(String key, String value) {
        if (!put(key, value)) {
            return;
        }
        for (Consumer<String> listener : List.copyOf(listeners)) {
            listener.accept(key);
        }
    }

    /** Takes in what connecting learnt about the account; that is no change the user made. */
    void learn(Map<String, String> learnt) {
        learnt.forEach(this::put);
    }

    /** Calls the listener with the key of every setting the user changes. */
    void onChange(Consumer<String> listener) {
        listeners.add(listener);
    }

    Map<String, String> values() {
        return Map.copyOf(values);
    }

    private boolean put(String key, String value) {
        String stripped = value == null ? "" : value.strip();
        String previous = stripped.isEmpty() ? values.remove(key) : values.put(key, stripped);
        return !stripped.equals(previous == null ? "" : previous);
    }
}
