package org.ledgerport.core.internal.export;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.access.Permission;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.ExternalPayment;
import org.ledgerport.core.connector.OutgoingPayment;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.export.ExportException;
import org.ledgerport.core.export.PaymentService;
import org.ledgerport.core.export.VendorState;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.HistoryEntry;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.Payment;
import org.ledgerport.core.model.PaymentDraft;
import org.ledgerport.core.model.PaymentState;
import org.ledgerport.core.store.Activity;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.ExportJournal;
import org.ledgerport.core.store.ExportJournal.EntityKind;
import org.ledgerport.core.store.ExportJournal.ExportReference;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.PaymentJournal;
import org.ledgerport.core.store.ProcessLog;
import org.ledgerport.core.store.StatusJournal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Sends payments recorded here to the package. A payment is marked as being sent before the request leaves and
 * carries a key derived from its id; after a lost answer it is looked for at the package before it is sent again,
 * with the same key. The invoice's state afterwards is applied by {@link VendorNews}' rules.
 */
@Component(service = PaymentService.class)
public final class PaymentEngine implements PaymentService {

    private final Accounts accounts;
    private final InvoiceStore invoices;
    private final ExportJournal journal;
    private final StatusJournal statusJournal;
    private final PaymentJournal payments;
    private final ProcessLog processLog;
    private final AccessControl access;
    private final VendorNews news;
    private final Clock clock = Clock.systemUTC();

    @Activate
    public PaymentEngine(@Reference ConnectorRegistry connectors, @Reference ConnectionStore connections,
            @Reference CredentialStore credentials, @Reference InvoiceStore invoices,
            @Reference ExportJournal journal, @Reference StatusJournal statusJournal,
            @Reference PaymentJournal payments, @Reference ProcessLog processLog, @Reference AccessControl access) {
        this.accounts = new Accounts(connectors, connections, credentials);
        this.invoices = invoices;
        this.journal = journal;
        this.statusJournal = statusJournal;
        this.payments = payments;
        this.processLog = processLog;
        this.access = access;
        this.news = new VendorNews(invoices, statusJournal);
    }

    @Override
    public Payment record(PaymentDraft draft, String user) {
        access.check(user, Permission.RECORD_PAYMENTS);
        Connection connection = accounts.connection(draft.connectionId());
        Invoice invoice = invoices.findInvoice(draft.invoiceId()).orElseThrow(
                () -> new IllegalArgumentException("Invoice #%d is not in the database.".formatted(draft.invoiceId())));
        refusal(draft, connection, invoice).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        Payment recorded = payments.record(draft, user, new HistoryEntry(invoice.id(), clock.instant(),
                HistoryEntry.Kind.PAYMENT_RECORDED, HistoryEntry.LEDGERPORT, user,
                "Payment of %s received on %s recorded%s, to be sent to %s.".formatted(draft.amount(), draft.date(),
                        draft.reference().isEmpty() ? "" : " (reference " + draft.reference() + ")",
                        connection.name())));
        processLog.record(new Activity(0, clock.instant(), user, "", Activity.Kind.PAYMENT, connection.name(),
                invoice.number(), "Recorded a payment of %s on %s.".formatted(draft.amount(), draft.date())));
        return send(connection, recorded, user, false);
    }

