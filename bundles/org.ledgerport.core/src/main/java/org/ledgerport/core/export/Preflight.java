package org.ledgerport.core.export;

import java.util.List;

import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.Severity;

/**
 * The local check of a selection before anything is sent: per invoice its problems (no error means it would
 * be sent) and what it would send, and how many customers and items the export would look up or create.
 *
 * @param customersKnown    customers already matched on this connection
 * @param customersToMatch  customers that will be matched by name or created
 */
public record Preflight(List<Check> invoices, int customersKnown, int customersToMatch, int itemsKnown,
        int itemsToMatch) {

    public Preflight {
        invoices = List.copyOf(invoices);
    }

    /** How many would be sent: those without an error (warnings do not stop an invoice). */
    public long passed() {
        return invoices.stream().filter(Check::passes).count();
    }

    /** One invoice's check; {@code outgoing} is null when it would not be sent. */
    public record Check(long invoiceId, String invoiceNumber, OutgoingInvoice outgoing, List<Problem> problems) {
        public Check {
            problems = List.copyOf(problems);
        }

        public boolean passes() {
            return outgoing != null && problems.stream().noneMatch(p -> p.severity() == Severity.ERROR);
        }
    }
}
