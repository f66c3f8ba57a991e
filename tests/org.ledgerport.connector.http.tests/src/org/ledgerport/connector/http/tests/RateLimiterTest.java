package org.ledgerport.connector.http.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.ledgerport.connector.http.RateLimiter;
import org.ledgerport.connector.http.RateLimits;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void aCallOverTheMinuteLimitWaitsUntilTheOldestLeavesTheWindow() throws Exception {
        RateLimiter limiter = new RateLimiter(new RateLimits(3, 0, 0), clock);
        for (int i = 0; i < 3; i++) {
            limiter.acquire(1).close();
        }
        CompletableFuture<Void> fourth = CompletableFuture.runAsync(() -> acquireAndClose(limiter, 1));
        assertThrows(TimeoutException.class, () -> fourth.get(300, TimeUnit.MILLISECONDS),
                "a fourth call in the same minute must wait");
        clock.advance(Duration.ofSeconds(61));
        limiter.pause(Duration.ZERO);
        fourth.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aWeightedCallCountsAsManyCalls() throws Exception {
        RateLimiter limiter = new RateLimiter(new RateLimits(30, 0, 0), clock);
        limiter.acquire(25).close();
        CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> acquireAndClose(limiter, 10));
        assertThrows(TimeoutException.class, () -> batch.get(300, TimeUnit.MILLISECONDS));
        limiter.acquire(5).close();
        clock.advance(Duration.ofSeconds(61));
        limiter.pause(Duration.ZERO);
        batch.get(5, TimeUnit.SECONDS);
    }

    @Test
    void noMoreThanTheConcurrencyLimitAreInFlight() throws Exception {
        RateLimiter limiter = new RateLimiter(new RateLimits(0, 2, 0), clock);
        List<RateLimiter.Permit> held = new ArrayList<>();
        held.add(limiter.acquire(1));
        held.add(limiter.acquire(1));
        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> acquireAndClose(limiter, 1));
        assertThrows(TimeoutException.class, () -> third.get(300, TimeUnit.MILLISECONDS));
        held.remove(0).close();
        third.get(5, TimeUnit.SECONDS);
        held.forEach(RateLimiter.Permit::close);
    }

    @Test
    void aPauseAskedForByTheVendorHoldsEveryCall() throws Exception {
        RateLimiter limiter = new RateLimiter(new RateLimits(100, 0, 0), clock);
        limiter.pause(Duration.ofSeconds(30));
        CompletableFuture<Void> call = CompletableFuture.runAsync(() -> acquireAndClose(limiter, 1));
        assertThrows(TimeoutException.class, () -> call.get(300, TimeUnit.MILLISECONDS));
        clock.advance(Duration.ofSeconds(31));
        limiter.pause(Duration.ZERO);
        call.get(5, TimeUnit.SECONDS);
    }

    @Test
    void theDayBudgetStopsWithTheTimeUntilACallIsFreeAgain() throws Exception {
        RateLimiter limiter = new RateLimiter(new RateLimits(0, 0, 5), clock);
        limiter.acquire(4).close();
        clock.advance(Duration.ofHours(2));
        assertEquals(1, limiter.dayRemaining().getAsInt());
        RateLimiter.DayBudgetExhausted spent = assertThrows(RateLimiter.DayBudgetExhausted.class,
                () -> limiter.acquire(2));
        assertEquals(Duration.ofHours(22), spent.untilFree());
        limiter.vendorReportsDayRemaining(0);
        assertEquals(0, limiter.dayRemaining().getAsInt(), "the vendor's own count wins");
        clock.advance(Duration.ofHours(23));
        limiter.acquire(2).close();
    }

    private static void acquireAndClose(RateLimiter limiter, int weight) {
        try {
            limiter.acquire(weight).close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
