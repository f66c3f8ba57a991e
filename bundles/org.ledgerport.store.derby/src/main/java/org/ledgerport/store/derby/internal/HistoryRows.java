package org.ledgerport.store.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.ledgerport.core.model.HistoryEntry;

/** Writes invoice history entries inside the transaction of the change they tell of. */
final class HistoryRows {

    private HistoryRows() {
    }

    static void insert(Connection c, List<HistoryEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO invoice_history (invoice_id, happened_at, "
                + "kind, source, user_name, text) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (HistoryEntry entry : entries) {
                insert.setLong(1, entry.invoiceId());
                insert.setTimestamp(2, Timestamp.from(entry.at()));
                insert.setString(3, entry.kind().name());
                insert.setString(4, entry.source());
                insert.setString(5, entry.user());
                insert.setString(6, DerbyDatabase.clip(entry.text()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void insert(Connection c, HistoryEntry entry) throws SQLException {
        insert(c, List.of(entry));
    }
}
