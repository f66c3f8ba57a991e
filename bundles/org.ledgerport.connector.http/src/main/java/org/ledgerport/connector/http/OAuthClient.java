package org.ledgerport.connector.http;

import java.util.Objects;

/**
 * The app Ledgerport signs in as at a vendor, as registered in the vendor's developer portal.
 *
 * @param clientSecret the app's secret, or empty for a public client that proves itself with PKCE alone
 */
public record OAuthClient(String clientId, String clientSecret) {

    public OAuthClient {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("An OAuth client needs its client id");
        }
        clientSecret = Objects.requireNonNullElse(clientSecret, "");
    }

    /** Whether the app authenticates to the token endpoint with its secret (HTTP Basic). */
    public boolean confidential() {
        return !clientSecret.isEmpty();
    }

    @Override
    public String toString() {
        return "OAuthClient[" + clientId + (confidential() ? ", with secret]" : ", public]");
    }
}
