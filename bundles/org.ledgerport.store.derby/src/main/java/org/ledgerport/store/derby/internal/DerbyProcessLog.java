package org.ledgerport.store.derby.internal;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.RunOutcome;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.Severity;
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
}
