package org.ledgerport.store.derby.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.ledgerport.core.model.HistoryEntry;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.Payment;
import org.ledgerport.core.model.PaymentDraft;
import org.ledgerport.core.model.PaymentState;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.PaymentJournal;
import org.ledgerport.core.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Payments recorded here and their way to the vendor, on the Ledgerport database. */
@Component(service = PaymentJournal.class)
public final class DerbyPaymentJournal implements PaymentJournal {

    /**
     * How long a workstation may be sending a payment before another one follows it up: one that crashed while
     * sending leaves its mark, and the payment must not wait for it forever.
     */
    static final int SENDING_TAKEN_OVER_AFTER_MINUTES = 10;

    private static final String COLUMNS = "id, invoice_id, connection_id, amount, currency, paid_on, deposit_account, "
            + "payment_reference, recorded_by, recorded_at, state, external_id, problem";

    private final DerbyDatabase database;

    @Activate
    public DerbyPaymentJournal(@Reference DerbyDatabase database) {
        this.database = database;
    }

    @Override
    public Payment record(PaymentDraft draft, String user, HistoryEntry entry) {
        Instant now = Instant.now();
        return database.write(InvoiceStore.TOPIC_INVOICES_CHANGED, c -> {
            long id;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO payment (invoice_id, connection_id, "
                    + "amount, currency, paid_on, deposit_account, payment_reference, recorded_by, recorded_at, state, "
                    + "external_id, problem) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '')",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, draft.invoiceId());
                insert.setLong(2, draft.connectionId());
                insert.setBigDecimal(3, draft.amount().amount());
                insert.setString(4, draft.amount().currency().getCurrencyCode());
                insert.setDate(5, Date.valueOf(draft.date()));
                insert.setString(6, draft.depositAccount());
                insert.setString(7, draft.reference());
                insert.setString(8, user);
                insert.setTimestamp(9, Timestamp.from(now));
                insert.setString(10, PaymentState.RECORDED.name());
                insert.executeUpdate();
                id = DerbyDatabase.generatedId(insert);
            } catch (SQLException e) {
                if (DerbyDatabase.MISSING_PARENT.equals(e.getSQLState())) {
                    throw new StoreException("The payment was not recorded: invoice #%d is not in the database."
                            .formatted(draft.invoiceId()), e);
                }
                throw e;
            }
            HistoryRows.insert(c, entry);
            return new Payment(id, draft.invoiceId(), draft.connectionId(), draft.amount(), draft.date(),
                    draft.depositAccount(), draft.reference(), user, now, PaymentState.RECORDED, "", "");
        });
    }

    @Override
    public Optional<Payment> payment(long paymentId) {
        return database.read(c -> find(c, paymentId));
    }

    @Override
    public List<Payment> payments(long invoiceId) {
        return database.read(c -> {
            try (PreparedStatement query = c
                    .prepareStatement("SELECT " + COLUMNS + " FROM payment WHERE invoice_id = ? ORDER BY id")) {
                query.setLong(1, invoiceId);
                return payments(query);
            }
        });
    }

    @Override
    public List<Payment> unsent(long connectionId) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM payment WHERE "
                    + "connection_id = ? AND state IN ('RECORDED', 'SENDING') ORDER BY id")) {
                query.setLong(1, connectionId);
                return payments(query);
            }
        });
    }

    @Override
    public Optional<Payment> startSending(long paymentId) {
        return database.write(InvoiceStore.TOPIC_INVOICES_CHANGED, c -> {
            // One statement decides, so two workstations cannot both take the payment; times are the database's,
            // which every workstation shares.
            try (PreparedStatement update = c.prepareStatement("UPDATE payment SET state = 'SENDING', "
                    + "sending_since = CURRENT_TIMESTAMP WHERE id = ? AND state IN ('RECORDED', 'SENDING') "
                    + "AND (sending_since IS NULL OR sending_since < {fn TIMESTAMPADD(SQL_TSI_MINUTE, -"
                    + SENDING_TAKEN_OVER_AFTER_MINUTES + ", CURRENT_TIMESTAMP)})")) {
                update.setLong(1, paymentId);
                if (update.executeUpdate() != 1) {
                    return Optional.<Payment>empty();
                }
            }
            return find(c, paymentId);
        });
    }

    @Override
    public Payment sent(long paymentId, String externalId, HistoryEntry entry) {
        return settle(paymentId, "state = 'SENT', external_id = ?, problem = ''", externalId,
                EnumSet.of(PaymentState.SENDING), entry);
    }

    @Override
    public Payment refused(long paymentId, String problem, HistoryEntry entry) {
        // Also from RECORDED: a payment may be refused before it was sent (the vendor turned the invoice down).
        return settle(paymentId, "state = 'FAILED', problem = ?", DerbyDatabase.clip(problem),
                EnumSet.of(PaymentState.RECORDED, PaymentState.SENDING), entry);
    }

    @Override
    public Payment unconfirmed(long paymentId, String problem) {
        // Still SENDING, but no longer in flight: the next follow-up may start at once, with the same key.
        return settle(paymentId, "problem = ?", DerbyDatabase.clip(problem), EnumSet.of(PaymentState.SENDING), null);
    }

    /** Sets a column of a payment in one of the states {@code from}, ends its sending, and adds its history entry. */
    private Payment settle(long paymentId, String set, String value, Set<PaymentState> from, HistoryEntry entry) {
        String states = from.stream().map(state -> "'" + state.name() + "'").collect(Collectors.joining(", "));
        return database.write(InvoiceStore.TOPIC_INVOICES_CHANGED, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE payment SET " + set
                    + ", sending_since = NULL WHERE id = ? AND state IN (" + states + ")")) {
                update.setString(1, value);
                update.setLong(2, paymentId);
                if (update.executeUpdate() != 1) {
                    Payment payment = find(c, paymentId).orElseThrow(() -> new StoreException(
                            "Payment #%d is not in the database.".formatted(paymentId)));
                    throw new StoreException(("Payment #%d of %s is %s and not being sent, so no answer from the "
                            + "accounting package can be recorded for it.").formatted(paymentId, payment.amount(),
                                    payment.state().label().toLowerCase()));
                }
            }
            if (entry != null) {
                HistoryRows.insert(c, entry);
            }
            return find(c, paymentId).orElseThrow();
        });
    }

    private static Optional<Payment> find(Connection c, long paymentId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM payment WHERE id = ?")) {
            query.setLong(1, paymentId);
            return payments(query).stream().findFirst();
        }
    }

    private static List<Payment> payments(PreparedStatement query) throws SQLException {
        List<Payment> payments = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                payments.add(new Payment(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        new Money(rs.getBigDecimal(4), Currency.getInstance(rs.getString(5))),
                        rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getTimestamp(10).toInstant(), PaymentState.valueOf(rs.getString(11)), rs.getString(12),
                        rs.getString(13)));
            }
        }
        return payments;
    }
}
