package org.ledgerport.ui.connect.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.ledgerport.core.access.Permission;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.Setting;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.credentials.Credentials;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.ui.CommandIds;
import org.ledgerport.ui.CurrentUser;
import org.ledgerport.ui.RoleTooltips;

import jakarta.inject.Named;

/**
 * Opens the wizard on an existing connection: the one the command names ({@link CommandIds#CONNECTION_ID}) or,
 * from the menu, the one selected in the Connections view. The connection and its secrets are read in the
 * background first.
 */
abstract class ExistingConnectionHandler {

    private final WizardStart.Mode mode;

    ExistingConnectionHandler(WizardStart.Mode mode) {
        this.mode = mode;
    }

    /** Only an owner changes connections (a sign-in saves the connection too). */
    @CanExecute
    boolean canExecute(@Optional @Named(CommandIds.CONNECTION_ID) String id,
            @Optional @Named(IServiceConstants.ACTIVE_SELECTION) Connection selected, @Optional CurrentUser user,
            @Optional MItem item) {
        java.util.Optional<String> refusal = user == null ? java.util.Optional.empty()
                : user.refusal(Permission.MANAGE_CONNECTIONS);
        RoleTooltips.show(item, refusal);
        return (id != null || selected != null) && refusal.isEmpty();
    }

    @Execute
    void execute(@Optional @Named(CommandIds.CONNECTION_ID) String id,
            @Optional @Named(IServiceConstants.ACTIVE_SELECTION) Connection selected,
            MWindow window, ConnectionStore connections, CredentialStore credentials, ConnectorRegistry registry,
            UISynchronize ui) {
        Shell shell = (Shell) window.getWidget();
        long connectionId;
        try {
            connectionId = id != null ? Long.parseLong(id.strip()) : selected.id();
        } catch (NumberFormatException e) {
            MessageDialog.openError(shell, "No such connection", "'" + id + "' is not the number of a connection. "
                    + "Select the connection in the Connections view and try again.");
            return;
        }
        Job.create("Reading the connection", monitor -> {
            Connection found;
            Connector connector;
            Map<String, String> secrets = new LinkedHashMap<>();
            try {
                found = connections.findConnection(connectionId).orElse(null);
                connector = found == null ? null : registry.find(found.connectorId()).orElse(null);
                if (connector != null) {
                    Credentials stored = credentials.forConnection(found.uid());
                    connector.descriptor().settings().stream().filter(Setting::secret).forEach(
                            s -> stored.read(s.key()).ifPresent(secret -> secrets.put(s.key(), secret)));
                }
            } catch (RuntimeException e) {
                ui.asyncExec(() -> {
                    if (!shell.isDisposed()) {
                        MessageDialog.openError(shell, "Connection not read", "The connection could not be read "
                                + "from Ledgerport's database: " + e.getMessage() + "\nTry again; if it keeps "
                                + "failing, restart Ledgerport.");
                    }
                });
                return Status.error("Could not read connection " + connectionId, e);
            }
            ui.asyncExec(() -> {
                if (shell.isDisposed()) {
                    return;
                }
                if (found == null) {
                    MessageDialog.openError(shell, "No such connection", "The connection was removed meanwhile. "
                            + "Choose another one in the Connections view, or add a new one.");
                } else if (connector == null) {
                    MessageDialog.openError(shell, "Connector not installed", ("The connection '%s' uses the "
                            + "connector '%s', which is not installed. Install it, or drop its bundle into the "
                            + "dropins folder, then try again.").formatted(found.name(), found.connectorId()));
                } else {
                    ConnectionWizard.open(window.getContext(), shell, new WizardStart(mode, found, secrets));
                }
            });
            return Status.OK_STATUS;
        }).schedule();
    }
}
