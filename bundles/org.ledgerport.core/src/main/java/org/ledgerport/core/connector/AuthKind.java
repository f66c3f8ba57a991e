package org.ledgerport.core.connector;

/** How a connector signs in to the accounting package. */
public enum AuthKind {
    /** Nothing to sign in to (a file export). */
    NONE,
    /** OAuth 2.0 authorization code in the system browser. */
    OAUTH2,
    /** A key or token the user pastes in. */
    API_KEY
}
