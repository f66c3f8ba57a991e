package org.ledgerport.core.export;

import java.util.List;
import java.util.Objects;

/**
 * What to export.
 *
 * @param invoiceIds the invoices, or empty for every invoice ready for the connection
 * @param user       who asked, for the process log
 * @param dryRun     check and preview only; nothing is sent or recorded as exported
 */
public record ExportRequest(long connectionId, List<Long> invoiceIds, String user, boolean dryRun) {

    public ExportRequest {
        invoiceIds = List.copyOf(invoiceIds);
        Objects.requireNonNull(user, "user");
    }

    public static ExportRequest allReady(long connectionId, String user) {
        return new ExportRequest(connectionId, List.of(), user, false);
    }
}
