package org.ledgerport.connector.http;

import java.net.URI;

import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.Setting;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Problem;

/** Reads the settings every online connector has, with a refusal that names the setting and what to enter. */
public final class ConnectionSettings {

    private ConnectionSettings() {
    }

    public static ConnectorException invalid(Setting setting, String message) {
        return new ConnectorException(Problem.error("connection.setting-invalid", setting.key(), message));
    }

    /** A setting that must not be empty; {@code whatToEnter} tells the user where to find the value. */
    public static String required(Connection connection, Setting setting, String whatToEnter)
            throws ConnectorException {
        String value = connection.setting(setting.key(), setting.defaultValue()).strip();
        if (value.isEmpty()) {
            throw invalid(setting, whatToEnter);
        }
        return value;
    }

    /** The address of a service that stands in for the vendor, without a trailing slash. */
    public static String serviceAddress(Connection connection, Setting setting) throws ConnectorException {
        String address = connection.setting(setting.key(), "").strip().replaceAll("/+$", "");
        if (!address.matches("https?://[^\\s]+")) {
            throw invalid(setting, "The environment 'other' needs the service's address (http:// or https://...) in "
                    + "the setting '" + setting.label() + "'.");
        }
        return address;
    }

    /** The redirect address registered with the vendor's app, as a full address. */
    public static URI redirect(Connection connection, Setting setting) throws ConnectorException {
        URI redirect;
        try {
            redirect = URI.create(connection.setting(setting.key(), setting.defaultValue()).strip());
        } catch (IllegalArgumentException e) {
            throw invalid(setting, "The redirect URI is not a web address: " + e.getMessage());
        }
        if (redirect.getScheme() == null || redirect.getHost() == null) {
            throw invalid(setting, "The redirect URI must be a full address, such as " + setting.defaultValue() + ".");
        }
        return redirect;
    }
}
