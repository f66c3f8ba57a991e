package org.ledgerport.connector.http;

import java.net.URI;
import java.util.Objects;

/**
 * Where a vendor's OAuth 2.0 authorization server lives.
 *
 * @param revoke where tokens are revoked on disconnect, or null when the vendor has no such endpoint
 */
public record OAuthEndpoints(URI authorize, URI token, URI revoke) {

    public OAuthEndpoints {
        Objects.requireNonNull(authorize, "authorize");
        Objects.requireNonNull(token, "token");
    }
}