    /** Why the payment cannot be recorded, in plain words; empty when it can. */
    private Optional<String> refusal(PaymentDraft draft, Connection connection, Invoice invoice) {
        String n = invoice.number();
        if (invoice.status() != InvoiceStatus.EXPORTED) {
            return Optional.of(invoice.status() == InvoiceStatus.PAID || invoice.status() == InvoiceStatus.CLOSED
                    ? "Invoice %s is already paid in full.".formatted(n)
                    : "Invoice %s is %s; payments are recorded against exported invoices.".formatted(n,
                            invoice.status().label().toLowerCase()));
        }
        if (!draft.amount().currency().equals(invoice.currency())) {
            return Optional.of("Invoice %s is in %s; record the payment in %s too.".formatted(n,
                    invoice.currency().getCurrencyCode(), invoice.currency().getCurrencyCode()));
        }
        if (draft.amount().amount().signum() <= 0) {
            return Optional.of("A payment must be more than zero.");
        }
        if (draft.depositAccount().isEmpty()) {
            return Optional.of("Choose the account the money was paid into.");
        }
        if (journal.references(connection.id(), List.of(invoice.id())).get(invoice.id()) == null) {
            return Optional.of("Invoice %s is not in %s, so a payment cannot be sent there.".formatted(n,
                    connection.name()));
        }
        Connector connector = accounts.connector(connection);
        if (!connector.descriptor().capabilities().receivesPayments()) {
            return Optional.of("%s does not take payments from Ledgerport; record the payment there."
                    .formatted(connector.descriptor().displayName()));
        }
        Optional<VendorState> state = statusJournal.vendorStates(List.of(invoice.id()))
                .getOrDefault(invoice.id(), List.of()).stream().filter(s -> s.connectionId() == connection.id())
                .findFirst();
        if (state.isPresent() && state.get().amountDue() != null) {
            // Payments recorded here but not confirmed yet are not in the package's balance.
            Money due = payments.payments(invoice.id()).stream()
                    .filter(p -> p.state() == PaymentState.RECORDED || p.state() == PaymentState.SENDING)
                    .map(Payment::amount).reduce(state.get().amountDue(), Money::subtract);
            if (draft.amount().compareTo(due) > 0) {
                return Optional.of("Only %s is still due on invoice %s; the payment of %s is more than that."
                        .formatted(due, n, draft.amount()));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Payment> sendPending(long connectionId, String user) {
        access.check(user, Permission.RECORD_PAYMENTS);
        Connection connection = accounts.connection(connectionId);
        List<Payment> sent = new ArrayList<>();
        for (Payment payment : payments.unsent(connectionId)) {
            sent.add(send(connection, payment, user, true));
        }
        return sent;
    }

    @Override
    public List<Payment> payments(long invoiceId) {
        return payments.payments(invoiceId);
    }

    /** @param followUp an earlier attempt may have reached the package: look for the payment there first */
    private Payment send(Connection connection, Payment payment, String user, boolean followUp) {
        Optional<Payment> claimed = payments.startSending(payment.id());
        if (claimed.isEmpty()) {
            return payments.payment(payment.id()).orElse(payment);
        }
        ExportReference reference = journal.references(connection.id(), List.of(payment.invoiceId()))
                .get(payment.invoiceId());
        if (reference == null) {
            return payments.refused(payment.id(), "The invoice is no longer in %s (it was reverted or withdrawn)."
                    .formatted(connection.name()), entry(payment, connection, user,
                            "Payment of %s not sent: the invoice is no longer in %s.".formatted(payment.amount(),
                                    connection.name())));
        }
        Invoice invoice = invoices.findInvoice(payment.invoiceId()).orElseThrow(() -> new IllegalStateException(
                "Invoice #%d of the payment is no longer in the database.".formatted(payment.invoiceId())));
        String customerId = journal.externalIds(connection.id(), EntityKind.CUSTOMER,
                List.of(String.valueOf(invoice.customerId()))).getOrDefault(String.valueOf(invoice.customerId()), "");
        OutgoingPayment outgoing = new OutgoingPayment(reference.external(), customerId, payment.amount(),
                payment.date(), payment.depositAccount(), payment.reference(), idempotencyKey(connection, payment));
        ExternalPayment arrived;
        boolean foundThere;
        try (ConnectorSession session = accounts.open(connection)) {
            Optional<ExternalPayment> there = Optional.empty();
            if (followUp) {
                try {
                    there = session.findPayment(outgoing);
                } catch (ConnectorException e) {
                    // Sending it without knowing whether it is there could record it twice.
                    return payments.unconfirmed(payment.id(), ("Ledgerport could not check whether %s already has "
                            + "the payment: %s It is looked for again before it is sent again.")
                            .formatted(connection.name(), e.problem().message()));
                }
            }
            foundThere = there.isPresent();
            arrived = foundThere ? there.get() : session.sendPayment(outgoing);
        } catch (ConnectorException e) {
            // Sent again it carries the same key, so a payment that may have arrived, or one that could not be
            // sent just now (offline, throttled, signed out), waits to be sent again rather than being failed.
            if (e.mayHaveReachedVendor() || e.problem().retryable()) {
                return payments.unconfirmed(payment.id(), e.problem().message() + " Before it is sent again, Ledgerport "
                        + "looks for it there.");
            }
            return payments.refused(payment.id(), e.problem().message(), entry(payment, connection, user,
                    "Payment of %s refused by %s: %s".formatted(payment.amount(), connection.name(),
                            e.problem().message())));
        } catch (ExportException e) {
            return payments.unconfirmed(payment.id(), e.getMessage());
        } catch (RuntimeException e) {
            payments.unconfirmed(payment.id(), "Ledgerport failed while sending it: " + e);
            throw e;
        }
        String text = foundThere
                ? "Payment of %s on %s found in %s, where an earlier attempt whose answer was lost had recorded it; "
                        + "not sent again."
                : "Payment of %s on %s sent to %s and applied to the invoice there.";
        Payment sent = payments.sent(payment.id(), arrived.externalId(), entry(payment, connection, user,
                text.formatted(payment.amount(), payment.date(), connection.name())));
        news.apply(connection, accounts.source(connection), List.of(arrived.invoice()), null);
        return sent;
    }

    private HistoryEntry entry(Payment payment, Connection connection, String user, String text) {
        return new HistoryEntry(payment.invoiceId(), clock.instant(), HistoryEntry.Kind.PAYMENT_SENT,
                accounts.source(connection), user, text);
    }

    /** The same for every attempt at this payment, and short enough for every package's key field. */
    private static String idempotencyKey(Connection connection, Payment payment) {
        return UUID.nameUUIDFromBytes((connection.uid() + "/payment/" + payment.id()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
