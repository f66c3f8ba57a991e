package org.ledgerport.connector.http;

import java.time.Instant;
import java.util.Objects;

/**
 * The tokens one sign-in holds.
 *
 * @param refreshToken     empty when the vendor gave none (a sign-in without offline access)
 * @param refreshExpiresAt when the refresh token dies unused, or null when the vendor did not say
 */
public record TokenSet(String accessToken, Instant accessExpiresAt, String refreshToken, Instant refreshExpiresAt) {

    public TokenSet {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accessExpiresAt, "accessExpiresAt");
        refreshToken = Objects.requireNonNullElse(refreshToken, "");
    }

    @Override
    public String toString() {
        return "TokenSet[access expires " + accessExpiresAt + ", refresh " + (refreshToken.isEmpty() ? "none" : "held")
                + "]";
    }
}
