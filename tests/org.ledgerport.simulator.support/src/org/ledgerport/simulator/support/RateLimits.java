package org.ledgerport.simulator.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A vendor's call limits: sliding windows per key (a realm, a tenant, an app) and a concurrency gate per key. The
 * windows read the simulator's clock, so a test advances it instead of waiting for a window to pass.
 */
public final class RateLimits {

    /**
     * One limit: at most {@code limit} units in any {@code length} of time.
     *
     * @param name the window's name, unique per key (e.g. "minute", "day", "batch")
     */
    public record Window(String name, int limit, Duration length) {

        public Window {
            if (limit < 0 || length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("A window has a positive length and a limit of 0 or more");
            }
        }

        public static Window perMinute(String name, int limit) {
            return new Window(name, limit, Duration.ofMinutes(1));
        }

        public static Window perDay(String name, int limit) {
            return new Window(name, limit, Duration.ofDays(1));
        }
    }

    /**
     * The outcome of asking for units.
     *
     * @param refusedBy  the window that had no room, or null when allowed
     * @param retryAfter how long until the refused window has room for the units asked (zero when allowed)
     * @param remaining  per window name, the units still free after this decision
     */
    public record Decision(boolean allowed, String refusedBy, Duration retryAfter, Map<String, Integer> remaining) {
    }

    /** A place in a concurrency gate, given back by closing it. */
    public final class Permit implements AutoCloseable {
        private final String key;
        private boolean closed;

        private Permit(String key) {
            this.key = key;
        }

        @Override
        public void close() {
            synchronized (RateLimits.this) {
                if (!closed) {
                    closed = true;
                    inFlight.merge(key, -1, Integer::sum);
                }
            }
        }
    }

    private record Use(Instant at, int units) {
    }

    private final Clock clock;
    private final Map<String, Deque<Use>> uses = new HashMap<>();
    private final Map<String, Integer> inFlight = new HashMap<>();

    public RateLimits(Clock clock) {
        this.clock = clock;
    }

    /**
     * Takes {@code units} in every window for {@code key}, or in none when any window lacks room (a refused call
     * uses nothing).
     */
    public synchronized Decision tryAcquire(String key, int units, Window... windows) {
        Instant now = clock.instant();
        for (Window window : windows) {
            Deque<Use> log = prune(key, window, now);
            int used = used(log);
            if (used + units > window.limit()) {
                return new Decision(false, window.name(), untilRoom(log, window, used, units, now),
                        remaining(key, now, windows));
            }
        }
        for (Window window : windows) {
            uses.get(key + '\n' + window.name()).addLast(new Use(now, units));
        }
        return new Decision(true, null, Duration.ZERO, remaining(key, now, windows));
    }

    /** The units still free in each window for {@code key}, by window name. */
    public synchronized Map<String, Integer> remaining(String key, Window... windows) {
        return remaining(key, clock.instant(), windows);
    }

    /** A place among at most {@code max} requests in flight for {@code key}; empty when all are taken. */
    public synchronized Optional<Permit> enter(String key, int max) {
        int current = inFlight.getOrDefault(key, 0);
        if (current >= max) {
            return Optional.empty();
        }
        inFlight.put(key, current + 1);
        return Optional.of(new Permit(key));
    }

    public synchronized int inFlight(String key) {
        return inFlight.getOrDefault(key, 0);
    }

    /** Forgets every window's use (requests in flight keep their places). */
    public synchronized void reset() {
        uses.clear();
    }

    private Map<String, Integer> remaining(String key, Instant now, Window... windows) {
        Map<String, Integer> left = new LinkedHashMap<>();
        for (Window window : windows) {
            left.put(window.name(), Math.max(0, window.limit() - used(prune(key, window, now))));
        }
        return left;
    }

    private Deque<Use> prune(String key, Window window, Instant now) {
        Deque<Use> log = uses.computeIfAbsent(key + '\n' + window.name(), k -> new ArrayDeque<>());
        Instant start = now.minus(window.length());
        while (!log.isEmpty() && !log.peekFirst().at().isAfter(start)) {
            log.removeFirst();
        }
        return log;
    }

    private static int used(Deque<Use> log) {
        return log.stream().mapToInt(Use::units).sum();
    }

    /** When enough of the oldest uses have left the window for {@code units} more to fit. */
    private static Duration untilRoom(Deque<Use> log, Window window, int used, int units, Instant now) {
        if (units > window.limit()) {
            return window.length();
        }
        int stillUsed = used;
        for (Use use : log) {
            stillUsed -= use.units();
            if (stillUsed + units <= window.limit()) {
                Duration wait = Duration.between(now, use.at().plus(window.length()));
                return wait.isNegative() ? Duration.ZERO : wait;
            }
        }
        return window.length();
    }
}
