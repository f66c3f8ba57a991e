package org.ledgerport.ui.connect.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.swt.widgets.Shell;

/** File/Connections, New connection: the account-connection wizard for a new connection. */
public final class NewConnectionHandler {

    @Execute
    void execute(MWindow window) {
        ConnectionWizard.open(window.getContext(), (Shell) window.getWidget(), WizardStart.newConnection());
    }
}
