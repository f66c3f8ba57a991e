package org.ledgerport.core.internal.export;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.connector.PushResult;
import org.ledgerport.core.connector.ReferenceData;
import org.ledgerport.core.connector.Resolution;
import org.ledgerport.core.export.ExportException;
import org.ledgerport.core.export.ExportListener;
import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.Preflight;
import org.ledgerport.core.export.RunOutcome;
import org.ledgerport.core.model.Charge;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceRules;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.InvoiceTotals;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.Severity;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.store.ExportJournal;
import org.ledgerport.core.store.ExportJournal.Attempt;
import org.ledgerport.core.store.ExportJournal.Claim;
import org.ledgerport.core.store.ExportJournal.Confirmation;
import org.ledgerport.core.store.ExportJournal.EntityKind;
import org.ledgerport.core.store.ExportJournal.OpenAttempt;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.StatusJournal;

/**
 * One export (or check) on one connection: select, validate locally, match customers and items, then send in
 * batches, journaling each attempt before it leaves and confirming each result as it comes.
 */
final class ExportRun implements AutoCloseable {

    private final ConnectionContext context;
    private final Connection connection;
    private final Connector connector;
    private final InvoiceStore invoices;
    private final ExportJournal journal;
    private final StatusJournal statusJournal;
    private final ExportListener listener;
    private final String instance;
    private final Duration staleAfter;
    private final String packageName;

    private ConnectorSession session;
    private long runId;
    /** Invoices of the selection without a result yet, so a run-wide failure can give each its reason. */
    private final Map<Long, Invoice> undecided = new LinkedHashMap<>();
    private final Set<RunOutcomeFlag> flags = new HashSet<>();
    private final List<InvoiceResult> unlogged = new ArrayList<>();

    private enum RunOutcomeFlag {
        PROBLEMS, CANCELLED
    }

    /** A selected invoice that passed the local checks, with what would be sent. */
    private record Candidate(Invoice invoice, Customer customer, OutgoingInvoice outgoing, List<Problem> warnings) {
    }

    ExportRun(ConnectionContext context, Connector connector, InvoiceStore invoices, ExportJournal journal,
            StatusJournal statusJournal, ExportListener listener, String instance, Duration staleAfter) {
        this.context = context;
        this.connection = context.connection();
        this.connector = connector;
        this.invoices = invoices;
        this.journal = journal;
        this.statusJournal = statusJournal;
        this.listener = listener;
        this.instance = instance;
        this.staleAfter = staleAfter;
        this.packageName = connector.descriptor().displayName();
    }

    private ConnectorSession session() throws ConnectorException {
        if (session == null) {
            session = connector.openSession(context);
        }
        return session;
    }

    @Override
    public void close() {
        if (session != null) {
            session.close();
        }
    }

    Preflight preflight(List<Long> ids) {
        List<Preflight.Check> checks = new ArrayList<>();
        List<Candidate> candidates;
        try {
            candidates = prepare(ids, result -> checks.add(new Preflight.Check(result.invoiceId(),
                    result.invoiceNumber(), null, result.problems())));
        } catch (ConnectorException e) {
            List<Preflight.Check> failed = invoices.loadInvoices(ids).stream()
                    .map(i -> new Preflight.Check(i.id(), i.number(), null, List.of(e.problem()))).toList();
            return new Preflight(failed, 0, 0, 0, 0);
        }
        candidates.forEach(c -> checks.add(new Preflight.Check(c.invoice().id(), c.invoice().number(), c.outgoing(),
                c.warnings())));
        Set<String> customerIds = candidates.stream().map(c -> Long.toString(c.customer().id()))
                .collect(Collectors.toSet());
        Set<String> itemCodes = candidates.stream().flatMap(c -> c.outgoing().items().keySet().stream())
                .collect(Collectors.toSet());
        int customersKnown = journal.externalIds(connection.id(), EntityKind.CUSTOMER, customerIds).size();
        int itemsKnown = journal.externalIds(connection.id(), EntityKind.ITEM, itemCodes).size();
        return new Preflight(checks, customersKnown, customerIds.size() - customersKnown, itemsKnown,
                itemCodes.size() - itemsKnown);
    }

