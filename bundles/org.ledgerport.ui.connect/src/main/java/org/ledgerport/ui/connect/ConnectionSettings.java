package org.ledgerport.ui.connect;

/**
 * The settings of the connection the account-connection wizard is making or editing, as they stand while the user
 * works through it. A connector's own settings page reads and writes them here; the wizard saves them with the
 * connection, the connector's secret ones in the credential store.
 */
public interface ConnectionSettings {

    /** The id of the connector the connection uses. */
    String connectorId();

    /** The setting's value, or an empty string when it has none. */
    String get(String key);

    /** Changes a setting; an empty value removes it. Called on the UI thread. */
    void set(String key, String value);
}
