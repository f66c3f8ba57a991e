package org.ledgerport.store.derby.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.ledgerport.core.model.HistoryEntry;
import org.ledgerport.core.store.InvoiceHistory;
import org.ledgerport.core.store.InvoiceStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The invoices' histories on the Ledgerport database. */
@Component(service = InvoiceHistory.class)
public final class DerbyInvoiceHistory implements InvoiceHistory {

    private final DerbyDatabase database;

    @Activate
    public DerbyInvoiceHistory(@Reference DerbyDatabase database) {
        this.database = database;
    }

    @Override
    public List<HistoryEntry> history(long invoiceId) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT happened_at, kind, source, user_name, text "
                    + "FROM invoice_history WHERE invoice_id = ? ORDER BY id")) {
                query.setLong(1, invoiceId);
                List<HistoryEntry> entries = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new HistoryEntry(invoiceId, rs.getTimestamp(1).toInstant(),
                                HistoryEntry.Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                                rs.getString(5)));
                    }
                }
                return entries;
            }
        });
    }

    @Override
    public void record(List<HistoryEntry> entries) {
        database.write(InvoiceStore.TOPIC_INVOICES_CHANGED, c -> {
            HistoryRows.insert(c, entries);
            return null;
        });
    }
}