    void export(long run, List<Long> ids, boolean dryRun) {
        runId = run;
        RunOutcome outcome = RunOutcome.FAILED;
        try {
            listener.started(runId, ids.size());
            invoices.loadInvoices(ids).forEach(i -> undecided.put(i.id(), i));
            for (Long missing : ids) {
                if (!undecided.containsKey(missing)) {
                    record(new InvoiceResult(missing, "#" + missing, ExportOutcome.FAILED, null, List.of(Problem.error(
                            "invoice.missing", "", "Invoice #%d is not in the database.".formatted(missing)))));
                }
            }
            if (!dryRun) {
                settleOpenAttempts(undecided.keySet());
            }
            List<Candidate> candidates = prepare(List.copyOf(undecided.keySet()), this::record);
            if (dryRun) {
                candidates.forEach(c -> record(new InvoiceResult(c.invoice().id(), c.invoice().number(),
                        ExportOutcome.CHECKED, null, c.warnings())));
                outcome = RunOutcome.DRY_RUN;
                return;
            }
            send(resolve(candidates));
            outcome = flags.contains(RunOutcomeFlag.CANCELLED) ? RunOutcome.CANCELLED
                    : flags.contains(RunOutcomeFlag.PROBLEMS) ? RunOutcome.COMPLETED_WITH_PROBLEMS : RunOutcome.COMPLETED;
        } catch (ConnectorException e) {
            for (Invoice invoice : List.copyOf(undecided.values())) {
                record(new InvoiceResult(invoice.id(), invoice.number(), ExportOutcome.FAILED, null,
                        List.of(e.problem())));
            }
        } finally {
            logResults();
            journal.finishRun(runId, outcome);
        }
    }

    List<InvoiceResult> reconcileOnly(long run) {
        runId = run;
        RunOutcome outcome = RunOutcome.FAILED;
        List<InvoiceResult> results = new ArrayList<>();
        try {
            results = settleOpenAttempts(Set.of());
            outcome = results.stream().allMatch(r -> r.outcome() == ExportOutcome.EXPORTED) ? RunOutcome.COMPLETED
                    : RunOutcome.COMPLETED_WITH_PROBLEMS;
        } catch (ConnectorException e) {
            throw new ExportException(e.getMessage());
        } finally {
            logResults();
            journal.finishRun(runId, outcome);
        }
        return results;
    }

    /**
     * Settles the connection's open attempts that no live run owns by looking each invoice up at the vendor. An
     * invoice that is not there and is about to be sent in this run gets no result of its own here.
     */
    private List<InvoiceResult> settleOpenAttempts(Set<Long> aboutToSend) throws ConnectorException {
        List<InvoiceResult> results = new ArrayList<>();
        for (OpenAttempt open : journal.openAttempts(connection.id())) {
            if (ownedByLiveRun(open)) {
                continue;
            }
            Problem interrupted = new Problem("export.interrupted", Severity.WARNING, "",
                    "The export of invoice %s from %s was interrupted before its outcome was recorded".formatted(
                            open.invoiceNumber(), open.workstation()), "", "", true);
            InvoiceResult result = new Settlement(journal, session(), packageName).lookUp(open.attempt(),
                    open.invoiceNumber(), interrupted);
            if (result.outcome() == ExportOutcome.FAILED && aboutToSend.contains(open.attempt().invoiceId())) {
                continue;
            }
            results.add(result);
            record(result);
        }
        return results;
    }

    /** Another workstation's run that is still alive; only with a shared database can there be one. */
    private boolean ownedByLiveRun(OpenAttempt open) {
        return journal.shared() && !open.runFinished() && !instance.equals(open.engineInstance())
                && open.sinceHeartbeat().compareTo(staleAfter) < 0;
    }

