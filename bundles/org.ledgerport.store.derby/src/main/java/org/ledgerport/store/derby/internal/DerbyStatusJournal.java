package org.ledgerport.store.derby.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.connector.VendorStatus;
import org.ledgerport.core.connector.Withdrawal;
import org.ledgerport.core.export.VendorState;
import org.ledgerport.core.model.HistoryEntry;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceLifecycle;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.store.ExportJournal.ExportReference;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.StatusJournal;
import org.ledgerport.core.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** The status pulled back from the vendors, and withdrawals, on the Ledgerport database. */
@Component(service = StatusJournal.class)
public final class DerbyStatusJournal implements StatusJournal {

    private static final String STATE_QUERY = "SELECT v.invoice_id, v.connection_id, k.name, v.status, v.amount_due, "
            + "v.currency, v.changed_at, v.needs_attention FROM vendor_state v "
            + "JOIN accounting_connection k ON k.id = v.connection_id ";

    private final DerbyDatabase database;

    // Named in full: StatusJournal.Reference is in scope here.
    @Activate
    public DerbyStatusJournal(@org.osgi.service.component.annotations.Reference DerbyDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<Instant> lastPull(long connectionId) {
        return database.read(c -> {
            try (PreparedStatement query = c
                    .prepareStatement("SELECT pulled_up_to FROM status_pull WHERE connection_id = ?")) {
                query.setLong(1, connectionId);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.<Instant>empty();
                }
            }
        });
    }

