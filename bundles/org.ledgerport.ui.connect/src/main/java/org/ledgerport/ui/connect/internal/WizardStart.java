package org.ledgerport.ui.connect.internal;

import java.util.Map;

import org.ledgerport.core.model.Connection;

/**
 * What the account-connection wizard is opened for.
 *
 * @param connection the existing connection, or null for a new one
 * @param secrets    the existing connection's secrets, by setting key
 */
record WizardStart(Mode mode, Connection connection, Map<String, String> secrets) {

    enum Mode {
        /** A new connection: every page. */
        NEW,
        /** An existing connection, opened on its defaults; its settings can be changed. */
        EDIT,
        /** Signing an existing connection in again: only the sign-in and the test. */
        RECONNECT
    }

    WizardStart {
        secrets = Map.copyOf(secrets);
        if ((mode == Mode.NEW) != (connection == null)) {
            throw new IllegalArgumentException(mode + " needs " + (connection == null ? "a" : "no") + " connection");
        }
    }

    static WizardStart newConnection() {
        return new WizardStart(Mode.NEW, null, Map.of());
    }
}