    /** Loads and checks the invoices; reports the ones that cannot be sent and returns the rest. */
    private List<Candidate> prepare(List<Long> ids, Consumer<InvoiceResult> report)
            throws ConnectorException {
        List<Invoice> loaded = invoices.loadInvoices(ids);
        Map<Long, ExportJournal.ExportReference> exported = journal.references(connection.id(), ids);
        Map<Long, OpenAttempt> elsewhere = journal.openAttempts(connection.id()).stream().filter(this::ownedByLiveRun)
                .collect(Collectors.toMap(o -> o.attempt().invoiceId(), Function.identity(), (a, b) -> a));
        Map<Long, Customer> customers = invoices.listCustomers().stream()
                .collect(Collectors.toMap(Customer::id, Function.identity()));
        Map<String, TaxCode> taxCodes = invoices.listTaxCodes().stream()
                .collect(Collectors.toMap(TaxCode::code, Function.identity()));
        Map<String, Item> items = invoices.listItems().stream().collect(Collectors.toMap(Item::code, Function.identity()));
        Set<String> numbersKept = sendsOurNumbers()
                ? statusJournal.numbersKept(connection.id(), loaded.stream().map(Invoice::number).toList())
                : Set.of();
        ReferenceData reference = null;
        List<Candidate> candidates = new ArrayList<>();
        for (Invoice invoice : loaded) {
            Optional<String> skip = skipReason(invoice, exported.get(invoice.id()), elsewhere.get(invoice.id()));
            if (skip.isPresent()) {
                report.accept(new InvoiceResult(invoice.id(), invoice.number(), ExportOutcome.SKIPPED, null,
                        List.of(new Problem("export.skipped", Severity.INFO, "", skip.get(), "", "", false))));
                continue;
            }
            Customer customer = customers.get(invoice.customerId());
            List<Problem> problems = new ArrayList<>(InvoiceRules.check(invoice, customer, taxCodes, items));
            if (numbersKept.contains(invoice.number())) {
                problems.add(Problem.error("export.number-kept", "number", ("%s keeps the number %s for the "
                        + "invoice voided there when this one was reverted, and will not take it twice. Give the "
                        + "invoice a new number (revert it to draft, change the number, finalize it) and export it "
                        + "again.").formatted(packageName, invoice.number())));
            }
            OutgoingInvoice outgoing = null;
            if (problems.isEmpty()) {
                if (reference == null) {
                    reference = session().referenceData(false);
                }
                outgoing = outgoing(invoice, customer, items, taxCodes, "", Map.of());
                problems.addAll(session().validate(outgoing, reference));
            }
            if (problems.stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
                report.accept(new InvoiceResult(invoice.id(), invoice.number(), ExportOutcome.FAILED, null, problems));
            } else {
                candidates.add(new Candidate(invoice, customer, outgoing, problems));
            }
        }
        return candidates;
    }

    private Optional<String> skipReason(Invoice invoice, ExportJournal.ExportReference exported, OpenAttempt elsewhere) {
        String n = invoice.number();
        if (exported != null) {
            String number = exported.external().number().isEmpty() ? "" : " as " + exported.external().number();
            return Optional.of("Invoice %s is already in %s%s; it is not sent twice.".formatted(n, connection.name(), number));
        }
        if (elsewhere != null) {
            return Optional.of("Invoice %s is being exported from %s right now.".formatted(n, elsewhere.workstation()));
        }
        if (invoice.status() == InvoiceStatus.DRAFT) {
            return Optional.of("Invoice %s is a draft; finalize it to export it.".formatted(n));
        }
        if (invoice.status() != InvoiceStatus.FINALIZED) {
            return Optional.of("Invoice %s is %s; only finalized invoices are exported.".formatted(n,
                    invoice.status().label().toLowerCase()));
        }
        return Optional.empty();
    }

    private OutgoingInvoice outgoing(Invoice invoice, Customer customer, Map<String, Item> allItems,
            Map<String, TaxCode> allTaxCodes, String customerExternalId, Map<String, String> itemExternalIds) {
        Map<String, Item> items = new HashMap<>();
        Map<String, TaxCode> taxCodes = new HashMap<>();
        for (InvoiceLine line : invoice.lines()) {
            if (!line.itemCode().isEmpty()) {
                items.put(line.itemCode(), allItems.get(line.itemCode()));
            }
            addTaxCode(line.taxCode(), allTaxCodes, taxCodes);
        }
        for (Charge charge : invoice.charges()) {
            addTaxCode(charge.taxCode(), allTaxCodes, taxCodes);
        }
        return new OutgoingInvoice(invoice, customer, customerExternalId, items, itemExternalIds, taxCodes,
                InvoiceTotals.of(invoice, allTaxCodes, customer.taxExempt()), ourReference(invoice),
                idempotencyKey(invoice), sendsOurNumbers() ? invoice.number() : "");
    }

    /** Whether invoices go out under our numbers, not the package's. */
    private boolean sendsOurNumbers() {
        return connection.numbering() == NumberingPolicy.OURS || !connector.descriptor().capabilities().assignsNumbers();
    }

    private static void addTaxCode(String code, Map<String, TaxCode> all, Map<String, TaxCode> into) {
        if (!code.isEmpty()) {
            into.put(code, all.get(code));
        }
    }

    /** Unique per invoice version, so a revised invoice is never mistaken for its withdrawn predecessor. */
    private static String ourReference(Invoice invoice) {
        return "LP-" + invoice.id() + "-v" + invoice.version();
    }

