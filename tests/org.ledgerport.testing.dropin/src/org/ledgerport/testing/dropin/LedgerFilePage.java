package org.ledgerport.testing.dropin;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.ledgerport.ui.connect.ConnectionSettings;

/** Asks for the ledger file, the one setting Ledger Lite needs. */
final class LedgerFilePage extends WizardPage {

    private final ConnectionSettings settings;

    LedgerFilePage(ConnectionSettings settings) {
        super("ledgerLite.file", "Ledger Lite ledger file", null);
        this.settings = settings;
        setDescription("The file Ledger Lite keeps its books in.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(page);
        Label label = new Label(page, SWT.NONE);
        label.setText("&Ledger file:");
        Text file = new Text(page, SWT.BORDER);
        file.setData("org.ledgerport.ui.id", "wizard.ledgerLite.file");
        file.setText(settings.get(LedgerLiteConnector.LEDGER_FILE.key()));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(file);
        file.addModifyListener(event -> {
            settings.set(LedgerLiteConnector.LEDGER_FILE.key(), file.getText());
            setErrorMessage(isPageComplete() ? null : "Enter the ledger file.");
            getContainer().updateButtons();
        });
        setControl(page);
    }

    @Override
    public boolean isPageComplete() {
        return !settings.get(LedgerLiteConnector.LEDGER_FILE.key()).isBlank();
    }
}
