package org.ledgerport.ui.connect.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ledgerport.core.connector.Connector;
import org.ledgerport.ui.connect.ConnectorSettingsPage;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Hears connectors and connectors' own settings pages come and go as their bundles start and stop, so that an open
 * wizard lists a connector dropped in meanwhile. The connectors themselves are read from the
 * {@link org.ledgerport.core.connector.ConnectorRegistry}, which has no way to tell of changes.
 */
@Component(service = ConnectorWatch.class)
public final class ConnectorWatch {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<ConnectorSettingsPage> settingsPages = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addConnector(Connector connector) {
        changed();
    }

    void removeConnector(Connector connector) {
        changed();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addSettingsPage(ConnectorSettingsPage page) {
        settingsPages.add(page);
        changed();
    }

    void removeSettingsPage(ConnectorSettingsPage page) {
        settingsPages.remove(page);
        changed();
    }

    /** The connector's own settings page, when its bundle registered one. */
    Optional<ConnectorSettingsPage> settingsPage(String connectorId) {
        return settingsPages.stream().filter(p -> p.connectorId().equals(connectorId)).findFirst();
    }

    /**
     * Calls the listener, on the thread that changed them, whenever connectors or settings pages came or went.
     *
     * @return what stops the calls
     */
    Runnable subscribe(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }
}
