package org.ledgerport.core.internal.export;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.ledgerport.core.connector.StatusChange;
import org.ledgerport.core.connector.VendorStatus;
import org.ledgerport.core.export.StatusRefresh;
import org.ledgerport.core.export.VendorState;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.HistoryEntry;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.StatusJournal;
import org.ledgerport.core.store.StatusJournal.Reference;
import org.ledgerport.core.store.StatusJournal.VendorUpdate;

/**
 * Turns what a vendor reports about exported invoices into changes here, by one set of rules: paid in full makes
 * an invoice paid and then closed; partly paid, approved and the like are shown; voided or deleted there without
 * Ledgerport asking is flagged for the user and changes nothing else. Each change goes into the invoice's history
 * with the vendor's time and the connection as its source.
 */
final class VendorNews {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM);

    private final InvoiceStore invoices;
    private final StatusJournal statusJournal;

    VendorNews(InvoiceStore invoices, StatusJournal statusJournal) {
        this.invoices = invoices;
        this.statusJournal = statusJournal;
    }

    /** The outcome of applying news: one update per invoice whose state changed, and how many changed nothing. */
    record Applied(List<StatusRefresh.Update> updates, int unchanged) {
    }

    /**
     * Applies the changes, the latest per invoice winning, in one transaction with the connection's pull mark.
     *
     * @param pulledUpTo where the next pull starts from, or null to leave the mark where it is
     */
    Applied apply(Connection connection, String source, Collection<StatusChange> changes, Instant pulledUpTo) {
        Map<String, StatusChange> latest = new LinkedHashMap<>();
        for (StatusChange change : changes) {
            latest.merge(change.externalId(), change,
                    (a, b) -> b.changedAt().isBefore(a.changedAt()) ? a : b);
        }
        Map<String, Reference> references = statusJournal.referencesByExternalId(connection.id(), latest.keySet());
        List<Long> ids = references.values().stream().map(r -> r.reference().invoiceId()).distinct().toList();
        Map<Long, Invoice> loaded = new HashMap<>();
        invoices.loadInvoices(ids).forEach(i -> loaded.put(i.id(), i));
        Map<Long, List<VendorState>> known = statusJournal.vendorStates(ids);
        List<VendorUpdate> updates = new ArrayList<>();
        List<StatusRefresh.Update> news = new ArrayList<>();
        int unchanged = 0;
        for (StatusChange change : latest.values()) {
            Reference reference = references.get(change.externalId());
            Invoice invoice = reference == null ? null : loaded.get(reference.reference().invoiceId());
            // Not ours, or withdrawn by us: the vendor reporting our own delete or void is no news.
            if (invoice == null || reference.withdrawn() || sameAsKnown(connection, invoice, change, known)) {
                unchanged++;
                continue;
            }
            Update update = update(connection, invoice, change);
            updates.add(new VendorUpdate(invoice.id(), invoice.version(), update.state(), update.moves(),
                    List.of(new HistoryEntry(invoice.id(), change.changedAt(), update.kind(), source, "",
                            update.text()))));
            news.add(new StatusRefresh.Update(invoice.id(), invoice.number(), change.status(), change.amountDue(),
                    update.moves().isEmpty() ? invoice.status() : update.moves().get(update.moves().size() - 1),
                    update.state().needsAttention(), update.text()));
        }
        if (pulledUpTo != null || !updates.isEmpty()) {
            Map<Long, Invoice> after = statusJournal.applyPull(connection.id(), updates, pulledUpTo);
            news.replaceAll(n -> {
                Invoice now = after.get(n.invoiceId());
                return now == null ? n : new StatusRefresh.Update(n.invoiceId(), n.invoiceNumber(), n.status(),
                        n.amountDue(), now.status(), n.needsAttention(), n.text());
            });
        }
        return new Applied(news, unchanged);
    }

    private static boolean sameAsKnown(Connection connection, Invoice invoice, StatusChange change,
            Map<Long, List<VendorState>> known) {
        return known.getOrDefault(invoice.id(), List.of()).stream()
                .filter(s -> s.connectionId() == connection.id())
                .anyMatch(s -> s.status() == change.status() && Objects.equals(s.amountDue(), change.amountDue()));
    }

    /** What one change means here. */
    private record Update(VendorState state, List<InvoiceStatus> moves, HistoryEntry.Kind kind, String text) {
    }

    private static Update update(Connection connection, Invoice invoice, StatusChange change) {
        String there = connection.name();
        String due = change.amountDue() == null ? "" : change.amountDue().toString();
        boolean attention = false;
        List<InvoiceStatus> moves = List.of();
        HistoryEntry.Kind kind = HistoryEntry.Kind.VENDOR_STATUS;
        String text;
        switch (change.status()) {
            case PAID -> {
                moves = switch (invoice.status()) {
                    case EXPORTED -> List.of(InvoiceStatus.PAID, InvoiceStatus.CLOSED);
                    case PAID -> List.of(InvoiceStatus.CLOSED);
                    default -> List.of();
                };
                text = "Paid in full in %s.".formatted(there);
            }
            case PARTLY_PAID -> text = due.isEmpty() ? "Partly paid in %s.".formatted(there)
                    : "Partly paid in %s: %s still due.".formatted(there, due);
            case APPROVED -> text = due.isEmpty() ? "Approved in %s.".formatted(there)
                    : "Approved in %s, %s due.".formatted(there, due);
            case SUBMITTED -> text = "Submitted for approval in %s.".formatted(there);
            case DRAFT -> text = "A draft in %s.".formatted(there);
            case VOIDED, DELETED -> {
                attention = true;
                kind = HistoryEntry.Kind.VENDOR_PROBLEM;
                text = ("%s in %s by someone there on %s; Ledgerport changed nothing here. Decide whether the "
                        + "invoice becomes a draft again (to correct and export it anew) or is voided here too.")
                        .formatted(change.status() == VendorStatus.VOIDED ? "Voided" : "Deleted", there,
                                WHEN.format(change.changedAt().atZone(ZoneId.systemDefault())));
            }
            default -> throw new IllegalStateException("Unknown vendor status " + change.status());
        }
        VendorState state = new VendorState(invoice.id(), connection.id(), connection.name(), change.status(),
                change.amountDue(), change.changedAt(), attention);
        return new Update(state, moves, kind, text);
    }
}
