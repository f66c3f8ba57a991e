package org.ledgerport.core.internal.export;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.access.Permission;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.Withdrawal;
import org.ledgerport.core.connector.WithdrawalPlan;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.export.ExportException;
import org.ledgerport.core.export.RevertPlan;
import org.ledgerport.core.export.RevertRefusedException;
import org.ledgerport.core.export.RevisionService;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.HistoryEntry;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLifecycle;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.LifecycleException;
import org.ledgerport.core.model.PaymentState;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.store.Activity;
import org.ledgerport.core.store.ConcurrentChangeException;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.ExportJournal;
import org.ledgerport.core.store.ExportJournal.ExportReference;
import org.ledgerport.core.store.InvoiceHistory;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.PaymentJournal;
import org.ledgerport.core.store.ProcessLog;
import org.ledgerport.core.store.StatusJournal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reverts exported invoices: withdraws each at the vendor by the vendor's rules, records each withdrawal as soon as
 * the vendor confirmed it, and makes the invoice a draft only when none is left.
 */
@Component(service = RevisionService.class)
public final class RevisionEngine implements RevisionService {

    private final Accounts accounts;
    private final InvoiceStore invoices;
    private final ExportJournal journal;
    private final StatusJournal statusJournal;
    private final InvoiceHistory history;
    private final PaymentJournal payments;
    private final ProcessLog processLog;
    private final AccessControl access;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public RevisionEngine(@Reference ConnectorRegistry connectors, @Reference ConnectionStore connections,
            @Reference CredentialStore credentials, @Reference InvoiceStore invoices,
            @Reference ExportJournal journal, @Reference StatusJournal statusJournal,
            @Reference InvoiceHistory history, @Reference PaymentJournal payments, @Reference ProcessLog processLog,
            @Reference AccessControl access) {
        this.accounts = new Accounts(connectors, connections, credentials);
        this.invoices = invoices;
        this.journal = journal;
        this.statusJournal = statusJournal;
        this.history = history;
        this.payments = payments;
        this.processLog = processLog;
        this.access = access;
    }

    @Override
    public RevertPlan planRevert(long invoiceId, String user) {
        access.check(user, Permission.REVERT_EXPORTED);
        Invoice invoice = revertible(invoiceId);
        List<RevertPlan.Step> steps = new ArrayList<>();
        for (Map.Entry<Connection, ExportReference> live : accounts.liveReferences(journal, invoiceId).entrySet()) {
            Connection connection = live.getKey();
            try (ConnectorSession session = accounts.open(connection)) {
                WithdrawalPlan plan = session.planWithdrawal(live.getValue().external());
                steps.add(new RevertPlan.Step(connection.id(), connection.name(), plan.action(), plan.numberKept(),
                        plan.explanation()));
            } catch (ConnectorException e) {
                steps.add(new RevertPlan.Step(connection.id(), connection.name(), null, false, e.problem().message()));
            } catch (ExportException e) {
                steps.add(new RevertPlan.Step(connection.id(), connection.name(), null, false, e.getMessage()));
            }
        }
        boolean numberKept = steps.stream().anyMatch(RevertPlan.Step::numberKept);
        return new RevertPlan(invoiceId, invoice.number(), steps, numberKept ? freeNumber(invoice.number()) : "");
    }

