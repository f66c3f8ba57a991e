package org.ledgerport.simulator.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulators' time, which tests move forward instead of waiting: token lifetimes, rate-limit windows and the
 * vendors' timestamps all read it. A ticking clock follows the computer's time (for demos and benchmarks); a
 * standing clock moves only when told to (for tests that need exact times).
 */
public final class SimClock extends Clock {

    private final boolean ticking;
    /** For a ticking clock, the offset from the system time; for a standing one, the instant itself. */
    private final AtomicReference<Instant> base;
    private final ZoneId zone;

    private SimClock(boolean ticking, AtomicReference<Instant> base, ZoneId zone) {
        this.ticking = ticking;
        this.base = base;
        this.zone = zone;
    }

    /** Follows the computer's clock, plus whatever {@link #advance(Duration)} added. */
    public static SimClock ticking() {
        return new SimClock(true, new AtomicReference<>(Instant.EPOCH), ZoneOffset.UTC);
    }

    /** Stands at {@code start} and moves only by {@link #advance(Duration)}. */
    public static SimClock standingAt(Instant start) {
        return new SimClock(false, new AtomicReference<>(start), ZoneOffset.UTC);
    }

    /** Moves the time forward (or back, with a negative duration) for every reader of this clock. */
    public void advance(Duration duration) {
        base.updateAndGet(b -> b.plus(duration));
    }

    public boolean isTicking() {
        return ticking;
    }

    @Override
    public Instant instant() {
        Instant b = base.get();
        return ticking ? Instant.now().plusSeconds(b.getEpochSecond()).plusNanos(b.getNano()) : b;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same time seen in another zone; advancing either moves both. */
    @Override
    public SimClock withZone(ZoneId other) {
        return new SimClock(ticking, base, other);
    }
}
