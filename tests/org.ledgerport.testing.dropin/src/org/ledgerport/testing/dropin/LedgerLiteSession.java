package org.ledgerport.testing.dropin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.connector.PushResult;
import org.ledgerport.core.connector.ReferenceData;
import org.ledgerport.core.connector.ReferenceEntry;
import org.ledgerport.core.connector.Resolution;
import org.ledgerport.core.connector.StatusChange;
import org.ledgerport.core.connector.Withdrawal;
import org.ledgerport.core.connector.WithdrawalPlan;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.Problem;

/** Ledger Lite's lists, and its refusal of everything that would change its books. */
final class LedgerLiteSession implements ConnectorSession {

    private static final Problem REFUSED = Problem.error("ledger-lite.refused", "",
            "Ledger Lite is a test package and takes no invoices. Export to another connection.");

    @Override
    public ReferenceData referenceData(boolean refresh) {
        return new ReferenceData(
                List.of(new ReferenceEntry("LL-S", "S", "Standard", true), new ReferenceEntry("LL-Z", "Z", "Zero",
                        true)),
                List.of(new ReferenceEntry("LL-4000", "4000", "Sales", true),
                        new ReferenceEntry("LL-4100", "4100", "Services", true)),
                List.of(), Instant.now());
    }

    @Override
    public List<Problem> validate(OutgoingInvoice invoice, ReferenceData reference) {
        return List.of(REFUSED);
    }

    @Override
    public Resolution<Long> resolveCustomers(List<Customer> customers) {
        return new Resolution<>(Map.of(), refuseAll(customers.stream().map(Customer::id).toList()), 0);
    }

    @Override
    public Resolution<String> resolveItems(List<Item> items) {
        return new Resolution<>(Map.of(), refuseAll(items.stream().map(Item::code).toList()), 0);
    }

    @Override
    public List<PushResult> push(List<OutgoingInvoice> batch) {
        return batch.stream().<PushResult>map(i -> new PushResult.Rejected(i.ourReference(), List.of(REFUSED)))
                .toList();
    }

    @Override
    public Optional<ExternalInvoice> findByReference(String ourReference) {
        return Optional.empty();
    }

    @Override
    public WithdrawalPlan planWithdrawal(ExternalInvoice invoice) throws ConnectorException {
        throw new ConnectorException(REFUSED);
    }

    @Override
    public Withdrawal withdraw(ExternalInvoice invoice) throws ConnectorException {
        throw new ConnectorException(REFUSED);
    }

    @Override
    public List<StatusChange> statusChangesSince(Instant since) {
        return List.of();
    }

    @Override
    public void close() {
        // Nothing is held open.
    }

    private static <K> Map<K, Problem> refuseAll(List<K> keys) {
        return keys.stream().distinct().collect(Collectors.toMap(Function.identity(), key -> REFUSED));
    }
}
