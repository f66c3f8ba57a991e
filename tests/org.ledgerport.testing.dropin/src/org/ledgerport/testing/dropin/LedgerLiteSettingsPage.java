package org.ledgerport.testing.dropin;

import java.util.Set;

import org.eclipse.jface.wizard.IWizardPage;
import org.ledgerport.ui.connect.ConnectionSettings;
import org.ledgerport.ui.connect.ConnectorSettingsPage;
import org.osgi.service.component.annotations.Component;

/** Ledger Lite's own page in the connection wizard, registered by the same bundle as its connector. */
@Component(service = ConnectorSettingsPage.class)
public final class LedgerLiteSettingsPage implements ConnectorSettingsPage {

    @Override
    public String connectorId() {
        return LedgerLiteConnector.ID;
    }

    @Override
    public IWizardPage createPage(ConnectionSettings settings) {
        return new LedgerFilePage(settings);
    }

    @Override
    public Set<String> ownSettings() {
        return Set.of(LedgerLiteConnector.LEDGER_FILE.key());
    }
}
