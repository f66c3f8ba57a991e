package org.ledgerport.core.model;

/** An invoice was asked to do something its status does not allow; the message says why. */
public final class LifecycleException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public LifecycleException(String reason) {
        super(reason);
    }
}
