package org.ledgerport.ui.connect.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.ledgerport.core.access.AccessDeniedException;
import org.ledgerport.core.access.Permission;
import org.ledgerport.core.access.Role;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.ui.CommandIds;
import org.ledgerport.ui.ConnectionStatus;
import org.ledgerport.ui.CurrentUser;
import org.ledgerport.ui.Icons;
import org.ledgerport.ui.UiColors;
import org.ledgerport.ui.UiTopics;
import org.ledgerport.ui.WidgetIds;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The firm's connections: name, package, the account reached and whether it is signed in, with the ways to make,
 * change, reconnect, test and remove them. The list follows the store and the connections' states as they change.
 * Only an owner changes connections: for anyone else those buttons are off, and their tooltips say why.
 */
public final class ConnectionsPart {

    public static final String ID = "org.ledgerport.connect.part.connections";

    private static final String NO_CONNECTIONS = "No connections yet. Press New\u2026 (Ctrl+N) to connect Ledgerport "
            + "to your accounting package; it signs you in and maps your tax codes on the way.";

    private final ConnectionStore connections;
    private final ConnectorRegistry registry;
    private final CredentialStore credentials;
    private final ConnectionStatus status;
    private final UISynchronize ui;
    private final ECommandService commands;
    private final EHandlerService handlers;
    private final ESelectionService selection;
    private final CurrentUser user;

    private TableViewer viewer;
    private Label empty;
    private Button newButton;
    private Button testButton;
    /** What changes a connection: only for owners. */
    private List<Button> changeSelected;
    /** The buttons' own tooltips, which a refusal stands in for. */
    private final Map<Button, String> tooltips = new HashMap<>();

    @Inject
    public ConnectionsPart(ConnectionStore connections, ConnectorRegistry registry, CredentialStore credentials,
            ConnectionStatus status, UISynchronize ui, ECommandService commands, EHandlerService handlers,
            ESelectionService selection, CurrentUser user) {
        this.connections = connections;
        this.registry = registry;
        this.credentials = credentials;
        this.status = status;
        this.ui = ui;
        this.commands = commands;
        this.handlers = handlers;
        this.selection = selection;
        this.user = user;
    }

    @PostConstruct
    void createControls(Composite parent) {
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(parent);
        empty = new Label(parent, SWT.WRAP);
        empty.setText(NO_CONNECTIONS);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(300, SWT.DEFAULT).applyTo(empty);

        Composite tableArea = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tableArea);
        TableColumnLayout columns = new TableColumnLayout();
        tableArea.setLayout(columns);
        viewer = new TableViewer(tableArea, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        Table table = WidgetIds.tag(viewer.getTable(), "connections.table");
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources(), table);
        ColumnViewerToolTipSupport.enableFor(viewer);

