package org.ledgerport.connector.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps one account's calls within the vendor's limits, so that Ledgerport waits a little rather than being
 * refused: rolling minute and day windows, a cap on calls in flight, and a pause whenever the vendor said
 * "retry after". One limiter per account, shared by every session to it.
 */
public final class RateLimiter {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration DAY = Duration.ofDays(1);

    private record Use(Instant at, int weight) {
    }

    private final RateLimits limits;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Use> lastMinute = new ArrayDeque<>();
    private final Deque<Use> lastDay = new ArrayDeque<>();
    private int minuteUsed;
    private int dayUsed;
    private int inFlight;
    private Instant pausedUntil = Instant.MIN;
    private Integer dayRemainingAtVendor;

    public RateLimiter(RateLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public RateLimiter(RateLimits limits) {
        this(limits, Clock.systemUTC());
    }

    /** A call's slot; closing it ends the call. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Waits until a call of this weight fits the limits, then counts it.
     *
     * @throws DayBudgetExhausted when the day's budget would not allow it before tomorrow; waiting a day is not
     *                            something a bookkeeper wants an export to do silently
     */
    public Permit acquire(int weight) throws InterruptedException, DayBudgetExhausted {
        lock.lockInterruptibly();
        try {
            while (true) {
                Instant now = clock.instant();
                forget(lastMinute, now.minus(MINUTE), true);
                forget(lastDay, now.minus(DAY), false);
                if (limits.perDay() > 0 && dayUsed + weight > limits.perDay()) {
                    throw new DayBudgetExhausted(Duration.between(now, lastDay.peekFirst().at().plus(DAY)));
                }
                Duration wait = waitFor(now, weight);
                if (wait.isZero()) {
                    Use use = new Use(now, weight);
                    lastMinute.addLast(use);
                    lastDay.addLast(use);
                    minuteUsed += weight;
                    dayUsed += weight;
                    inFlight++;
                    return this::release;
                }
                if (wait.isNegative()) {
                    changed.await();
                } else {
                    changed.await(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The vendor refused a call and asked for a pause: every call to this account waits that long. */
    public void pause(Duration wait) {
        lock.lock();
        try {
            Instant until = clock.instant().plus(wait);
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** What the vendor reported it still allows today, when it reports that. */
    public void vendorReportsDayRemaining(int remaining) {
        lock.lock();
        try {
            dayRemainingAtVendor = remaining;
        } finally {
            lock.unlock();
        }
    }

    /** Calls left today: the vendor's own count when it gave one, else what this limiter counted. */
    public OptionalInt dayRemaining() {
        lock.lock();
        try {
            if (dayRemainingAtVendor != null) {
                return OptionalInt.of(dayRemainingAtVendor);
            }
            if (limits.perDay() == 0) {
                return OptionalInt.empty();
            }
            forget(lastDay, clock.instant().minus(DAY), false);
            return OptionalInt.of(limits.perDay() - dayUsed);
        } finally {
            lock.unlock();
        }
    }

    public RateLimits limits() {
        return limits;
    }

    /** Zero when the call may go now, negative when it must wait for a call to end, else how long to wait. */
    private Duration waitFor(Instant now, int weight) {
        if (now.isBefore(pausedUntil)) {
            return Duration.between(now, pausedUntil);
        }
        if (limits.concurrent() > 0 && inFlight >= limits.concurrent()) {
            return Duration.ofMillis(-1);
        }
        if (limits.perMinute() > 0 && minuteUsed > 0 && minuteUsed + weight > limits.perMinute()) {
            int toFree = minuteUsed + weight - limits.perMinute();
            for (Use use : lastMinute) {
                toFree -= use.weight();
                if (toFree <= 0) {
                    return Duration.between(now, use.at().plus(MINUTE)).plusMillis(1);
                }
            }
        }
        return Duration.ZERO;
    }

    private void forget(Deque<Use> window, Instant before, boolean minute) {
        while (!window.isEmpty() && !window.peekFirst().at().isAfter(before)) {
            int weight = window.removeFirst().weight();
            if (minute) {
                minuteUsed -= weight;
            } else {
                dayUsed -= weight;
            }
        }
    }

    private void release() {
        lock.lock();
        try {
            inFlight--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The day's budget is spent. */
    public static final class DayBudgetExhausted extends Exception {

        private static final long serialVersionUID = 1L;

        private final Duration untilFree;

        public DayBudgetExhausted(Duration untilFree) {
            super("The day's call budget is spent; the next call is possible in " + HttpProblems.words(untilFree));
            this.untilFree = untilFree;
        }

        public Duration untilFree() {
            return untilFree;
        }
    }
}
