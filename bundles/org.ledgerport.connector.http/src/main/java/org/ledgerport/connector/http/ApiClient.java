package org.ledgerport.connector.http;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.function.Consumer;

import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.model.Problem;

/**
 * Calls one account's API: paced by the account's {@link RateLimiter}, signed with a token from its
 * {@link TokenKeeper}, refreshed once and retried after a 401, paused and retried after a 429 as long as the
 * vendor asks, and sent again after a lost answer or a 5xx only when the call is replay-safe.
 */
public final class ApiClient {

    private static final System.Logger LOG = System.getLogger(ApiClient.class.getName());

    /** A vendor asking for a longer pause than this stops the call with an explanation instead. */
    public static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    private static final int TRIES_AFTER_FAILURE = 3;
    private static final int TRIES_AFTER_THROTTLE = 20;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private final VendorHttp http;
    private final TokenKeeper tokens;
    private final RateLimiter limiter;
    private final Consumer<HttpReply> observer;

    /** @param observer sees every reply, for vendors that report their remaining budget in headers */
    public ApiClient(VendorHttp http, TokenKeeper tokens, RateLimiter limiter, Consumer<HttpReply> observer) {
        this.http = http;
        this.tokens = tokens;
        this.limiter = limiter;
        this.observer = observer;
    }

    public ApiClient(VendorHttp http, TokenKeeper tokens, RateLimiter limiter) {
        this(http, tokens, limiter, reply -> {
        });
    }

    public RateLimiter limiter() {
        return limiter;
    }

    public String vendor() {
        return http.vendor();
    }

    /**
     * Sends the call and returns the vendor's answer, which may be an error for the connector to interpret.
     *
     * @throws ConnectorException when no answer could be had; {@link ConnectorException#mayHaveReachedVendor()}
     *                            says whether the vendor may have done the work
     */
    public HttpReply call(HttpCall call) throws ConnectorException {
        boolean refreshed = false;
        int failures = 0;
        int throttles = 0;
        while (true) {
            String token = tokens.accessToken();
            HttpReply reply;
            try (RateLimiter.Permit permit = limiter.acquire(call.weight())) {
                reply = http.send(call.withHeader("Authorization", "Bearer " + token));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorException(Problem.error("export.cancelled", "",
                        "Stopped before " + call + " was sent."));
            } catch (RateLimiter.DayBudgetExhausted e) {
                throw HttpProblems.rateLimited(vendor(), e.untilFree(), "day");
            } catch (ConnectorException e) {
                if (!e.mayHaveReachedVendor() || call.replaySafe()) {
                    if (++failures < TRIES_AFTER_FAILURE) {
                        backOff(failures, call, e.getMessage());
                        continue;
                    }
                }
                throw e;
            }
            observer.accept(reply);
            if (reply.status() == 401 && !refreshed) {
                refreshed = true;
                tokens.renewAfterRejection(token);
                continue;
            }
            if (reply.status() == 429) {
                Duration wait = reply.retryAfter().orElse(backoff(++throttles));
                String which = reply.header("X-Rate-Limit-Problem").orElse("");
                if (wait.compareTo(LONGEST_WAIT) > 0 || throttles > TRIES_AFTER_THROTTLE) {
                    throw HttpProblems.rateLimited(vendor(), wait, which);
                }
                LOG.log(Level.DEBUG, () -> call + " throttled; waiting " + wait);
                limiter.pause(wait);
                continue;
            }
            if (reply.status() >= 500 && call.replaySafe() && ++failures < TRIES_AFTER_FAILURE) {
                reply.retryAfter().ifPresent(limiter::pause);
                backOff(failures, call, "HTTP " + reply.status());
                continue;
            }
            return reply;
        }
    }

    private void backOff(int failures, HttpCall call, String why) throws ConnectorException {
        Duration wait = backoff(failures);
        LOG.log(Level.DEBUG, () -> call + " failed (" + why + "); trying again in " + wait);
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException(Problem.error("export.cancelled", "",
                    "Stopped while waiting to send " + call + " again."));
        }
    }

    private static Duration backoff(int failures) {
        return FIRST_BACKOFF.multipliedBy(1L << Math.min(failures - 1, 6));
    }
}
