package org.ledgerport.testing.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.connector.AuthKind;
import org.ledgerport.core.connector.Capabilities;
import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorDescriptor;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.connector.PushResult;
import org.ledgerport.core.connector.ReferenceData;
import org.ledgerport.core.connector.Resolution;
import org.ledgerport.core.connector.SignIn;
import org.ledgerport.core.connector.StatusChange;
import org.ledgerport.core.connector.Withdrawal;
import org.ledgerport.core.connector.WithdrawalPlan;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.Problem;

/**
 * A connector whose "accounting package" is an in-memory ledger and which fails in every way the SPI allows,
 * on demand, once per scripted fault. Tests register it as a real OSGi service and watch the engine through it.
 */
public class ScriptedConnector implements Connector {

    /** Thrown where a real process would have died: between the vendor's commit and Ledgerport's confirmation. */
    public static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String invoice) {
            super("simulated crash after the vendor created invoice " + invoice);
        }
    }

    /** What a scripted fault does to the next push of one invoice. */
    public enum Fault {
        /** The vendor refuses the invoice. */
        REJECT,
        /** The vendor creates it, but the answer is lost. */
        TIMEOUT_AFTER_COMMIT,
        /** The request is lost before the vendor sees it. */
        TIMEOUT_BEFORE_COMMIT,
        /** The vendor creates it and the process dies before confirming. */
        CRASH_AFTER_COMMIT
    }

    private final ConnectorDescriptor descriptor;
    /** The vendor's invoices by our reference. */
    private final Map<String, ExternalInvoice> ledger = new ConcurrentHashMap<>();
    /** How many times the vendor created an invoice for each reference: anything above 1 is a duplicate. */
    private final Map<String, AtomicInteger> creations = new ConcurrentHashMap<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, Problem> validationProblems = new ConcurrentHashMap<>();
    private final Map<String, Problem> customerProblems = new ConcurrentHashMap<>();
    private final List<List<String>> pushes = Collections.synchronizedList(new ArrayList<>());
    private final List<List<String>> customerLookups = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger vendorNumbers = new AtomicInteger(5000);
    private volatile boolean lookupsFail;

    public ScriptedConnector(String id, String displayName, int maxBatchSize) {
        descriptor = new ConnectorDescriptor(id, displayName, "A scripted connector for Ledgerport's tests.", null,
                AuthKind.NONE, new Capabilities(true, maxBatchSize, true, true, false, 0, 0), List.of());
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    /** The next push of the invoice with this number meets the fault. */
    public void script(String invoiceNumber, Fault fault) {
        faults.put(invoiceNumber, fault);
    }

    /** The pre-flight finds this problem with the invoice. */
    public void failValidation(String invoiceNumber, Problem problem) {
        validationProblems.put(invoiceNumber, problem);
    }

    /** The vendor cannot create the customer of this name. */
    public void refuseCustomer(String name, Problem problem) {
        customerProblems.put(name, problem);
    }

    /** While true, looking invoices up fails as if the vendor could not be reached. */
    public void lookupsFail(boolean fail) {
        lookupsFail = fail;
    }

    /** How many times the vendor created an invoice with this invoice number, over all references. */
    public int created(String invoiceNumber) {
        return ledger.entrySet().stream().filter(e -> e.getValue().location().equals(invoiceNumber))
                .mapToInt(e -> creations.get(e.getKey()).get()).sum();
    }

    /** The invoice numbers of every push, in order. */
    public List<List<String>> pushes() {
        return List.copyOf(pushes);
    }

    /** The customer names of every bulk customer lookup, in order. */
    public List<List<String>> customerLookups() {
        return List.copyOf(customerLookups);
    }

    public Optional<ExternalInvoice> vendorCopy(String invoiceNumber) {
        return ledger.values().stream().filter(e -> e.location().equals(invoiceNumber)).findFirst();
    }

    @Override
    public AccountInfo connect(ConnectionContext context, SignIn signIn) {
        return new AccountInfo("scripted-account", descriptor.displayName() + " company", Map.of());
    }

    @Override
    public AccountInfo test(ConnectionContext context) {
        return new AccountInfo("scripted-account", descriptor.displayName() + " company", Map.of());
    }

    @Override
    public void disconnect(ConnectionContext context) {
        context.credentials().remove("token");
    }

    @Override
    public ConnectorSession openSession(ConnectionContext context) {
        return new Session();
    }

    private final class Session implements ConnectorSession {

        @Override
        public ReferenceData referenceData(boolean refresh) {
            return ReferenceData.none(Instant.now());
        }

        @Override
        public List<Problem> validate(OutgoingInvoice invoice, ReferenceData reference) {
            Problem problem = validationProblems.get(invoice.invoice().number());
            return problem == null ? List.of() : List.of(problem);
        }

        @Override
        public Resolution<Long> resolveCustomers(List<Customer> customers) {
            customerLookups.add(customers.stream().map(Customer::name).toList());
            Map<Long, String> resolved = new HashMap<>();
            Map<Long, Problem> failed = new HashMap<>();
            for (Customer customer : customers) {
                Problem problem = customerProblems.get(customer.name());
                if (problem == null) {
                    resolved.put(customer.id(), "C-" + customer.id());
                } else {
                    failed.put(customer.id(), problem);
                }
            }
            return new Resolution<>(resolved, failed, resolved.size());
        }

        @Override
        public Resolution<String> resolveItems(List<Item> items) {
            Map<String, String> resolved = new HashMap<>();
            items.forEach(item -> resolved.put(item.code(), "I-" + item.code()));
            return new Resolution<>(resolved, Map.of(), resolved.size());
        }

        @Override
        public List<PushResult> push(List<OutgoingInvoice> batch) {
            pushes.add(batch.stream().map(o -> o.invoice().number()).toList());
            List<PushResult> results = new ArrayList<>();
            for (OutgoingInvoice outgoing : batch) {
                String number = outgoing.invoice().number();
                String reference = outgoing.ourReference();
                Fault fault = faults.remove(number);
                if (fault == Fault.REJECT) {
                    results.add(new PushResult.Rejected(reference, List.of(Problem.vendor("vendor.rejected", "lines",
                            "The scripted vendor refused invoice " + number + ".", "6000", "A business validation error",
                            false))));
                    continue;
                }
                if (fault == Fault.TIMEOUT_BEFORE_COMMIT) {
                    results.add(new PushResult.Unknown(reference, Problem.vendor("vendor.timeout", "",
                            "No answer within 30 seconds", "", "", true)));
                    continue;
                }
                ExternalInvoice created = ledger.computeIfAbsent(reference, r -> new ExternalInvoice(
                        "EXT-" + vendorNumbers.incrementAndGet(), outgoing.numberToSend().isEmpty()
                                ? "V" + vendorNumbers.get() : outgoing.numberToSend(),
                        outgoing.invoice().issueDate(), "0", number));
                creations.computeIfAbsent(reference, r -> new AtomicInteger()).incrementAndGet();
                if (fault == Fault.CRASH_AFTER_COMMIT) {
                    throw new SimulatedCrash(number);
                }
                results.add(fault == Fault.TIMEOUT_AFTER_COMMIT
                        ? new PushResult.Unknown(reference,
                                Problem.vendor("vendor.timeout", "", "No answer within 30 seconds", "", "", true))
                        : new PushResult.Created(reference, created, List.of()));
            }
            return results;
        }

        @Override
        public Optional<ExternalInvoice> findByReference(String ourReference) throws ConnectorException {
            if (lookupsFail) {
                throw new ConnectorException(Problem.vendor("vendor.unreachable", "",
                        "The scripted vendor cannot be reached", "", "", true));
            }
            return Optional.ofNullable(ledger.get(ourReference));
        }

        /** The scripted vendor deletes every invoice it is asked to take back and keeps no number. */
        @Override
        public WithdrawalPlan planWithdrawal(ExternalInvoice invoice) {
            return new WithdrawalPlan(Withdrawal.DELETED, false, ledger.containsValue(invoice)
                    ? "Invoice " + invoice.number() + " will be deleted; its number can be used again."
                    : "Invoice " + invoice.number() + " is no longer there; nothing will change.");
        }

        @Override
        public Withdrawal withdraw(ExternalInvoice invoice) {
            ledger.values().remove(invoice);
            return Withdrawal.DELETED;
        }

        @Override
        public List<StatusChange> statusChangesSince(Instant since) {
            return List.of();
        }

        @Override
        public void close() {
            // Nothing is held open between calls.
        }
    }
}
