package org.ledgerport.connector.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.credentials.Credentials;

/**
 * Holds one connection's tokens and refreshes them: once, by one thread, with the new refresh token saved in the
 * credential store before the new access token is used. Vendors rotate refresh tokens, and a rotated token that
 * was lost (a crash right after the refresh) is the commonest reason integrations need reconnecting.
 *
 * <p>One keeper per connection in this process, shared by every session of it. Two processes refreshing the
 * same connection at once (the workstation and the command line) can still race; the loser then has to
 * reconnect, which this class reports clearly.
 */
public final class TokenKeeper {

    public static final String ACCESS_TOKEN = "oauth.access-token";
    public static final String ACCESS_EXPIRES_AT = "oauth.access-expires-at";
    public static final String REFRESH_TOKEN = "oauth.refresh-token";
    public static final String REFRESH_EXPIRES_AT = "oauth.refresh-expires-at";
    /** Set when the vendor refused the refresh token, until the next successful sign-in. */
    public static final String RECONNECT_NEEDED = "oauth.reconnect-needed";

    /** Access tokens this close to expiry are refreshed before use rather than sent to be refused. */
    private static final Duration EARLY = Duration.ofMinutes(2);

    /** Exchanges a refresh token for new tokens at the vendor. */
    @FunctionalInterface
    public interface Refresher {
        TokenSet refresh(String refreshToken) throws ConnectorException;
    }

    private final Credentials credentials;
    private final Refresher refresher;
    private final Clock clock;
    private final String vendor;
    private final String account;

    public TokenKeeper(Credentials credentials, Refresher refresher, Clock clock, String vendor, String account) {
        this.credentials = credentials;
        this.refresher = refresher;
        this.clock = clock;
        this.vendor = vendor;
        this.account = account;
    }

    /** Saves a new sign-in's tokens, refresh token first. */
    public synchronized void save(TokenSet tokens) {
        if (!tokens.refreshToken().isEmpty()) {
            credentials.write(REFRESH_TOKEN, tokens.refreshToken());
            if (tokens.refreshExpiresAt() != null) {
                credentials.write(REFRESH_EXPIRES_AT, tokens.refreshExpiresAt().toString());
            }
        }
        credentials.write(ACCESS_TOKEN, tokens.accessToken());
        credentials.write(ACCESS_EXPIRES_AT, tokens.accessExpiresAt().toString());
        credentials.remove(RECONNECT_NEEDED);
    }

    /** A token to send now, refreshed first when it is about to expire. */
    public synchronized String accessToken() throws ConnectorException {
        requireUsable();
        Optional<String> token = credentials.read(ACCESS_TOKEN);
        Instant expiresAt = credentials.read(ACCESS_EXPIRES_AT).map(Instant::parse).orElse(Instant.MIN);
        if (token.isPresent() && clock.instant().plus(EARLY).isBefore(expiresAt)) {
            return token.get();
        }
        return refresh();
    }

    /**
     * The vendor refused {@code rejected}. Refreshes, unless another thread already has since that token was
     * handed out, and returns the token to retry with.
     */
    public synchronized String renewAfterRejection(String rejected) throws ConnectorException {
        requireUsable();
        Optional<String> current = credentials.read(ACCESS_TOKEN);
        if (current.isPresent() && !current.get().equals(rejected)) {
            return current.get();
        }
        return refresh();
    }

    public synchronized boolean reconnectNeeded() {
        return credentials.read(RECONNECT_NEEDED).isPresent() || credentials.read(REFRESH_TOKEN).isEmpty()
                && credentials.read(ACCESS_TOKEN).isEmpty();
    }

    /** The refresh token, for revoking it on disconnect. */
    public synchronized Optional<String> refreshToken() {
        return credentials.read(REFRESH_TOKEN);
    }

    /** Revokes the refresh token at the vendor where it can be, and forgets the tokens here in any case. */
    public synchronized void signOut(OAuthFlow flow) throws ConnectorException {
        try {
            Optional<String> refreshToken = credentials.read(REFRESH_TOKEN);
            if (refreshToken.isPresent()) {
                flow.revoke(refreshToken.get());
            }
        } finally {
            forget();
        }
    }

    public synchronized void forget() {
        for (String key : new String[] {ACCESS_TOKEN, ACCESS_EXPIRES_AT, REFRESH_TOKEN, REFRESH_EXPIRES_AT}) {
            credentials.remove(key);
        }
    }

    private String refresh() throws ConnectorException {
        Optional<String> refreshToken = credentials.read(REFRESH_TOKEN);
        if (refreshToken.isEmpty()) {
            markDead();
            throw HttpProblems.reconnectNeeded(vendor, account, "no refresh token is held");
        }
        TokenSet renewed;
        try {
            renewed = refresher.refresh(refreshToken.get());
        } catch (ConnectorException e) {
            if (HttpProblems.RECONNECT_NEEDED.equals(e.problem().code())) {
                markDead();
            }
            throw e;
        }
        if (renewed.refreshToken().isEmpty()) {
            // The vendor kept the old refresh token valid; keep it.
            renewed = new TokenSet(renewed.accessToken(), renewed.accessExpiresAt(), refreshToken.get(),
                    renewed.refreshExpiresAt());
        }
        save(renewed);
        return renewed.accessToken();
    }

    private void requireUsable() throws ConnectorException {
        if (credentials.read(RECONNECT_NEEDED).isPresent()) {
            throw HttpProblems.reconnectNeeded(vendor, account, credentials.read(RECONNECT_NEEDED).get());
        }
    }

    private void markDead() {
        credentials.write(RECONNECT_NEEDED, "the vendor refused the refresh token at " + clock.instant());
    }
}
