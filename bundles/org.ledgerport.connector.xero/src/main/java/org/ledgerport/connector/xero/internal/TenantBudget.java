package org.ledgerport.connector.xero.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Consumer;

import org.ledgerport.connector.http.HttpReply;
import org.ledgerport.connector.http.RateLimiter;
import org.ledgerport.connector.http.RateLimits;

/**
 * One Xero organisation's call budget: the limiter that paces Ledgerport's calls to it, fed with the calls Xero
 * reports left today on every reply, and when a spent day budget frees up again. Shared by every
 * connection to the organisation, as Xero counts per organisation and app.
 */
final class TenantBudget implements Consumer<HttpReply> {

    /** Xero's limits per organisation: 60 calls a minute, 5 at once, 5,000 in any 24 hours. */
    static final RateLimits LIMITS = new RateLimits(60, 5, 5000);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final RateLimiter limiter;
    private final Clock clock;
    private volatile Instant dayFreeAt;

    TenantBudget(Clock clock) {
        this.limiter = new RateLimiter(LIMITS, clock);
        this.clock = clock;
    }

    RateLimiter limiter() {
        return limiter;
    }

    @Override
    public void accept(HttpReply reply) {
        // X-MinLimit-Remaining needs no action: the limiter keeps the minute itself, and a refusal says how long
        // to wait. The day's figure is Xero's own count, which includes calls made from other computers.
        number(reply, "X-DayLimit-Remaining").ifPresent(limiter::vendorReportsDayRemaining);
        if (reply.status() == 429 && reply.header("X-Rate-Limit-Problem").orElse("").equalsIgnoreCase("day")) {
            dayFreeAt = clock.instant().plus(reply.retryAfter().orElse(Duration.ofHours(1)));
        }
    }

    /** Calls left today, as Xero last reported them (or as counted here before Xero said). */
    OptionalInt dayRemaining() {
        return limiter.dayRemaining();
    }

    /** When the spent day budget frees up again, in the words of a message ("after 14:05 tomorrow"). */
    String whenDayFrees(ZoneId zone) {
        Instant at = dayFreeAt;
        if (at == null || at.isBefore(clock.instant())) {
            return "once Xero's 24-hour window frees calls again (within a day)";
        }
        ZonedDateTime local = at.atZone(zone);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return "after " + TIME.format(local) + (local.toLocalDate().equals(today) ? " today" : " tomorrow");
    }

    private static OptionalInt number(HttpReply reply, String header) {
        try {
            return reply.header(header).map(v -> OptionalInt.of(Integer.parseInt(v.strip())))
                    .orElse(OptionalInt.empty());
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
