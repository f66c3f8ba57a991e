package org.ledgerport.demo;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.ledgerport.core.model.InvoiceStatus;

/**
 * What loading the demo firm created.
 *
 * @param invoicesByStatus how many invoices are in each status
 * @param connection       the name of the connection created for exporting
 */
public record DemoReport(int customers, int items, int taxCodes, Map<InvoiceStatus, Integer> invoicesByStatus,
        String connection) {

    public DemoReport {
        invoicesByStatus = Collections.unmodifiableMap(new EnumMap<>(invoicesByStatus));
    }

    public int invoices() {
        return invoicesByStatus.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** One line that says what was loaded, for a log or a status bar. */
    public String summary() {
        String byStatus = invoicesByStatus.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label().toLowerCase())
                .collect(Collectors.joining(", "));
        return "Loaded the demo firm: %d customers, %d items, %d tax codes, %d invoices (%s) and the connection '%s'."
                .formatted(customers, items, taxCodes, invoices(), byStatus, connection);
    }
}
