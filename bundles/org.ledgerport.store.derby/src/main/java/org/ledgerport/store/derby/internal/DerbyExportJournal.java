package org.ledgerport.store.derby.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.RunOutcome;
import org.ledgerport.core.model.HistoryEntry;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.store.ExportJournal;
import org.ledgerport.core.store.InvoiceStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The export journal on the Ledgerport database. */
@Component(service = ExportJournal.class)
public final class DerbyExportJournal implements ExportJournal {

    private static final String OPEN = "OPEN";
    private static final String CONFIRMED = "CONFIRMED";
    private static final String RELEASED = "RELEASED";

    private final DerbyDatabase database;

    @Activate
    public DerbyExportJournal(@Reference DerbyDatabase database) {
        this.database = database;
    }

    @Override
    public boolean shared() {
        return database.shared();
    }

    @Override
    public long startRun(long connectionId, String user, String workstation, String engineInstance, int selected,
            boolean dryRun) {
        return database.write(null, c -> {
            String connectionName;
            try (PreparedStatement query = c.prepareStatement("SELECT name FROM accounting_connection WHERE id = ?")) {
                query.setLong(1, connectionId);
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("Connection #" + connectionId + " is not in the database");
                    }
                    connectionName = rs.getString(1);
                }
            }
            // A single-row VALUES insert: Derby reports generated keys for those only.
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO export_run (connection_id, "
                    + "connection_name, user_name, workstation, engine_instance, dry_run, selected, started_at, "
                    + "heartbeat_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, connectionId);
                insert.setString(2, connectionName);
                insert.setString(3, user);
                insert.setString(4, workstation);
                insert.setString(5, engineInstance);
                insert.setBoolean(6, dryRun);
                insert.setInt(7, selected);
                insert.setString(8, RunOutcome.RUNNING.name());
                insert.executeUpdate();
                return DerbyDatabase.generatedId(insert);
            }
        });
    }

    @Override
    public void heartbeat(long runId) {
        database.write(null, c -> {
            try (PreparedStatement update = c
                    .prepareStatement("UPDATE export_run SET heartbeat_at = CURRENT_TIMESTAMP WHERE id = ?")) {
                update.setLong(1, runId);
                return update.executeUpdate();
            }
        });
    }

    @Override
    public void finishRun(long runId, RunOutcome outcome) {
        database.write(null, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE export_run SET finished_at = CURRENT_TIMESTAMP, "
                    + "heartbeat_at = CURRENT_TIMESTAMP, outcome = ? WHERE id = ?")) {
                update.setString(1, outcome.name());
                update.setLong(2, runId);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void recordResults(long runId, List<InvoiceResult> results) {
        if (results.isEmpty()) {
            return;
        }
        database.write(null, c -> {
            int seq;
            try (PreparedStatement query = c
                    .prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM export_result WHERE run_id = ?")) {
                query.setLong(1, runId);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    seq = rs.getInt(1);
                }
            }
            try (PreparedStatement result = c.prepareStatement("INSERT INTO export_result (run_id, seq, invoice_id, "
                    + "invoice_number, outcome, external_id, external_number, external_date, sync_token, location) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement problem = c.prepareStatement("INSERT INTO export_problem (run_id, result_seq, "
                            + "seq, code, severity, field, message, vendor_code, vendor_message, retryable) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (InvoiceResult r : results) {
                    seq++;
                    addResult(result, runId, seq, r);
                    int problemSeq = 1;
                    for (Problem p : r.problems()) {
                        problem.setLong(1, runId);
                        problem.setInt(2, seq);
                        problem.setInt(3, problemSeq++);
                        problem.setString(4, p.code());
                        problem.setString(5, p.severity().name());
                        problem.setString(6, p.field());
                        problem.setString(7, DerbyDatabase.clip(p.message()));
                        problem.setString(8, p.vendorCode());
                        problem.setString(9, DerbyDatabase.clip(p.vendorMessage()));
                        problem.setBoolean(10, p.retryable());
                        problem.addBatch();
                    }
                }
                result.executeBatch();
                problem.executeBatch();
            }
            return null;
        });
    }

    private static void addResult(PreparedStatement insert, long runId, int seq, InvoiceResult result)
            throws SQLException {
        ExternalInvoice external = result.external();
        insert.setLong(1, runId);
        insert.setInt(2, seq);
        insert.setLong(3, result.invoiceId());
        insert.setString(4, result.invoiceNumber());
        insert.setString(5, result.outcome().name());
        insert.setString(6, external == null ? null : external.externalId());
        insert.setString(7, external == null ? null : external.number());
        insert.setDate(8, external == null || external.date() == null ? null : Date.valueOf(external.date()));
        insert.setString(9, external == null ? null : external.syncToken());
        insert.setString(10, external == null ? null : external.location());
        insert.addBatch();
    }

    @Override
    public Map<Long, ExportReference> references(long connectionId, Collection<Long> invoiceIds) {
        return database.read(c -> {
            List<Long> ids = List.copyOf(invoiceIds);
            Map<Long, ExportReference> references = new HashMap<>();
            for (int from = 0; from < ids.size(); from += InvoiceRows.CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + InvoiceRows.CHUNK));
                try (PreparedStatement query = c.prepareStatement("SELECT invoice_id, invoice_version, external_id, "
                        + "external_number, external_date, sync_token, location, exported_at FROM external_ref "
                        + "WHERE connection_id = ? AND active_key IS NOT NULL AND invoice_id IN ("
                        + DerbyDatabase.placeholders(chunk.size()) + ")")) {
                    query.setLong(1, connectionId);
                    for (int i = 0; i < chunk.size(); i++) {
                        query.setLong(i + 2, chunk.get(i));
                    }
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            Date date = rs.getDate(5);
                            references.put(rs.getLong(1), new ExportReference(rs.getLong(1), rs.getInt(2),
                                    new ExternalInvoice(rs.getString(3), rs.getString(4),
                                            date == null ? null : date.toLocalDate(), rs.getString(6), rs.getString(7)),
                                    rs.getTimestamp(8).toInstant()));
                        }
                    }
                }
            }
            return references;
        });
    }

    private static String claimKey(long connectionId, long invoiceId) {
        return connectionId + ":" + invoiceId;
    }

    @Override
    public List<Attempt> claim(long runId, long connectionId, List<Claim> claims) {
        return database.write(null, c -> {
            List<Attempt> attempts = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO export_attempt (run_id, connection_id, "
                    + "invoice_id, invoice_version, our_reference, idempotency_key, state, open_claim, started_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)", Statement.RETURN_GENERATED_KEYS)) {
                for (Claim claim : claims) {
                    Invoice invoice = claim.invoice();
                    if (!stillReady(c, connectionId, invoice)) {
                        continue;
                    }
                    insert.setLong(1, runId);
                    insert.setLong(2, connectionId);
                    insert.setLong(3, invoice.id());
                    insert.setInt(4, invoice.version());
                    insert.setString(5, claim.ourReference());
                    insert.setString(6, claim.idempotencyKey());
                    insert.setString(7, OPEN);
                    insert.setString(8, claimKey(connectionId, invoice.id()));
                    try {
                        insert.executeUpdate();
                    } catch (SQLException e) {
                        // Derby undoes only the failed statement: the claims before it stay in the transaction.
                        if (DerbyDatabase.DUPLICATE_KEY.equals(e.getSQLState())) {
                            continue;
                        }
                        throw e;
                    }
                    attempts.add(new Attempt(DerbyDatabase.generatedId(insert), runId, connectionId, invoice.id(),
                            invoice.version(), claim.ourReference(), claim.idempotencyKey()));
                }
            }
            return attempts;
        });
    }

    /** Still finalized at the version the engine read, and not exported to the connection meanwhile. */
    private static boolean stillReady(Connection c, long connectionId, Invoice invoice) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT COUNT(*) FROM invoice i WHERE i.id = ? "
                + "AND i.version = ? AND i.status = 'FINALIZED' AND NOT EXISTS (SELECT 1 FROM external_ref r "
                + "WHERE r.active_key = ?)")) {
            query.setLong(1, invoice.id());
            query.setInt(2, invoice.version());
            query.setString(3, claimKey(connectionId, invoice.id()));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    @Override
    public List<Boolean> confirm(List<Confirmation> confirmations) {
        return database.write(InvoiceStore.TOPIC_INVOICES_CHANGED, c -> {
            List<Boolean> statusChanged = new ArrayList<>();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO external_ref (connection_id, invoice_id, "
                    + "invoice_version, attempt_id, external_id, external_number, external_date, sync_token, location, "
                    + "exported_at, active_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, ?)");
                    PreparedStatement exported = c.prepareStatement("UPDATE invoice SET status = 'EXPORTED', "
                            + "version = version + 1 WHERE id = ? AND version = ? AND status = 'FINALIZED'")) {
                for (Confirmation confirmation : confirmations) {
                    Attempt attempt = confirmation.attempt();
                    ExternalInvoice external = confirmation.external();
                    settle(c, attempt, CONFIRMED);
                    insert.setLong(1, attempt.connectionId());
                    insert.setLong(2, attempt.invoiceId());
                    insert.setInt(3, attempt.invoiceVersion());
                    insert.setLong(4, attempt.id());
                    insert.setString(5, external.externalId());
                    insert.setString(6, external.number());
                    insert.setDate(7, external.date() == null ? null : Date.valueOf(external.date()));
                    insert.setString(8, external.syncToken());
                    insert.setString(9, external.location());
                    insert.setString(10, claimKey(attempt.connectionId(), attempt.invoiceId()));
                    insert.executeUpdate();
                    exported.setLong(1, attempt.invoiceId());
                    exported.setInt(2, attempt.invoiceVersion());
                    boolean changed = exported.executeUpdate() == 1;
                    statusChanged.add(changed);
                    HistoryRows.insert(c, exportedEntry(c, attempt, external, changed));
                }
            }
            return statusChanged;
        });
    }

    /** The history's word of the export, attributed to the user of the run that sent it. */
    private static HistoryEntry exportedEntry(Connection c, Attempt attempt, ExternalInvoice external,
            boolean statusChanged) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT r.user_name, r.connection_name FROM export_run r "
                + "WHERE r.id = ?")) {
            query.setLong(1, attempt.runId());
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("Export run #" + attempt.runId() + " is not in the database");
                }
                String connection = rs.getString(2);
                String text = external.number().isEmpty() ? "Exported to %s.".formatted(connection)
                        : "Exported to %s as %s.".formatted(connection, external.number());
                if (!statusChanged) {
                    text += " It was changed here while it was being exported, so it kept its status.";
                }
                return new HistoryEntry(attempt.invoiceId(), Instant.now(), HistoryEntry.Kind.EXPORTED, connection,
                        rs.getString(1), text);
            }
        }
    }

    @Override
    public void release(Attempt attempt) {
        database.write(null, c -> {
            settle(c, attempt, RELEASED);
            return null;
        });
    }

    private static void settle(Connection c, Attempt attempt, String state) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE export_attempt SET state = ?, open_claim = NULL, "
                + "settled_at = CURRENT_TIMESTAMP WHERE id = ? AND state = 'OPEN'")) {
            update.setString(1, state);
            update.setLong(2, attempt.id());
            if (update.executeUpdate() != 1) {
                throw new SQLException("Export attempt #" + attempt.id() + " was already settled");
            }
        }
    }

    @Override
    public List<OpenAttempt> openAttempts(long connectionId) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT a.id, a.run_id, a.invoice_id, "
                    + "a.invoice_version, a.our_reference, a.idempotency_key, i.number, r.workstation, "
                    + "r.engine_instance, r.finished_at, "
                    + "{fn TIMESTAMPDIFF(SQL_TSI_SECOND, r.heartbeat_at, CURRENT_TIMESTAMP)} "
                    + "FROM export_attempt a JOIN export_run r ON r.id = a.run_id JOIN invoice i ON i.id = a.invoice_id "
                    + "WHERE a.connection_id = ? AND a.state = 'OPEN' ORDER BY a.id")) {
                query.setLong(1, connectionId);
                List<OpenAttempt> open = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        Timestamp finished = rs.getTimestamp(10);
                        open.add(new OpenAttempt(new Attempt(rs.getLong(1), rs.getLong(2), connectionId, rs.getLong(3),
                                rs.getInt(4), rs.getString(5), rs.getString(6)), rs.getString(7), rs.getString(8),
                                rs.getString(9), finished != null, Duration.ofSeconds(Math.max(0, rs.getLong(11)))));
                    }
                }
                return open;
            }
        });
    }

    @Override
    public Map<String, String> externalIds(long connectionId, EntityKind kind, Collection<String> localKeys) {
        return database.read(c -> {
            List<String> keys = List.copyOf(localKeys);
            Map<String, String> found = new HashMap<>();
            for (int from = 0; from < keys.size(); from += InvoiceRows.CHUNK) {
                List<String> chunk = keys.subList(from, Math.min(keys.size(), from + InvoiceRows.CHUNK));
                try (PreparedStatement query = c.prepareStatement("SELECT local_key, external_id FROM entity_mapping "
                        + "WHERE connection_id = ? AND kind = ? AND local_key IN ("
                        + DerbyDatabase.placeholders(chunk.size()) + ")")) {
                    query.setLong(1, connectionId);
                    query.setString(2, kind.name());
                    for (int i = 0; i < chunk.size(); i++) {
                        query.setString(i + 3, chunk.get(i));
                    }
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
            }
            return found;
        });
    }

    @Override
    public void saveExternalIds(long connectionId, EntityKind kind, Map<String, String> externalIds) {
        database.write(null, c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM entity_mapping WHERE connection_id = ? AND kind = ? AND local_key = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO entity_mapping (connection_id, kind, "
                            + "local_key, external_id) VALUES (?, ?, ?, ?)")) {
                for (Map.Entry<String, String> e : externalIds.entrySet()) {
                    delete.setLong(1, connectionId);
                    delete.setString(2, kind.name());
                    delete.setString(3, e.getKey());
                    delete.addBatch();
                    insert.setLong(1, connectionId);
                    insert.setString(2, kind.name());
                    insert.setString(3, e.getKey());
                    insert.setString(4, e.getValue());
                    insert.addBatch();
                }
                delete.executeBatch();
                insert.executeBatch();
            }
            return null;
        });
    }
}
