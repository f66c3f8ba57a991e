package org.ledgerport.connector.http;

/**
 * A vendor's limits for one account (a QuickBooks realm, a Xero tenant).
 *
 * @param perMinute  calls in any rolling minute, 0 for no limit
 * @param concurrent calls in flight at once, 0 for no limit
 * @param perDay     calls in any rolling 24 hours, 0 for no limit
 */
public record RateLimits(int perMinute, int concurrent, int perDay) {

    public RateLimits {
        if (perMinute < 0 || concurrent < 0 || perDay < 0) {
            throw new IllegalArgumentException("Rate limits are not negative");
        }
    }
}
