package org.ledgerport.ui.connect.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ledgerport.core.connector.ConnectorDescriptor;
import org.ledgerport.core.connector.Setting;
import org.ledgerport.core.model.Connection;

/**
 * The connector settings that say what exported invoices get (the account sales are booked to, the status they
 * arrive in) rather than how to reach the account. The wizard asks for them on its defaults page, next to the
 * package's own lists, instead of on the settings page. The connector SPI does not mark them, so they are known by
 * the keys the installed connectors use; any other setting stays on the settings page.
 */
final class DefaultSettings {

    /** What a default is chosen from. */
    enum Pick {
        ACCOUNT, TAX_CODE, ITEM, CHOICES
    }

    private static final Map<String, Pick> KNOWN = Map.of("incomeAccount", Pick.ACCOUNT, "salesAccount", Pick.ACCOUNT,
            "chargeAccount", Pick.ACCOUNT, "untaxedRate", Pick.TAX_CODE, "xeroUntaxedRate", Pick.TAX_CODE, "lineItem",
            Pick.ITEM, "statusOnExport", Pick.CHOICES);

    /** Ledgerport's own settings of a connection, asked for on the defaults page too. */
    private static final Set<String> LEDGERPORT = Set.of(Connection.EXPORT_ON_FINALIZE, Connection.REFRESH_MINUTES);

    private DefaultSettings() {
    }

    static Optional<Pick> pick(Setting setting) {
        return Optional.ofNullable(KNOWN.get(setting.key()));
    }

    /** Whether the setting says what happens to exported invoices, Ledgerport's own settings included. */
    static boolean isDefault(String key) {
        return KNOWN.containsKey(key) || LEDGERPORT.contains(key);
    }

    /** The account lines are booked to unless mapped otherwise: the connector's first account setting. */
    static Optional<Setting> incomeAccount(ConnectorDescriptor descriptor) {
        return descriptor.settings().stream().filter(s -> KNOWN.get(s.key()) == Pick.ACCOUNT).findFirst();
    }
}
