package org.ledgerport.core.connector;

import java.util.Objects;

/**
 * What withdrawing an exported invoice would do at the vendor, read there without changing anything. A
 * withdrawal the vendor's rules forbid is not a plan: {@link ConnectorSession#planWithdrawal} refuses it with a
 * problem saying what the user must do there first.
 *
 * @param action      delete or void
 * @param numberKept  the vendor keeps the invoice's number taken afterwards, so the revised invoice needs another
 * @param explanation what will happen there, in a bookkeeper's words
 */
public record WithdrawalPlan(Withdrawal action, boolean numberKept, String explanation) {

    public WithdrawalPlan {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(explanation, "explanation");
    }
}
