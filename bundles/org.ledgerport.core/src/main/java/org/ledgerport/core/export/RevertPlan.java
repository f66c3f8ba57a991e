package org.ledgerport.core.export;

import java.util.List;
import java.util.Objects;

import org.ledgerport.core.connector.Withdrawal;

/**
 * What reverting an invoice to draft would do at each connection it was exported to.
 *
 * @param suggestedNumber a number for the revised invoice when some vendor keeps the old one, else empty
 */
public record RevertPlan(long invoiceId, String invoiceNumber, List<Step> steps, String suggestedNumber) {

    public RevertPlan {
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        steps = List.copyOf(steps);
        suggestedNumber = suggestedNumber == null ? "" : suggestedNumber;
    }

    /**
     * One connection's part.
     *
     * @param action      delete or void there, or null when the vendor refuses
     * @param numberKept  the vendor keeps the number taken afterwards
     * @param explanation what happens there, or why it cannot and what to do first
     */
    public record Step(long connectionId, String connectionName, Withdrawal action, boolean numberKept,
            String explanation) {

        public boolean refused() {
            return action == null;
        }
    }

    /** Whether every vendor can withdraw the invoice. */
    public boolean possible() {
        return steps.stream().noneMatch(Step::refused);
    }

    /** Whether some vendor keeps the invoice's number, so the revised invoice should get another. */
    public boolean numberKept() {
        return steps.stream().anyMatch(Step::numberKept);
    }
}
