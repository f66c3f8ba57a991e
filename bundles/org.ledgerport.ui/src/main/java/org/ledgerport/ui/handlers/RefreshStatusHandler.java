package org.ledgerport.ui.handlers;

import java.util.List;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.ledgerport.core.access.Permission;
import org.ledgerport.ui.CommandIds;
import org.ledgerport.ui.CurrentUser;
import org.ledgerport.ui.RoleTooltips;
import org.ledgerport.ui.internal.StatusRefresher;
import org.ledgerport.ui.parts.ExportPart;

import jakarta.inject.Named;

/**
 * Export > Refresh Status (Ctrl+F5, and the toolbar): asks every connection's accounting package that reports back
 * (or only the connection the command names) what became of the exported invoices, and shows the Export view,
 * which tells what was found. Off, saying why, for a role that may not refresh.
 */
public final class RefreshStatusHandler {

    @CanExecute
    public boolean canExecute(@Optional StatusRefresher refresher, @Optional CurrentUser user,
            @Optional MItem item) {
        java.util.Optional<String> refusal = user == null ? java.util.Optional.empty()
                : user.refusal(Permission.REFRESH_STATUS);
        RoleTooltips.show(item, refusal);
        return refresher != null && !refresher.running() && refusal.isEmpty();
    }

    @Execute
    public void execute(StatusRefresher refresher, EPartService parts,
            @Optional @Named(CommandIds.CONNECTION_ID) String connectionId) {
        List<Long> connections;
        try {
            connections = connectionId == null ? List.of() : List.of(Long.parseLong(connectionId.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + connectionId + "' is not the number of a connection", e);
        }
        ExportPart.show(parts);
        refresher.refresh(connections);
    }
}
