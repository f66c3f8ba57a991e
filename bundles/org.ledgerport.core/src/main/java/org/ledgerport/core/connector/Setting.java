package org.ledgerport.core.connector;

import java.util.List;
import java.util.Objects;

/**
 * A setting a connection to a connector needs, described so that a generic form can ask for it.
 *
 * @param secret  kept in the credential store, never in the database, never logged, masked in forms
 * @param choices the values allowed, or empty for free text
 */
public record Setting(String key, String label, String help, boolean required, boolean secret, String defaultValue,
        List<String> choices) {

    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        help = help == null ? "" : help;
        defaultValue = defaultValue == null ? "" : defaultValue;
        choices = List.copyOf(choices);
    }
}