        column(columns, "Name", 25, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((Connection) element).name();
            }
        });
        column(columns, "Accounting package", 25, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                Connection connection = (Connection) element;
                return connector(connection).map(c -> c.descriptor().displayName())
                        .orElse(connection.connectorId() + " (not installed)");
            }

            @Override
            public Image getImage(Object element) {
                java.util.Optional<Connector> connector = connector((Connection) element);
                return connector.isPresent() ? ConnectorIcons.image(resources, connector.get().descriptor().icon())
                        : resources.create(Icons.get("warning"));
            }
        });
        column(columns, "Account", 25, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return account((Connection) element);
            }
        });
        column(columns, "State", 25, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return report(element).state().label();
            }

            @Override
            public Image getImage(Object element) {
                return switch (report(element).state()) {
                    case CONNECTED -> resources.create(Icons.get("connection"));
                    case RECONNECT_NEEDED -> resources.create(Icons.get("reconnect-needed"));
                    case UNREACHABLE, SETTINGS_NEEDED -> resources.create(Icons.get("warning"));
                    case CHECKING -> resources.create(Icons.get("refresh"));
                    case UNKNOWN -> null;
                };
            }

            @Override
            public Color getForeground(Object element) {
                return report(element).state() == ConnectionStatus.State.RECONNECT_NEEDED
                        ? JFaceResources.getColorRegistry().get(UiColors.ERROR)
                        : null;
            }

            @Override
            public String getToolTipText(Object element) {
                String detail = report(element).detail();
                return detail.isEmpty() ? null : detail;
            }
        });
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addSelectionChangedListener(event -> {
            selection.setSelection(selected().orElse(null));
            enableButtons();
        });
        viewer.addDoubleClickListener(event -> selected().ifPresent(c -> run(CommandIds.EDIT_CONNECTION, c)));
        table.addListener(SWT.KeyDown, event -> {
            if (event.keyCode == SWT.DEL) {
                selected().ifPresent(this::remove);
            }
        });

        Composite buttons = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        newButton = button(buttons, "&New\u2026", "connections.new", "add", "Connect Ledgerport to an accounting "
                + "company (Ctrl+N)", () -> run(CommandIds.NEW_CONNECTION, null));
        Button edit = button(buttons, "&Edit\u2026", "connections.edit", "edit", "Change the connection's settings, "
                + "mappings and numbering", () -> selected().ifPresent(c -> run(CommandIds.EDIT_CONNECTION, c)));
        Button reconnect = button(buttons, "&Reconnect\u2026", "connections.reconnect", "reconnect-needed",
                "Sign the connection in again", () -> selected().ifPresent(c -> run(CommandIds.RECONNECT, c)));
        testButton = button(buttons, "&Test", "connections.test", "check", "Check that Ledgerport reaches the "
                + "account; nothing is sent", () -> selected().ifPresent(status::check));
        Button remove = button(buttons, "Re&move\u2026", "connections.remove", "remove", "Sign out and forget the "
                + "connection", () -> selected().ifPresent(this::remove));
        changeSelected = List.of(edit, reconnect, remove);
        enableButtons();
        reload();
    }

    @Inject
    @Optional
    void connectionsChanged(@UIEventTopic(ConnectionStore.TOPIC_CONNECTIONS_CHANGED) Event event) {
        reload();
    }

    @Inject
    @Optional
    void roleChanged(@UIEventTopic(UiTopics.USER_ROLE) Role role) {
        if (viewer != null && !viewer.getTable().isDisposed()) {
            enableButtons();
        }
    }

    @Inject
    @Optional
    void stateChanged(@UIEventTopic(UiTopics.CONNECTION_STATE) ConnectionStatus.Report report) {
        if (viewer != null && !viewer.getTable().isDisposed()) {
            viewer.refresh(true);
        }
    }

    private void column(TableColumnLayout columns, String header, int weight, ColumnLabelProvider labels) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(header);
        column.setLabelProvider(labels);
        columns.setColumnData(column.getColumn(), new ColumnWeightData(weight, 100));
    }

    private Button button(Composite parent, String label, String id, String icon, String tooltip, Runnable action) {
        Button button = WidgetIds.tag(new Button(parent, SWT.PUSH), id);
        button.setText(label);
        tooltips.put(button, tooltip);
        button.setImage(new LocalResourceManager(JFaceResources.getResources(), button).create(Icons.get(icon)));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(button);
        button.addListener(SWT.Selection, event -> action.run());
        return button;
    }

    /** What needs a selection needs one; what changes connections needs an owner, and says so. */
    private void enableButtons() {
        boolean chosen = selected().isPresent();
        java.util.Optional<String> refusal = user.refusal(Permission.MANAGE_CONNECTIONS);
        permit(newButton, true, refusal);
        changeSelected.forEach(b -> permit(b, chosen, refusal));
        permit(testButton, chosen, java.util.Optional.empty());
    }

    private void permit(Button button, boolean possible, java.util.Optional<String> refusal) {
        button.setEnabled(possible && refusal.isEmpty());
        button.setToolTipText(refusal.orElse(tooltips.get(button)));
    }

    private java.util.Optional<Connection> selected() {
        return java.util.Optional.ofNullable((Connection) viewer.getStructuredSelection().getFirstElement());
    }

    private java.util.Optional<Connector> connector(Connection connection) {
        return registry.find(connection.connectorId());
    }

    private ConnectionStatus.Report report(Object element) {
        return status.report(((Connection) element).id());
    }

    /**
     * The account the connection reached: as the wizard saved it, else as the QuickBooks and Xero connectors
     * themselves save it (connections connected from the command line).
     */
    private static String account(Connection connection) {
        return Stream.of(ConnectionDraft.ACCOUNT_NAME, "companyName", "organisationName")
                .map(key -> connection.setting(key, "")).filter(name -> !name.isEmpty()).findFirst().orElse("");
    }

    /** Reads the connections in the background and shows them, keeping the selection. */
    private void reload() {
        if (viewer == null) {
            return;
        }
        Job.create("Reading your connections", monitor -> {
            try {
                List<Connection> all = connections.listConnections();
                ui.asyncExec(() -> show(all));
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                ui.asyncExec(() -> unreadable(e.getMessage()));
                return Status.error("Could not read the connections", e);
            }
        }).schedule();
    }

    private void unreadable(String why) {
        if (viewer.getTable().isDisposed()) {
            return;
        }
        empty.setText("Your connections could not be read from Ledgerport's database: " + why + "\nRestart "
                + "Ledgerport to try again.");
        Widgets.show(empty, true);
        empty.getParent().layout(true, true);
    }

    private void show(List<Connection> all) {
        if (viewer.getTable().isDisposed()) {
            return;
        }
        empty.setText(NO_CONNECTIONS);
        long chosen = selected().map(Connection::id).orElse(-1L);
        viewer.setInput(all);
        all.stream().filter(c -> c.id() == chosen).findFirst()
                .ifPresent(c -> viewer.setSelection(new StructuredSelection(c), true));
        Widgets.show(empty, all.isEmpty());
        empty.getParent().layout(true, true);
        enableButtons();
    }

    private void run(String commandId, Connection connection) {
        Map<String, Object> parameters = connection == null ? Map.of()
                : Map.of(CommandIds.CONNECTION_ID, String.valueOf(connection.id()));
        ParameterizedCommand command = commands.createCommand(commandId, parameters);
        handlers.executeHandler(command);
    }

    private void remove(Connection connection) {
        java.util.Optional<String> refusal = user.refusal(Permission.MANAGE_CONNECTIONS);
        if (refusal.isPresent()) {
            MessageDialog.openInformation(viewer.getTable().getShell(), "Connection not removed", refusal.get());
            return;
        }
        String packageName = connector(connection).map(c -> c.descriptor().displayName())
                .orElse(connection.connectorId());
        MessageDialog confirm = new MessageDialog(viewer.getTable().getShell(), "Remove connection", null,
                ("Remove the connection '%s' to %s?%n%nLedgerport signs out of %s and forgets the connection's keys on "
                        + "this computer. Invoices already exported through it stay exported there, and its runs "
                        + "stay in the process log.").formatted(connection.name(), packageName, packageName),
                MessageDialog.QUESTION, 1, "&Remove", "&Keep it");
        if (confirm.open() != 0) {
            return;
        }
        Job.create("Removing the connection " + connection.name(), monitor -> {
            String signOut;
            try {
                signOut = ConnectionRemoval.remove(connection, user, registry, credentials, connections);
            } catch (AccessDeniedException e) {
                user.reload();
                ui.asyncExec(() -> {
                    if (!viewer.getTable().isDisposed()) {
                        MessageDialog.openError(viewer.getTable().getShell(), "Connection not removed",
                                e.getMessage());
                    }
                });
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                ui.asyncExec(() -> {
                    if (!viewer.getTable().isDisposed()) {
                        MessageDialog.openError(viewer.getTable().getShell(), "Connection not removed", ("The "
                                + "connection '%s' could not be removed from Ledgerport's database: %s%nPress Remove "
                                + "to try again; if it keeps failing, restart Ledgerport.").formatted(connection.name(),
                                        e.getMessage()));
                    }
                });
                return Status.error("Could not remove the connection " + connection.name(), e);
            }
            ui.asyncExec(() -> {
                status.forget(connection.id());
                if (!signOut.isEmpty() && !viewer.getTable().isDisposed()) {
                    MessageDialog.openWarning(viewer.getTable().getShell(), "Connection removed", ("The connection "
                            + "'%s' was removed, but signing out of %s failed: %s%nRevoke Ledgerport's access in %s "
                            + "yourself if it matters.").formatted(connection.name(), packageName, signOut,
                                    packageName));
                }
            });
            return Status.OK_STATUS;
        }).schedule();
    }
}
