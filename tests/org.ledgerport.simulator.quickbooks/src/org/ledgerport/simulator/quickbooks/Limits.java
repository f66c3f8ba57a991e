package org.ledgerport.simulator.quickbooks;

/**
 * QuickBooks' call limits per company (reference 1.5).
 *
 * @param requestsPerMinute      calls per realm in any rolling minute; each operation of a batch counts as one
 * @param concurrentRequests     calls in flight at once per app and realm
 * @param batchRequestsPerMinute batch requests per realm in any rolling minute
 * @param batchOperations        operations one batch request may carry
 */
public record Limits(int requestsPerMinute, int concurrentRequests, int batchRequestsPerMinute,
        int batchOperations) {

    public Limits {
        if (requestsPerMinute < 1 || concurrentRequests < 1 || batchRequestsPerMinute < 1 || batchOperations < 1) {
            throw new IllegalArgumentException("Every limit is at least 1");
        }
    }

    /** 500 per minute, 10 at once, 40 batches per minute of at most 30 operations. */
    public static Limits documented() {
        return new Limits(500, 10, 40, 30);
    }
}
