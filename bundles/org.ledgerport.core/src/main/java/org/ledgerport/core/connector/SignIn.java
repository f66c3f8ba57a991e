package org.ledgerport.core.connector;

import java.net.URI;
import java.util.concurrent.CompletionStage;

/**
 * How a connector hands an interactive sign-in to whoever drives it (the connection wizard, the command line):
 * show the vendor's page and bring back where it redirected to. The connector runs the protocol; the driver
 * runs the conversation with the user (the browser, a "waiting for the browser" state, cancel, paste).
 */
public interface SignIn {

    /**
     * Opens {@code authorizationPage} in the system browser and waits for the vendor's redirect to
     * {@code redirectTo}.
     *
     * @param redirectReceived completes with the full redirect URI when the connector's own listener on this
     *                         machine received it; never completes when {@code redirectTo} is a web page, from
     *                         whose address bar the user has to copy the URI and paste it back
     * @return the full redirect URI, with the vendor's query parameters
     * @throws InterruptedException when the user cancels
     */
    URI authorize(URI authorizationPage, URI redirectTo, CompletionStage<URI> redirectReceived)
            throws InterruptedException;
}
