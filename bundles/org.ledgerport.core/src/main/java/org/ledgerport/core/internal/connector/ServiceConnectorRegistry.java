package org.ledgerport.core.internal.connector;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Tracks every {@link Connector} service in the framework, including ones that appear after start-up. */
@Component(service = ConnectorRegistry.class)
public final class ServiceConnectorRegistry implements ConnectorRegistry {

    private static final Comparator<Connector> BY_NAME = Comparator
            .comparing((Connector c) -> c.descriptor().displayName(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(c -> c.descriptor().id());

    private final List<Connector> connectors = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addConnector(Connector connector) {
        connectors.add(connector);
    }

    void removeConnector(Connector connector) {
        connectors.remove(connector);
    }

    @Override
    public List<Connector> connectors() {
        return connectors.stream().sorted(BY_NAME).toList();
    }

    @Override
    public Optional<Connector> find(String id) {
        return connectors.stream().filter(c -> c.descriptor().id().equals(id)).findFirst();
    }
}
