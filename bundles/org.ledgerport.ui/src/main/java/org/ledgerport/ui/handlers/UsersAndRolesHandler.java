package org.ledgerport.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;
import org.eclipse.swt.widgets.Shell;
import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.access.Permission;
import org.ledgerport.ui.CurrentUser;
import org.ledgerport.ui.RoleTooltips;
import org.ledgerport.ui.internal.UsersAndRolesDialog;

/** File > Users and Roles (Ctrl+Shift+U): for owners; for anyone else it is off, saying which role it needs. */
public final class UsersAndRolesHandler {

    @CanExecute
    public boolean canExecute(@Optional CurrentUser user, @Optional MItem item) {
        java.util.Optional<String> refusal = user == null ? java.util.Optional.empty()
                : user.refusal(Permission.MANAGE_ROLES);
        RoleTooltips.show(item, refusal);
        return user != null && refusal.isEmpty();
    }

    @Execute
    public void execute(MWindow window, AccessControl access, CurrentUser user, UISynchronize ui) {
        new UsersAndRolesDialog((Shell) window.getWidget(), access, user, ui).open();
    }
}
