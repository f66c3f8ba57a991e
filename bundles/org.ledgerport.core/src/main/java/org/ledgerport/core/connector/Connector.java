package org.ledgerport.core.connector;

/**
 * An accounting package Ledgerport can export invoices to. A connector bundle registers an implementation as
 * an OSGi service; the {@link ConnectorRegistry} finds it, whether it was installed with the workstation or
 * dropped into the dropins folder later.
 */
public interface Connector {

    ConnectorDescriptor descriptor();
}
