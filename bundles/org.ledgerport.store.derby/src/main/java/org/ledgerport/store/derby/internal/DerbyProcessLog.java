package org.ledgerport.store.derby.internal;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.export.ExportState;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.RunOutcome;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.Severity;
import org.ledgerport.core.store.Activity;
import org.ledgerport.core.store.ProcessLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The process log on the Ledgerport database. */
@Component(service = ProcessLog.class)
public final class DerbyProcessLog implements ProcessLog {

    private static final String RUN_QUERY = "SELECT r.id, r.connection_id, r.connection_name, r.user_name, "
            + "r.workstation, r.started_at, r.finished_at, r.selected, r.outcome, "
            + "(SELECT COUNT(*) FROM export_result x WHERE x.run_id = r.id AND x.outcome = 'EXPORTED'), "
            + "(SELECT COUNT(*) FROM export_result x WHERE x.run_id = r.id AND x.outcome = 'FAILED'), "
            + "(SELECT COUNT(*) FROM export_result x WHERE x.run_id = r.id AND x.outcome = 'SKIPPED'), "
            + "(SELECT COUNT(*) FROM export_result x WHERE x.run_id = r.id AND x.outcome = 'UNCONFIRMED') "
            + "FROM export_run r ";

    private final DerbyDatabase database;

    @Activate
    public DerbyProcessLog(@Reference DerbyDatabase database) {
        this.database = database;
    }

    @Override
    public Activity record(Activity activity) {
        return database.write(null, c -> ActivityRows.insert(c, activity));
    }

    @Override
    public List<Activity> recentActivity(int limit) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT id, happened_at, user_name, workstation, kind, "
                    + "connection_name, invoice_number, text FROM activity ORDER BY id DESC")) {
                query.setMaxRows(limit);
                List<Activity> activities = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        activities.add(new Activity(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                                rs.getString(4), Activity.Kind.valueOf(rs.getString(5)), rs.getString(6),
                                rs.getString(7), rs.getString(8)));
                    }
                }
                return activities;
            }
        });
    }

    @Override
    public List<RunSummary> recentRuns(int limit) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement(RUN_QUERY + "ORDER BY r.id DESC")) {
                query.setMaxRows(limit);
                return runs(query);
            }
        });
    }

    @Override
    public Optional<RunSummary> run(long runId) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement(RUN_QUERY + "WHERE r.id = ?")) {
                query.setLong(1, runId);
                return runs(query).stream().findFirst();
            }
        });
    }

    private static List<RunSummary> runs(PreparedStatement query) throws SQLException {
        List<RunSummary> runs = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                Timestamp finished = rs.getTimestamp(7);
                runs.add(new RunSummary(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), finished == null ? null : finished.toInstant(),
                        rs.getInt(8), rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13),
                        RunOutcome.valueOf(rs.getString(9))));
            }
        }
        return runs;
    }

    @Override
    public List<InvoiceResult> results(long runId) {
        return database.read(c -> {
            Map<Integer, List<Problem>> problems = new HashMap<>();
            try (PreparedStatement query = c.prepareStatement("SELECT result_seq, code, severity, field, message, "
                    + "vendor_code, vendor_message, retryable FROM export_problem WHERE run_id = ? "
                    + "ORDER BY result_seq, seq")) {
                query.setLong(1, runId);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        problems.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new Problem(rs.getString(2),
                                Severity.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getString(7), rs.getBoolean(8)));
                    }
                }
            }
            List<InvoiceResult> results = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement("SELECT seq, invoice_id, invoice_number, outcome, "
                    + "external_id, external_number, external_date, sync_token, location FROM export_result "
                    + "WHERE run_id = ? ORDER BY seq")) {
                query.setLong(1, runId);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        String externalId = rs.getString(5);
                        Date date = rs.getDate(7);
                        ExternalInvoice external = externalId == null ? null
                                : new ExternalInvoice(externalId, rs.getString(6),
                                        date == null ? null : date.toLocalDate(), rs.getString(8), rs.getString(9));
                        results.add(new InvoiceResult(rs.getLong(2), rs.getString(3),
                                ExportOutcome.valueOf(rs.getString(4)), external,
                                problems.getOrDefault(rs.getInt(1), List.of())));
                    }
                }
            }
            return results;
        });
    }

    @Override
    public Map<Long, List<ExportState>> exportStates(Collection<Long> invoiceIds) {
        Map<Long, List<ExportState>> states = new LinkedHashMap<>();
        List<Long> ids = List.copyOf(new LinkedHashSet<>(invoiceIds));
        for (int from = 0; from < ids.size(); from += InvoiceRows.CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + InvoiceRows.CHUNK));
            database.read(c -> {
                exported(c, chunk, states);
                triedAndNotExported(c, chunk, states);
                return null;
            });
        }
        return states;
    }

    /** Where the invoices are now, at every connection that has them. */
    private static void exported(java.sql.Connection c, List<Long> ids, Map<Long, List<ExportState>> into)
            throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT r.invoice_id, r.connection_id, a.name, "
                + "r.external_number, r.exported_at FROM external_ref r JOIN accounting_connection a ON "
                + "a.id = r.connection_id WHERE r.withdrawn_at IS NULL AND r.invoice_id IN ("
                + DerbyDatabase.placeholders(ids.size()) + ")"
                + " ORDER BY r.invoice_id, a.name")) {
            bind(query, ids);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    into.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new ExportState(rs.getLong(1),
                            rs.getLong(2), rs.getString(3), ExportOutcome.EXPORTED, rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
        }
    }

    /**
     * The latest failed or unconfirmed result per invoice and connection, where the invoice is not exported
     * there: what the list warns about. Skipped results say nothing about the invoice, so they are left out.
     */
    private static void triedAndNotExported(java.sql.Connection c, List<Long> ids,
            Map<Long, List<ExportState>> into) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT x.invoice_id, run.connection_id, "
                + "run.connection_name, x.outcome, COALESCE(run.finished_at, run.started_at) FROM export_result x "
                + "JOIN export_run run ON run.id = x.run_id WHERE run.dry_run = FALSE AND x.outcome IN "
                + "('FAILED', 'UNCONFIRMED') AND x.invoice_id IN ("
                + DerbyDatabase.placeholders(ids.size()) + ") AND NOT EXISTS ("
                + "SELECT 1 FROM export_result later JOIN export_run lr ON lr.id = later.run_id WHERE "
                + "later.invoice_id = x.invoice_id AND lr.connection_id = run.connection_id AND lr.dry_run = FALSE "
                + "AND later.outcome <> 'SKIPPED' AND later.run_id > x.run_id) ORDER BY x.invoice_id, x.run_id")) {
            bind(query, ids);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long invoiceId = rs.getLong(1);
                    long connectionId = rs.getLong(2);
                    List<ExportState> known = into.computeIfAbsent(invoiceId, id -> new ArrayList<>());
                    if (known.stream().noneMatch(state -> state.connectionId() == connectionId)) {
                        known.add(new ExportState(invoiceId, connectionId, rs.getString(3),
                                ExportOutcome.valueOf(rs.getString(4)), "", rs.getTimestamp(5).toInstant()));
                    }
                }
            }
        }
    }

    private static void bind(PreparedStatement query, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            query.setLong(i + 1, ids.get(i));
        }
    }
}
