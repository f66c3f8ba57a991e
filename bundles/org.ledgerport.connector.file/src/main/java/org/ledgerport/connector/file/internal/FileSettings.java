package org.ledgerport.connector.file.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.Setting;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Problem;

/**
 * The settings of one file-export connection, read from the connection and checked as a whole, so that a wrong
 * setting stops a connection test or an export before anything is written.
 *
 * @param folder                where the import files go; absolute
 * @param layout                the id of the file layout
 * @param numberPrefix          put before the sequence number when this connector numbers invoices
 * @param firstNumber           the lowest sequence number it hands out
 * @param currency              the accounting company's currency code, or empty when not given
 * @param incomeAccount         the package's account for lines whose item's account is not mapped, or empty
 * @param chargeAccount         the package's account for header charges, or empty for the income account
 * @param xeroUntaxedRate       the Xero tax rate for lines that carry no tax, or empty
 * @param iifReceivablesAccount the QuickBooks Desktop accounts receivable account
 * @param iifSalesTaxAccount    the QuickBooks Desktop sales tax liability account
 */
record FileSettings(Path folder, String layout, String numberPrefix, long firstNumber, String currency,
        String incomeAccount, String chargeAccount, String xeroUntaxedRate, String iifReceivablesAccount,
        String iifSalesTaxAccount) {

    static final Setting FOLDER = new Setting("folder", "Export folder",
            "The folder the import files are written to, as a full path. Ledgerport creates it when you connect.",
            true, false, "", List.of());
    static final Setting LAYOUT = new Setting("layout", "File layout",
            "xero-csv writes Xero sales invoice import files (CSV); qbd-iif writes QuickBooks Desktop import "
                    + "files (IIF).",
            true, false, XeroCsvLayout.ID, List.of(XeroCsvLayout.ID, IifLayout.ID));
    static final Setting NUMBER_PREFIX = new Setting("numberPrefix", "Invoice number prefix",
            "When the connection lets the accounting package number invoices, Ledgerport numbers them in the "
                    + "export folder instead: this prefix and four digits, such as INV-0001.",
            false, false, "INV-", List.of());
    static final Setting FIRST_NUMBER = new Setting("firstNumber", "First invoice number",
            "The lowest number the sequence hands out. Raise it to carry on after numbers already used in the "
                    + "accounting package; the sequence never goes back.",
            false, false, "1", List.of());
    static final Setting CURRENCY = new Setting("currency", "Company currency",
            "The accounting company's currency, such as USD. QuickBooks Desktop import files carry no currency, "
                    + "so with the IIF layout every invoice must be in this one. Xero files name each invoice's "
                    + "currency.",
            false, false, "", List.of());
    static final Setting INCOME_ACCOUNT = new Setting("incomeAccount", "Default income account",
            "For lines whose item's income account is not mapped: a Xero account code such as 200, or a "
                    + "QuickBooks Desktop account name such as Sales.",
            false, false, "", List.of());
    static final Setting CHARGE_ACCOUNT = new Setting("chargeAccount", "Account for freight, handling and discounts",
            "Where header charges are booked. Leave it empty to book them to the default income account.",
            false, false, "", List.of());
    static final Setting XERO_UNTAXED_RATE = new Setting("xeroUntaxedRate", "Xero tax rate for untaxed lines",
            "Xero wants a tax rate on every line. This one, written as Xero shows it (such as No VAT or Tax "
                    + "Exempt), goes on lines without a tax code and on every line of a tax-exempt customer.",
            false, false, "", List.of());
    static final Setting IIF_RECEIVABLES_ACCOUNT = new Setting("iifReceivablesAccount",
            "Accounts receivable account (QuickBooks Desktop)",
            "The QuickBooks Desktop account invoices are owed on.", false, false, "Accounts Receivable", List.of());
    static final Setting IIF_SALES_TAX_ACCOUNT = new Setting("iifSalesTaxAccount",
            "Sales tax payable account (QuickBooks Desktop)",
            "The QuickBooks Desktop account the sales tax on invoices is owed to.", false, false,
            "Sales Tax Payable", List.of());

    /** The settings in the order the connection form shows them. */
    static final List<Setting> ALL = List.of(FOLDER, LAYOUT, NUMBER_PREFIX, FIRST_NUMBER, CURRENCY, INCOME_ACCOUNT,
            CHARGE_ACCOUNT, XERO_UNTAXED_RATE, IIF_RECEIVABLES_ACCOUNT, IIF_SALES_TAX_ACCOUNT);

    /** Sequence numbers have at least this many digits, so that files sort and read well. */
    private static final int NUMBER_DIGITS = 4;

    static FileSettings read(Connection connection) throws ConnectorException {
        String folder = value(connection, FOLDER);
        if (folder.isEmpty()) {
            throw missing(connection, FOLDER);
        }
        Path path;
        try {
            path = Path.of(folder);
        } catch (InvalidPathException e) {
            throw invalid(connection, FOLDER, folder, "a folder path this computer understands");
        }
        if (!path.isAbsolute()) {
            throw invalid(connection, FOLDER, folder, "a full path (such as C:\\Exports or /home/me/Exports)");
        }
        String layout = value(connection, LAYOUT);
        if (!LAYOUT.choices().contains(layout)) {
            throw invalid(connection, LAYOUT, layout, "one of " + String.join(", ", LAYOUT.choices()));
        }
        String first = value(connection, FIRST_NUMBER);
        long firstNumber;
        try {
            firstNumber = Long.parseLong(first);
        } catch (NumberFormatException e) {
            firstNumber = 0;
        }
        if (firstNumber < 1) {
            throw invalid(connection, FIRST_NUMBER, first, "a whole number from 1 up");
        }
        String currency = value(connection, CURRENCY).toUpperCase(Locale.ROOT);
        if (!currency.isEmpty()) {
            try {
                Currency.getInstance(currency);
            } catch (IllegalArgumentException e) {
                throw invalid(connection, CURRENCY, currency, "a three-letter currency code such as USD");
            }
        }
        if (layout.equals(IifLayout.ID)) {
            // An IIF file names no currency, and every transaction books to these two accounts.
            for (Setting required : List.of(CURRENCY, IIF_RECEIVABLES_ACCOUNT, IIF_SALES_TAX_ACCOUNT)) {
                if (value(connection, required).isEmpty()) {
                    throw missing(connection, required);
                }
            }
        }
        return new FileSettings(path.normalize(), layout, value(connection, NUMBER_PREFIX), firstNumber, currency,
                value(connection, INCOME_ACCOUNT), value(connection, CHARGE_ACCOUNT),
                value(connection, XERO_UNTAXED_RATE), value(connection, IIF_RECEIVABLES_ACCOUNT),
                value(connection, IIF_SALES_TAX_ACCOUNT));
    }

    /** The invoice number for a sequence number: the prefix and at least four digits. */
    String number(long sequenceNumber) {
        return numberPrefix + String.format(Locale.ROOT, "%0" + NUMBER_DIGITS + "d", sequenceNumber);
    }

    /** The length of the shortest number the sequence can produce, to check the prefix against a layout. */
    int shortestNumberLength() {
        return numberPrefix.length() + NUMBER_DIGITS;
    }

    private static String value(Connection connection, Setting setting) {
        return connection.setting(setting.key(), setting.defaultValue()).strip();
    }

    private static ConnectorException missing(Connection connection, Setting setting) {
        return new ConnectorException(Problem.error("file.setting.missing", setting.key(),
                "Connection '%s' has no '%s'. Enter it in the connection's settings.".formatted(connection.name(),
                        setting.label())));
    }

    private static ConnectorException invalid(Connection connection, Setting setting, String value, String wanted) {
        return new ConnectorException(Problem.error("file.setting.invalid", setting.key(),
                "'%s' of connection '%s' is '%s', which is not %s. Correct it in the connection's settings."
                        .formatted(setting.label(), connection.name(), value, wanted)));
    }
}
