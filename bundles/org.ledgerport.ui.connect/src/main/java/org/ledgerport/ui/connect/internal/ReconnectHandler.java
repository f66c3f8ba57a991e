package org.ledgerport.ui.connect.internal;

/** Connections, Reconnect: signs an existing connection in again, with only the sign-in and the test. */
public final class ReconnectHandler extends ExistingConnectionHandler {

    public ReconnectHandler() {
        super(WizardStart.Mode.RECONNECT);
    }
}
