package org.ledgerport.ui.internal;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.export.StatusService;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.ui.ConnectionStatus;
import org.ledgerport.ui.CurrentUser;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Puts the workbench's {@link StatusRefresher} into the application's context. Comes after the addons of
 * {@link ConnectionStatus} and {@link CurrentUser}, which it works with.
 */
public final class StatusRefreshAddon {

    private StatusRefresher refresher;

    @PostConstruct
    void start(MApplication application, StatusService statuses, ConnectionStore connections,
            ConnectorRegistry connectors, ConnectionStatus connectionStatus, CurrentUser user, IEventBroker events) {
        refresher = new StatusRefresher(statuses, connections, connectors, connectionStatus, user, events);
        application.getContext().set(StatusRefresher.class, refresher);
    }

    /** A refresh under way stops after the connection being asked when the workbench closes. */
    @PreDestroy
    void stop() {
        if (refresher != null) {
            refresher.cancel();
        }
    }
}
