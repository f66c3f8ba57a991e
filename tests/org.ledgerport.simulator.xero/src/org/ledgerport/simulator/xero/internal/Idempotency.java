package org.ledgerport.simulator.xero.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.ledgerport.simulator.support.SimRequest;
import org.ledgerport.simulator.support.SimResponse;

/**
 * Idempotency-Key on writes, per app and organisation: the first answer to a key is kept and given again to every
 * request with that key and the same method, path, query and body, even while the first is still running; the
 * same key with another request is refused. Failures of the service (5xx) are not kept, so they can be retried.
 * Keys are kept for the simulator's lifetime; Xero documents no expiry, and a client must not rely on one.
 */
final class Idempotency {

    /** Xero's limit on a key's length. */
    static final int MAX_KEY_LENGTH = 128;

    private record Entry(String fingerprint, CompletableFuture<SimResponse> answer) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    SimResponse run(String scope, String key, SimRequest request, Supplier<SimResponse> work) {
        String id = scope + '\n' + key;
        Entry mine = new Entry(fingerprint(request), new CompletableFuture<>());
        Entry first = entries.putIfAbsent(id, mine);
        if (first != null) {
            if (!first.fingerprint().equals(mine.fingerprint())) {
                return SimResponse.json(400, XeroErrors.problem(400, "Bad Request", "The Idempotency-Key '" + key
                        + "' was already used for a different request. Use a new key for a new request."));
            }
            return first.answer().join();
        }
        SimResponse answer = SimResponse.json(500, XeroErrors.problem(500, "Internal Server Error",
                "The request failed before it was answered"));
        try {
            answer = work.get();
        } finally {
            if (answer.status() >= 500) {
                entries.remove(id, mine);
            }
            mine.answer().complete(answer);
        }
        return answer;
    }

    private static String fingerprint(SimRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.method() + ' ' + request.path() + '?' + request.rawQuery() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(request.rawBody()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
