package org.ledgerport.testing.dropin;

import java.util.List;
import java.util.Map;

import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.connector.AuthKind;
import org.ledgerport.core.connector.Capabilities;
import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorDescriptor;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.SignIn;
import org.ledgerport.core.connector.Setting;
import org.ledgerport.core.model.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * A package that exists only for the tests: it reaches a fixed account with no network once it is told its ledger
 * file, lists a few tax codes and accounts, and takes no invoice. Dropped into a running workstation, it must
 * appear in the connection wizard, with its own settings page.
 */
@Component(service = Connector.class)
public final class LedgerLiteConnector implements Connector {

    static final String ID = "ledger-lite";
    static final Setting LEDGER_FILE = new Setting("ledgerFile", "Ledger file",
            "The file Ledger Lite keeps its books in.", true, false, "", List.of());

    private final ConnectorDescriptor descriptor = new ConnectorDescriptor(ID, "Ledger Lite (dropped in)",
            "A test package that needs no network and takes no invoices.", null, AuthKind.NONE,
            new Capabilities(false, 10, false, false, false, 0, 0), List.of(LEDGER_FILE));

    @Override
    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public AccountInfo connect(ConnectionContext context, SignIn signIn) throws ConnectorException {
        return test(context);
    }

    @Override
    public AccountInfo test(ConnectionContext context) throws ConnectorException {
        String file = context.connection().setting(LEDGER_FILE.key(), "").strip();
        if (file.isEmpty()) {
            throw new ConnectorException(Problem.error("connection.setting-invalid", LEDGER_FILE.key(),
                    "Choose the Ledger Lite ledger file in the connection's settings."));
        }
        return new AccountInfo("lite-1", "Ledger Lite Books", Map.of("ledgerName", "Ledger Lite Books"));
    }

    /** Nothing to sign out of. */
    @Override
    public void disconnect(ConnectionContext context) {
        // Deliberately empty: see above.
    }

    @Override
    public ConnectorSession openSession(ConnectionContext context) throws ConnectorException {
        test(context);
        return new LedgerLiteSession();
    }
}
