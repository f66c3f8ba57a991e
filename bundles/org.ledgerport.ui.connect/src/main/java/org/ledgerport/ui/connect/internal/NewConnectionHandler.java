package org.ledgerport.ui.connect.internal;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;
import org.eclipse.swt.widgets.Shell;
import org.ledgerport.core.access.Permission;
import org.ledgerport.ui.CurrentUser;
import org.ledgerport.ui.RoleTooltips;

/** File/Connections, New connection: the account-connection wizard for a new connection; owners only. */
public final class NewConnectionHandler {

    @CanExecute
    boolean canExecute(@Optional CurrentUser user, @Optional MItem item) {
        java.util.Optional<String> refusal = user == null ? java.util.Optional.empty()
                : user.refusal(Permission.MANAGE_CONNECTIONS);
        RoleTooltips.show(item, refusal);
        return refusal.isEmpty();
    }

    @Execute
    void execute(MWindow window) {
        ConnectionWizard.open(window.getContext(), (Shell) window.getWidget(), WizardStart.newConnection());
    }
}