    @Override
    public Invoice revert(long invoiceId, int expectedVersion, String newNumber, String user) {
        access.check(user, Permission.REVERT_EXPORTED);
        Invoice invoice = revertible(invoiceId);
        if (invoice.version() != expectedVersion) {
            throw new ConcurrentChangeException(("Invoice %s was changed by someone else since it was opened; open it "
                    + "again and revert it then.").formatted(invoice.number()));
        }
        String renumber = newNumber == null || newNumber.isBlank() || newNumber.strip().equals(invoice.number()) ? ""
                : newNumber.strip();
        if (!renumber.isEmpty() && invoices.findInvoiceByNumber(renumber).isPresent()) {
            throw new IllegalArgumentException("Another invoice already has the number %s; choose another."
                    .formatted(renumber));
        }
        List<String> withdrawn = new ArrayList<>();
        List<String> connectionNames = new ArrayList<>();
        for (Map.Entry<Connection, ExportReference> live : accounts.liveReferences(journal, invoiceId).entrySet()) {
            withdrawn.add(withdraw(invoice, live.getKey(), live.getValue(), user));
            connectionNames.add(live.getKey().name());
        }
        Invoice draft = invoices.changeStatus(invoiceId, invoice.version(), InvoiceStatus.DRAFT);
        if (!renumber.isEmpty()) {
            InvoiceDraft content = draft.draft();
            draft = invoices.updateInvoice(invoiceId, draft.version(), new InvoiceDraft(renumber, content.customerId(),
                    content.issueDate(), content.dueDate(), content.currency(), content.lines(), content.charges(),
                    content.memo(), content.taxMode()));
        }
        String text = "Reverted to draft by %s%s%s.".formatted(user,
                withdrawn.isEmpty() ? "" : " after " + String.join("; ", withdrawn),
                renumber.isEmpty() ? "" : "; renumbered from %s to %s".formatted(invoice.number(), renumber));
        history.record(List.of(new HistoryEntry(invoiceId, clock.instant(), HistoryEntry.Kind.REVERTED,
                HistoryEntry.LEDGERPORT, user, text)));
        processLog.record(new Activity(0, clock.instant(), user, "", Activity.Kind.REVERT,
                String.join(", ", connectionNames), invoice.number(), text));
        return draft;
    }

    /** Withdraws the invoice at one connection and records it; says what happened there. */
    private String withdraw(Invoice invoice, Connection connection, ExportReference reference, String user) {
        try (ConnectorSession session = accounts.open(connection)) {
            WithdrawalPlan plan = session.planWithdrawal(reference.external());
            Withdrawal how = session.withdraw(reference.external());
            boolean numberKept = how == plan.action() ? plan.numberKept() : how == Withdrawal.VOIDED;
            String what = "%s in %s (it was %s there)".formatted(how == Withdrawal.DELETED ? "deleted" : "voided",
                    connection.name(), reference.external().number().isEmpty() ? "exported"
                            : "number " + reference.external().number());
            statusJournal.withdrawn(connection.id(), invoice.id(), how, numberKept,
                    new HistoryEntry(invoice.id(), clock.instant(), HistoryEntry.Kind.WITHDRAWN,
                            accounts.source(connection), user, "Withdrawn: %s%s.".formatted(what, numberKept
                                    ? "; %s keeps the number %s".formatted(connection.name(),
                                            reference.external().number())
                                    : "")));
            return what;
        } catch (ConnectorException e) {
            throw new RevertRefusedException(e.problem());
        } catch (ExportException e) {
            throw new RevertRefusedException(e.problem().orElse(Problem.error(
                    "revert.unreachable", "", e.getMessage())));
        }
    }

    /** The invoice, when reverting it to draft is possible here at all (the vendors may still refuse). */
    private Invoice revertible(long invoiceId) {
        Invoice invoice = invoices.findInvoice(invoiceId)
                .orElseThrow(() -> new IllegalArgumentException("Invoice #%d is not in the database.".formatted(invoiceId)));
        InvoiceLifecycle.refusal(invoice, InvoiceStatus.DRAFT).ifPresent(reason -> {
            throw new LifecycleException(reason);
        });
        // A payment on its way may still land on the invoice; withdrawn first, it would be left unapplied there.
        if (payments.payments(invoiceId).stream()
                .anyMatch(p -> p.state() == PaymentState.RECORDED || p.state() == PaymentState.SENDING)) {
            throw new LifecycleException(("Invoice %s has a payment recorded here that the accounting package has not "
                    + "confirmed yet. Send it again (Record Payment, Send Again) and revert the invoice once it is "
                    + "confirmed.").formatted(invoice.number()));
        }
        return invoice;
    }

    /** The first of number-2, number-3, … that no invoice here has and no vendor keeps. */
    private String freeNumber(String number) {
        for (int n = 2;; n++) {
            String suffix = "-" + n;
            String candidate = number.length() + suffix.length() > Invoice.MAX_NUMBER_LENGTH
                    ? number.substring(0, Invoice.MAX_NUMBER_LENGTH - suffix.length()) + suffix
                    : number + suffix;
            if (invoices.findInvoiceByNumber(candidate).isEmpty() && accounts.all().stream()
                    .noneMatch(c -> !statusJournal.numbersKept(c.id(), Set.of(candidate)).isEmpty())) {
                return candidate;
            }
        }
    }
}