    /** The same for every attempt at this version on this connection, so a vendor can drop a resend. */
    private String idempotencyKey(Invoice invoice) {
        String name = connection.uid() + "/" + invoice.id() + "/" + invoice.version();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Finds or creates the customers and items at the vendor, in bulk; fails the invoices whose ones failed. */
    private List<Candidate> resolve(List<Candidate> candidates) throws ConnectorException {
        Map<Long, Customer> customers = new LinkedHashMap<>();
        Map<String, Item> items = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            customers.put(c.customer().id(), c.customer());
            items.putAll(c.outgoing().items());
        }
        Map<String, String> customerIds = new HashMap<>(journal.externalIds(connection.id(), EntityKind.CUSTOMER,
                customers.keySet().stream().map(String::valueOf).toList()));
        Map<String, String> itemIds = new HashMap<>(journal.externalIds(connection.id(), EntityKind.ITEM,
                items.keySet()));
        Map<String, Problem> failures = new HashMap<>();
        List<Customer> unknownCustomers = customers.values().stream()
                .filter(c -> !customerIds.containsKey(String.valueOf(c.id()))).toList();
        if (!unknownCustomers.isEmpty()) {
            Resolution<Long> found = session().resolveCustomers(unknownCustomers);
            Map<String, String> learnt = found.resolved().entrySet().stream()
                    .collect(Collectors.toMap(e -> String.valueOf(e.getKey()), Map.Entry::getValue));
            journal.saveExternalIds(connection.id(), EntityKind.CUSTOMER, learnt);
            customerIds.putAll(learnt);
            found.failed().forEach((id, problem) -> failures.put("customer:" + id, problem));
        }
        List<Item> unknownItems = items.values().stream().filter(i -> !itemIds.containsKey(i.code())).toList();
        if (!unknownItems.isEmpty()) {
            Resolution<String> found = session().resolveItems(unknownItems);
            journal.saveExternalIds(connection.id(), EntityKind.ITEM, found.resolved());
            itemIds.putAll(found.resolved());
            found.failed().forEach((code, problem) -> failures.put("item:" + code, problem));
        }
        List<Candidate> resolved = new ArrayList<>();
        for (Candidate c : candidates) {
            List<Problem> problems = new ArrayList<>();
            Optional.ofNullable(failures.get("customer:" + c.customer().id())).ifPresent(problems::add);
            c.outgoing().items().keySet().forEach(code -> Optional.ofNullable(failures.get("item:" + code))
                    .ifPresent(problems::add));
            if (!problems.isEmpty()) {
                record(new InvoiceResult(c.invoice().id(), c.invoice().number(), ExportOutcome.FAILED, null, problems));
                continue;
            }
            Map<String, String> lineItemIds = c.outgoing().items().keySet().stream()
                    .collect(Collectors.toMap(Function.identity(), itemIds::get));
            OutgoingInvoice outgoing = new OutgoingInvoice(c.invoice(), c.customer(),
                    customerIds.get(String.valueOf(c.customer().id())), c.outgoing().items(), lineItemIds,
                    c.outgoing().taxCodes(), c.outgoing().totals(), c.outgoing().ourReference(),
                    c.outgoing().idempotencyKey(), c.outgoing().numberToSend());
            resolved.add(new Candidate(c.invoice(), c.customer(), outgoing, c.warnings()));
        }
        return resolved;
    }

    private void send(List<Candidate> candidates) throws ConnectorException {
        int batchSize = connector.descriptor().capabilities().maxBatchSize();
        for (int from = 0; from < candidates.size(); from += batchSize) {
            List<Candidate> batch = candidates.subList(from, Math.min(candidates.size(), from + batchSize));
            if (listener.isCancelled()) {
                flags.add(RunOutcomeFlag.CANCELLED);
                for (Candidate c : candidates.subList(from, candidates.size())) {
                    record(new InvoiceResult(c.invoice().id(), c.invoice().number(), ExportOutcome.SKIPPED, null,
                            List.of(new Problem("export.cancelled", Severity.INFO, "", ("The export was cancelled "
                                    + "before invoice %s was sent; it is still ready to export.")
                                    .formatted(c.invoice().number()), "", "", false))));
                }
                return;
            }
            sendBatch(batch);
            logResults();
        }
    }