    @Override
    public Map<String, Reference> referencesByExternalId(long connectionId, Collection<String> externalIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(externalIds));
        Map<String, Reference> references = new HashMap<>();
        for (int from = 0; from < ids.size(); from += InvoiceRows.CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + InvoiceRows.CHUNK));
            database.read(c -> {
                // Oldest first, so that the latest reference of an external id is the one kept.
                try (PreparedStatement query = c.prepareStatement("SELECT invoice_id, invoice_version, external_id, "
                        + "external_number, external_date, sync_token, location, exported_at, withdrawn_at "
                        + "FROM external_ref WHERE connection_id = ? AND external_id IN ("
                        + DerbyDatabase.placeholders(chunk.size()) + ") ORDER BY id")) {
                    query.setLong(1, connectionId);
                    for (int i = 0; i < chunk.size(); i++) {
                        query.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            Date date = rs.getDate(5);
                            ExportReference reference = new ExportReference(rs.getLong(1), rs.getInt(2),
                                    new ExternalInvoice(rs.getString(3), rs.getString(4),
                                            date == null ? null : date.toLocalDate(), rs.getString(6), rs.getString(7)),
                                    rs.getTimestamp(8).toInstant());
                            references.put(rs.getString(3), new Reference(reference, rs.getTimestamp(9) != null));
                        }
                    }
                }
                return null;
            });
        }
        return references;
    }

    @Override
    public Map<Long, Invoice> applyPull(long connectionId, List<VendorUpdate> updates, Instant pulledUpTo) {
        return database.write(InvoiceStore.TOPIC_INVOICES_CHANGED, c -> {
            String connectionName = connectionName(c, connectionId);
            for (VendorUpdate update : updates) {
                saveState(c, connectionId, update.invoiceId(), update.state());
                HistoryRows.insert(c, update.entries());
                move(c, connectionName, update);
            }
            if (pulledUpTo != null) {
                markPull(c, connectionId, pulledUpTo);
            }
            Map<Long, Invoice> after = new LinkedHashMap<>();
            for (Invoice invoice : InvoiceRows.load(c, updates.stream().map(VendorUpdate::invoiceId).distinct()
                    .toList())) {
                after.put(invoice.id(), invoice);
            }
            return after;
        });
    }

    /**
     * Moves the invoice through the update's statuses, each one by the lifecycle and told in its history, unless
     * it was changed here since it was read: then what the user did here wins and the history says so.
     */
    private static void move(Connection c, String connectionName, VendorUpdate update) throws SQLException {
        if (update.moves().isEmpty()) {
            return;
        }
        Invoice current = InvoiceRows.load(c, List.of(update.invoiceId())).stream().findFirst().orElseThrow(
                () -> new StoreException("Invoice #%d is not in the database (it may have been deleted)."
                        .formatted(update.invoiceId())));
        InvoiceStatus wanted = update.moves().getLast();
        if (current.version() != update.expectedVersion()) {
            HistoryRows.insert(c, new HistoryEntry(current.id(), Instant.now(), HistoryEntry.Kind.VENDOR_STATUS,
                    HistoryEntry.LEDGERPORT, "", ("%s would make it %s, but it was changed here meanwhile, so it "
                            + "stays %s.").formatted(connectionName, wanted.label().toLowerCase(),
                                    current.status().label().toLowerCase())));
            return;
        }
        for (InvoiceStatus target : update.moves()) {
            InvoiceLifecycle.check(current, target);
            current = InvoiceRows.moveStatus(c, current, target);
            HistoryRows.insert(c, new HistoryEntry(current.id(), Instant.now(), HistoryEntry.Kind.STATUS_CHANGED,
                    connectionName, "", movedBy(target, connectionName)));
        }
    }

    private static String movedBy(InvoiceStatus target, String connectionName) {
        return switch (target) {
            case PAID -> "Marked paid: %s has it paid in full.".formatted(connectionName);
            case CLOSED -> "Closed: paid in full, nothing more is due.";
            default -> "Made %s, by its status in %s.".formatted(target.label().toLowerCase(), connectionName);
        };
    }

    private static String connectionName(Connection c, long connectionId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT name FROM accounting_connection WHERE id = ?")) {
            query.setLong(1, connectionId);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("Connection #%d is not in the database; it may have been removed."
                            .formatted(connectionId));
                }
                return rs.getString(1);
            }
        }
    }

    private static void saveState(Connection c, long connectionId, long invoiceId, VendorState state)
            throws SQLException {
        Money due = state.amountDue();
        if (updateState(c, connectionId, invoiceId, state.status(), due, state.changedAt(), state.needsAttention())) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO vendor_state (status, amount_due, currency, "
                + "changed_at, needs_attention, connection_id, invoice_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bindState(insert, connectionId, invoiceId, state.status(), due, state.changedAt(), state.needsAttention());
            insert.executeUpdate();
        } catch (SQLException e) {
            // Another workstation saved the first state just now; Derby undid only the insert, so this one wins.
            if (!DerbyDatabase.DUPLICATE_KEY.equals(e.getSQLState())) {
                throw e;
            }
            updateState(c, connectionId, invoiceId, state.status(), due, state.changedAt(), state.needsAttention());
        }
    }

    private static boolean updateState(Connection c, long connectionId, long invoiceId, VendorStatus status,
            Money due, Instant changedAt, boolean needsAttention) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE vendor_state SET status = ?, amount_due = ?, "
                + "currency = ?, changed_at = ?, needs_attention = ? WHERE connection_id = ? AND invoice_id = ?")) {
            bindState(update, connectionId, invoiceId, status, due, changedAt, needsAttention);
            return update.executeUpdate() == 1;
        }
    }

    private static void bindState(PreparedStatement statement, long connectionId, long invoiceId,
            VendorStatus status, Money due, Instant changedAt, boolean needsAttention) throws SQLException {
        statement.setString(1, status.name());
        statement.setBigDecimal(2, due == null ? null : due.amount());
        statement.setString(3, due == null ? null : due.currency().getCurrencyCode());
        statement.setTimestamp(4, Timestamp.from(changedAt));
        statement.setBoolean(5, needsAttention);
        statement.setLong(6, connectionId);
        statement.setLong(7, invoiceId);
    }

    private static void markPull(Connection c, long connectionId, Instant pulledUpTo) throws SQLException {
        try (PreparedStatement update = c
                .prepareStatement("UPDATE status_pull SET pulled_up_to = ? WHERE connection_id = ?")) {
            update.setTimestamp(1, Timestamp.from(pulledUpTo));
            update.setLong(2, connectionId);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = c
                .prepareStatement("INSERT INTO status_pull (pulled_up_to, connection_id) VALUES (?, ?)")) {
            insert.setTimestamp(1, Timestamp.from(pulledUpTo));
            insert.setLong(2, connectionId);
            insert.executeUpdate();
        }
    }

    @Override
    public Map<Long, List<VendorState>> vendorStates(Collection<Long> invoiceIds) {
        List<Long> ids = List.copyOf(new LinkedHashSet<>(invoiceIds));
        Map<Long, List<VendorState>> states = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += InvoiceRows.CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + InvoiceRows.CHUNK));
            database.read(c -> {
                try (PreparedStatement query = c.prepareStatement(STATE_QUERY + "WHERE v.invoice_id IN ("
                        + DerbyDatabase.placeholders(chunk.size()) + ") ORDER BY v.invoice_id, k.name")) {
                    InvoiceRows.bind(query, chunk);
                    for (VendorState state : states(query)) {
                        states.computeIfAbsent(state.invoiceId(), id -> new ArrayList<>()).add(state);
                    }
                }
                return null;
            });
        }
        return states;
    }

    @Override
    public List<VendorState> needingAttention() {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement(STATE_QUERY + "WHERE v.needs_attention = TRUE "
                    + "ORDER BY v.changed_at, v.invoice_id")) {
                return states(query);
            }
        });
    }

    private static List<VendorState> states(PreparedStatement query) throws SQLException {
        List<VendorState> states = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                String currency = rs.getString(6);
                Money due = currency == null ? null
                        : new Money(rs.getBigDecimal(5), Currency.getInstance(currency.strip()));
                states.add(new VendorState(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        VendorStatus.valueOf(rs.getString(4)), due, rs.getTimestamp(7).toInstant(), rs.getBoolean(8)));
            }
        }
        return states;
    }

    @Override
    public void withdrawn(long connectionId, long invoiceId, Withdrawal how, boolean numberKept, HistoryEntry entry) {
        database.write(InvoiceStore.TOPIC_INVOICES_CHANGED, c -> {
            if (!markWithdrawn(c, connectionId, invoiceId, how, numberKept)) {
                String number = InvoiceRows.load(c, List.of(invoiceId)).stream().map(Invoice::number).findFirst()
                        .orElse("#" + invoiceId);
                throw new StoreException(("Invoice %s is not exported to %s, or was withdrawn there already; "
                        + "refresh its status and try again.").formatted(number, connectionName(c, connectionId)));
            }
            // Withdrawn at our request: the vendor's state says so, and nothing waits for the user's decision.
            VendorStatus status = how == Withdrawal.VOIDED ? VendorStatus.VOIDED : VendorStatus.DELETED;
            saveState(c, connectionId, invoiceId,
                    new VendorState(invoiceId, connectionId, "", status, null, Instant.now(), false));
            HistoryRows.insert(c, entry);
            return null;
        });
    }

    /** Keeps the reference, marked withdrawn; a NULL active key frees the invoice for another export there. */
    private static boolean markWithdrawn(Connection c, long connectionId, long invoiceId, Withdrawal how,
            boolean numberKept) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE external_ref SET withdrawn_at = CURRENT_TIMESTAMP, "
                + "withdrawal = ?, number_kept = ?, active_key = NULL WHERE connection_id = ? AND invoice_id = ? "
                + "AND active_key IS NOT NULL")) {
            update.setString(1, how.name());
            update.setBoolean(2, numberKept);
            update.setLong(3, connectionId);
            update.setLong(4, invoiceId);
            return update.executeUpdate() > 0;
        }
    }

    @Override
    public Set<String> numbersKept(long connectionId, Collection<String> numbers) {
        List<String> wanted = List.copyOf(new LinkedHashSet<>(numbers));
        Set<String> kept = new HashSet<>();
        for (int from = 0; from < wanted.size(); from += InvoiceRows.CHUNK) {
            List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + InvoiceRows.CHUNK));
            database.read(c -> {
                try (PreparedStatement query = c.prepareStatement("SELECT external_number FROM external_ref "
                        + "WHERE connection_id = ? AND withdrawn_at IS NOT NULL AND withdrawal = 'VOIDED' "
                        + "AND number_kept = TRUE AND external_number IN (" + DerbyDatabase.placeholders(chunk.size())
                        + ")")) {
                    query.setLong(1, connectionId);
                    for (int i = 0; i < chunk.size(); i++) {
                        query.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            kept.add(rs.getString(1));
                        }
                    }
                }
                return null;
            });
        }
        return kept;
    }

    @Override
    public Invoice resolve(long connectionId, long invoiceId, int expectedVersion, InvoiceStatus target,
            HistoryEntry entry) {
        if (target != InvoiceStatus.DRAFT && target != InvoiceStatus.VOID) {
            throw new IllegalArgumentException("A change at the vendor is resolved by making the invoice a draft "
                    + "again or void, not " + target.label().toLowerCase());
        }
        return database.write(InvoiceStore.TOPIC_INVOICES_CHANGED, c -> {
            Invoice current = DerbyInvoiceStore.current(c, invoiceId, expectedVersion);
            String connectionName = connectionName(c, connectionId);
            VendorStatus atVendor = awaitingDecision(c, connectionId, invoiceId).orElseThrow(
                    () -> new StoreException(("Invoice %s has no change in %s waiting for a decision; refresh its "
                            + "status to see where it stands.").formatted(current.number(), connectionName)));
            try (PreparedStatement update = c.prepareStatement("UPDATE vendor_state SET needs_attention = FALSE "
                    + "WHERE connection_id = ? AND invoice_id = ?")) {
                update.setLong(1, connectionId);
                update.setLong(2, invoiceId);
                update.executeUpdate();
            }
            // Both vendors keep the number of an invoice they voided (Xero only voids approved invoices); a deleted
            // invoice's number is free again.
            boolean voided = atVendor == VendorStatus.VOIDED;
            markWithdrawn(c, connectionId, invoiceId, voided ? Withdrawal.VOIDED : Withdrawal.DELETED, voided);
            DerbyInvoiceStore.requireWithdrawnEverywhere(c, current);
            // The lifecycle has no EXPORTED (or PAID, CLOSED) -> VOID, since voiding here must withdraw the invoice
            // at the vendor first. Here the vendor has already voided or deleted it, so the invoice is voided directly.
            if (!(target == InvoiceStatus.VOID && (current.status() == InvoiceStatus.EXPORTED
                    || current.status() == InvoiceStatus.PAID || current.status() == InvoiceStatus.CLOSED))) {
                InvoiceLifecycle.check(current, target);
            }
            Invoice resolved = InvoiceRows.moveStatus(c, current, target);
            HistoryRows.insert(c, entry);
            return resolved;
        });
    }

    private static Optional<VendorStatus> awaitingDecision(Connection c, long connectionId, long invoiceId)
            throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT status FROM vendor_state WHERE connection_id = ? "
                + "AND invoice_id = ? AND needs_attention = TRUE")) {
            query.setLong(1, connectionId);
            query.setLong(2, invoiceId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(VendorStatus.valueOf(rs.getString(1))) : Optional.empty();
            }
        }
    }
}
