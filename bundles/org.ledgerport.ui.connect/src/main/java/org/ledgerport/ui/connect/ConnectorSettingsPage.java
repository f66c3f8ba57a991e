package org.ledgerport.ui.connect;

import java.util.Set;

import org.eclipse.jface.wizard.IWizardPage;

/**
 * A connector's own page in the account-connection wizard, for settings a generic form cannot ask for well (a file
 * to choose, a list to pick from). A bundle that ships a connector registers one as an OSGi service; the wizard
 * shows it right after its generic settings page whenever the user chooses that connector, and leaves the keys in
 * {@link #ownSettings()} out of the generic page. When the page asks for every setting, the generic page is skipped.
 */
public interface ConnectorSettingsPage {

    /** The id of the connector whose settings the page asks for. */
    String connectorId();

    /**
     * Creates the page for one run of the wizard. The page reads and writes {@code settings} (on the UI thread) and
     * says through {@link IWizardPage#isPageComplete()} whether the user may go on. The wizard disposes it.
     */
    IWizardPage createPage(ConnectionSettings settings);

    /** The keys of the connector's settings this page asks for, which the generic page then leaves out. */
    default Set<String> ownSettings() {
        return Set.of();
    }
}
