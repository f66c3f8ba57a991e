package org.ledgerport.ui.connect.internal;

/** Connections, Edit connection: the wizard on an existing connection, at its defaults; its settings can change. */
public final class EditConnectionHandler extends ExistingConnectionHandler {

    public EditConnectionHandler() {
        super(WizardStart.Mode.EDIT);
    }
}
