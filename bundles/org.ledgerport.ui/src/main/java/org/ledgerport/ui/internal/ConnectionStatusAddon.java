package org.ledgerport.ui.internal;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.ui.ConnectionStatus;

import jakarta.annotation.PostConstruct;

/** Puts the workbench's one {@link ConnectionStatus} into the application's context, where parts inject it. */
public final class ConnectionStatusAddon {

    @PostConstruct
    void start(MApplication application, ConnectorRegistry connectors, CredentialStore credentials,
            IEventBroker events) {
        IEclipseContext context = application.getContext();
        context.set(ConnectionStatus.class, new ConnectionStatus(connectors, credentials, events));
    }
}
