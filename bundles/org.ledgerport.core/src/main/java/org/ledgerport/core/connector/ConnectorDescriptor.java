package org.ledgerport.core.connector;

import java.net.URL;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the workstation knows of a connector before it is used: who it is, how it signs in, what it can do
 * and which settings a connection to it needs.
 *
 * @param id           stable identifier, stored with each connection (for example "xero")
 * @param displayName  the accounting package's name as a bookkeeper knows it
 * @param description  one sentence on what the connector does
 * @param icon         a 16x16 PNG (with a @2x sibling for HiDPI), or null for the default icon
 * @param settings     the settings a connection needs, in the order a form shows them
 */
public record ConnectorDescriptor(String id, String displayName, String description, URL icon, AuthKind authKind,
        Capabilities capabilities, List<Setting> settings) {

    public ConnectorDescriptor {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(authKind, "authKind");
        Objects.requireNonNull(capabilities, "capabilities");
        settings = List.copyOf(settings);
        if (id == null || !id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new IllegalArgumentException(
                    "A connector id is lower-case letters, digits, '.', '_' or '-', not '" + id + "'");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("Connector " + id + " needs a display name");
        }
    }

    public Optional<Setting> setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
