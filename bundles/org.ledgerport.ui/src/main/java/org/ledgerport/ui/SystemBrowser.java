package org.ledgerport.ui;

import java.net.URI;

/**
 * Shows a web page to the user, for a vendor's sign-in. An OSGi service: the workstation's own opens the
 * system browser; the one with the highest ranking is used.
 */
public interface SystemBrowser {

    /** Opens the page; called on the UI thread, returns without waiting for the user. */
    void open(URI page);
}
