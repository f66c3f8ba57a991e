package org.ledgerport.simulator.support;

import java.time.Instant;

/**
 * One request the server received.
 *
 * @param query  the raw (still encoded) query string, empty when none
 * @param time   when it arrived, by the simulator's clock
 * @param status the status answered; 0 when the connection was closed without an answer
 */
public record LoggedRequest(String method, String path, String query, Instant time, int status) {

    /** Whether it was {@code method} on a path ending with {@code pathSuffix}, e.g. ("POST", "/batch"). */
    public boolean is(String method, String pathSuffix) {
        return this.method.equals(method) && path.endsWith(pathSuffix);
    }
}
