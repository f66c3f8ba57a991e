package org.ledgerport.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.ledgerport.core.access.Permission;
import org.ledgerport.ui.CurrentUser;
import org.ledgerport.ui.RoleTooltips;
import org.ledgerport.ui.parts.ExportPart;

/**
 * Export > Export: shows the Export view and exports its selection (or everything listed) once confirmed. Off,
 * saying why, for a role that may not export.
 */
public final class ExportRunHandler {

    @Execute
    public void execute(EPartService parts) {
        ExportPart.show(parts).ifPresent(ExportPart::export);
    }

    @CanExecute
    public boolean canExecute(EPartService parts, @Optional CurrentUser user, @Optional MItem item) {
        java.util.Optional<String> refusal = user == null ? java.util.Optional.empty()
                : user.refusal(Permission.EXPORT);
        RoleTooltips.show(item, refusal);
        return ExportPart.idle(parts) && refusal.isEmpty();
    }
}
