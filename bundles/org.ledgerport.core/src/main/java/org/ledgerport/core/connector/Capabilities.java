package org.ledgerport.core.connector;

/**
 * What a connector can do, so that the engine and the UI ask only for that.
 *
 * @param assignsNumbers    the package can number invoices itself
 * @param maxBatchSize      most invoices in one push
 * @param canVoid           an exported invoice can be voided there
 * @param canDelete         an exported invoice can be deleted there
 * @param pullsStatus       paid and voided status can be read back
 * @param requestsPerMinute the package's rate limit per account, or 0 when it has none
 * @param maxConcurrent     most requests in flight at once per account, or 0 when unlimited
 * @param receivesPayments  payments recorded in Ledgerport can be sent there and applied to the invoice
 */
public record Capabilities(boolean assignsNumbers, int maxBatchSize, boolean canVoid, boolean canDelete,
        boolean pullsStatus, int requestsPerMinute, int maxConcurrent, boolean receivesPayments) {

    /** The capabilities of a package that takes no payments from Ledgerport. */
    public Capabilities(boolean assignsNumbers, int maxBatchSize, boolean canVoid, boolean canDelete,
            boolean pullsStatus, int requestsPerMinute, int maxConcurrent) {
        this(assignsNumbers, maxBatchSize, canVoid, canDelete, pullsStatus, requestsPerMinute, maxConcurrent, false);
    }

    public Capabilities {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("A batch holds at least one invoice, not " + maxBatchSize);
        }
    }
}