    private void sendBatch(List<Candidate> batch) throws ConnectorException {
        Map<String, Candidate> byReference = new LinkedHashMap<>();
        batch.forEach(c -> byReference.put(c.outgoing().ourReference(), c));
        Map<String, Attempt> attempts = new LinkedHashMap<>();
        for (Attempt attempt : journal.claim(runId, connection.id(), batch.stream()
                .map(c -> new Claim(c.invoice(), c.outgoing().ourReference(), c.outgoing().idempotencyKey())).toList())) {
            attempts.put(attempt.ourReference(), attempt);
        }
        for (Candidate c : batch) {
            if (!attempts.containsKey(c.outgoing().ourReference())) {
                record(new InvoiceResult(c.invoice().id(), c.invoice().number(), ExportOutcome.SKIPPED, null,
                        List.of(new Problem("export.claimed-elsewhere", Severity.INFO, "", ("Invoice %s was changed "
                                + "or exported by someone else while this export ran; it was left alone.")
                                .formatted(c.invoice().number()), "", "", false))));
            }
        }
        if (attempts.isEmpty()) {
            return;
        }
        journal.heartbeat(runId);
        Settlement settlement = new Settlement(journal, session(), packageName);
        List<PushResult> results;
        try {
            results = session().push(attempts.keySet().stream().map(ref -> byReference.get(ref).outgoing()).toList());
        } catch (ConnectorException e) {
            for (Map.Entry<String, Attempt> entry : attempts.entrySet()) {
                String number = byReference.get(entry.getKey()).invoice().number();
                record(e.mayHaveReachedVendor() ? settlement.lookUp(entry.getValue(), number, e.problem())
                        : settlement.refused(entry.getValue(), number, List.of(e.problem())));
            }
            return;
        } catch (RuntimeException e) {
            Problem crashed = new Problem("connector.failed", Severity.ERROR, "",
                    "The %s connector failed unexpectedly: %s".formatted(packageName, e), "", "", true);
            attempts.forEach((ref, attempt) -> record(settlement.lookUp(attempt, byReference.get(ref).invoice().number(),
                    crashed)));
            return;
        }
        List<Created> created = new ArrayList<>();
        for (PushResult result : results) {
            Attempt attempt = attempts.get(result.ourReference());
            if (attempt == null) {
                continue;
            }
            String number = byReference.get(result.ourReference()).invoice().number();
            switch (result) {
                case PushResult.Created c -> created.add(new Created(attempt, c));
                case PushResult.Rejected rejected -> record(settlement.refused(attempt, number, rejected.problems()));
                case PushResult.Unknown unknown -> record(settlement.lookUp(attempt, number, unknown.problem()));
            }
            attempts.remove(result.ourReference());
        }
        confirmTogether(created, byReference, settlement);
        Problem noAnswer = new Problem("connector.no-result", Severity.WARNING, "",
                "The %s connector gave no result for the invoice".formatted(packageName), "", "", true);
        attempts.forEach((ref, attempt) -> record(settlement.lookUp(attempt, byReference.get(ref).invoice().number(),
                noAnswer)));
    }

    /** An attempt the vendor answered with a created invoice. */
    private record Created(Attempt attempt, PushResult.Created result) {
    }

    /** Commits the created invoices' references and status changes in one transaction for the batch. */
    private void confirmTogether(List<Created> created, Map<String, Candidate> byReference, Settlement settlement) {
        if (created.isEmpty()) {
            return;
        }
        List<Boolean> statusChanged = journal.confirm(
                created.stream().map(c -> new Confirmation(c.attempt(), c.result().external())).toList());
        for (int i = 0; i < created.size(); i++) {
            Created c = created.get(i);
            Candidate candidate = byReference.get(c.result().ourReference());
            record(settlement.confirmed(c.attempt(), candidate.invoice().number(), c.result().external(),
                    concat(candidate.warnings(), c.result().warnings()), statusChanged.get(i)));
        }
    }

    private static List<Problem> concat(Collection<Problem> a, Collection<Problem> b) {
        List<Problem> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Notes an invoice's result. Results reach the process log a batch at a time: the journal, not the log, is
     * what keeps an invoice from being sent twice, so the log may lag behind by one batch.
     */
    private void record(InvoiceResult result) {
        if (result.outcome() == ExportOutcome.FAILED || result.outcome() == ExportOutcome.UNCONFIRMED) {
            flags.add(RunOutcomeFlag.PROBLEMS);
        }
        undecided.remove(result.invoiceId());
        unlogged.add(result);
        listener.invoiceDone(result);
    }

    private void logResults() {
        journal.recordResults(runId, List.copyOf(unlogged));
        unlogged.clear();
    }
}
