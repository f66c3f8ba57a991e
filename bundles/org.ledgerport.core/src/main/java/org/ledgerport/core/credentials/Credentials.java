package org.ledgerport.core.credentials;

import java.util.Optional;

/** The secrets of one connection: tokens, keys, client secrets. Values never reach the database or a log. */
public interface Credentials {

    Optional<String> read(String key);

    /** Saves the secret at once, so that a rotated refresh token survives a crash right after. */
    void write(String key, String secret);

    void remove(String key);
}
