package org.ledgerport.core.store;

/** Someone else saved the same record since it was read; the change was not saved. */
public final class ConcurrentChangeException extends StoreException {

    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
