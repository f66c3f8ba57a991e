package org.ledgerport.ui.internal;

import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.ledgerport.core.model.Connection;
import org.ledgerport.ui.CommandIds;
import org.ledgerport.ui.ConnectionStatus;
import org.ledgerport.ui.ConnectionStatus.Report;
import org.ledgerport.ui.ConnectionStatus.State;
import org.ledgerport.ui.Icons;
import org.ledgerport.ui.UiTopics;
import org.ledgerport.ui.WidgetIds;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The status bar's connection field: which connection the workstation exports to and whether it is signed in.
 * When the sign-in died the whole field turns into a red "reconnect needed" bar with the way to reconnect.
 */
public final class ConnectionStatusBar {

    /** CSS classes the themes colour the field by. */
    private static final Map<State, String> CSS_CLASS = Map.of(State.RECONNECT_NEEDED, "connection-alarm",
            State.UNREACHABLE, "connection-warning", State.SETTINGS_NEEDED, "connection-warning");

    private final ConnectionStatus status;
    private final ECommandService commands;
    private final EHandlerService handlers;
    private final IStylingEngine styling;

    private Composite field;
    private Label icon;
    private Link text;
    private ResourceManager resources;

    @Inject
    public ConnectionStatusBar(ConnectionStatus status, ECommandService commands, EHandlerService handlers,
            IStylingEngine styling) {
        this.status = status;
        this.commands = commands;
        this.handlers = handlers;
        this.styling = styling;
    }

    @PostConstruct
    void createControls(Composite parent) {
        field = new Composite(parent, SWT.NONE);
        WidgetIds.tag(field, "status.connection");
        GridLayout layout = new GridLayout(2, false);
        layout.marginHeight = 2;
        layout.marginWidth = 6;
        field.setLayout(layout);
        resources = new LocalResourceManager(JFaceResources.getResources(), field);
        icon = new Label(field, SWT.NONE);
        text = new Link(field, SWT.NONE);
        WidgetIds.tag(text, "status.connection.text");
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        text.addListener(SWT.Selection, e -> run(e.text));
        show();
    }

    @Inject
    @Optional
    void stateChanged(@UIEventTopic(UiTopics.CONNECTION_STATE) Report report) {
        show();
    }

    @Inject
    @Optional
    void activeChanged(@UIEventTopic(UiTopics.ACTIVE_CONNECTION) Long connectionId) {
        show();
    }

    private void show() {
        if (field == null || field.isDisposed()) {
            return;
        }
        java.util.Optional<Connection> active = status.active();
        State state = active.map(c -> status.state(c.id())).orElse(State.UNKNOWN);
        if (active.isEmpty()) {
            icon.setImage(resources.create(Icons.get("connection")));
            text.setText("No connection chosen \u00b7 <a href=\"new\">Add a connection\u2026</a>");
        } else {
            Connection connection = active.get();
            Report report = status.report(connection.id());
            icon.setImage(resources.create(Icons.get(switch (state) {
                case CONNECTED -> "connection";
                case RECONNECT_NEEDED -> "reconnect-needed";
                case UNREACHABLE, SETTINGS_NEEDED -> "warning";
                default -> "connection";
            })));
            String name = escape(connection.name());
            text.setText(switch (state) {
                case RECONNECT_NEEDED -> "Reconnect needed: " + name + " no longer accepts Ledgerport's sign-in. "
                        + "<a href=\"reconnect\">Reconnect\u2026</a>";
                case UNREACHABLE, SETTINGS_NEEDED -> name + ": " + escape(report.detail());
                default -> name + " \u00b7 " + state.label();
            });
            text.setToolTipText(report.detail().isEmpty() ? null : report.detail());
        }
        styling.setClassname(field, CSS_CLASS.getOrDefault(state, "connection-ok"));
        styling.style(field);
        field.getParent().layout(true, true);
    }

    /** Link text is markup: an ampersand in a company's name must not become a mnemonic or a tag. */
    private static String escape(String plain) {
        return plain.replace("&", "&&").replace("<", "\u2039").replace(">", "\u203a");
    }

    private void run(String action) {
        if ("new".equals(action)) {
            handlers.executeHandler(commands.createCommand(CommandIds.NEW_CONNECTION, Map.of()));
        } else {
            status.active().ifPresent(connection -> {
                ParameterizedCommand reconnect = commands.createCommand(CommandIds.RECONNECT,
                        Map.of(CommandIds.CONNECTION_ID, Long.toString(connection.id())));
                handlers.executeHandler(reconnect);
            });
        }
    }
}
