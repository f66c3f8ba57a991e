package org.ledgerport.core.connector;

import java.net.URI;

/**
 * How a connector hands an interactive sign-in to whoever drives it (the connection wizard, the CLI): show
 * the vendor's page and bring back where it redirected to.
 */
public interface SignIn {

    /**
     * Opens {@code authorizationPage} in the system browser and waits until the vendor redirects to
     * {@code redirectTo}.
     *
     * @return the full redirect URI, with the vendor's query parameters
     * @throws InterruptedException when the user cancels
     */
    URI authorize(URI authorizationPage, URI redirectTo) throws InterruptedException;
}
