package org.ledgerport.cli.internal;

import java.io.PrintStream;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.store.InvoiceStore;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** How many invoices are in each status, every status listed, as the status and demo-data commands show it. */
record InvoiceCounts(Map<InvoiceStatus, Integer> byStatus) {

    InvoiceCounts {
        byStatus = Collections.unmodifiableMap(new EnumMap<>(byStatus));
    }

    static InvoiceCounts of(InvoiceStore store) {
        Map<InvoiceStatus, Integer> counts = new EnumMap<>(InvoiceStatus.class);
        for (InvoiceStatus status : InvoiceStatus.values()) {
            counts.put(status, store.invoiceIds(status).size());
        }
        return new InvoiceCounts(counts);
    }

    int total() {
        return byStatus.values().stream().mapToInt(Integer::intValue).sum();
    }

    int of(InvoiceStatus status) {
        return byStatus.getOrDefault(status, 0);
    }

    /** {"DRAFT": 4, "FINALIZED": 6, ...} */
    ObjectNode toJson() {
        ObjectNode node = Json.object();
        byStatus.forEach((status, count) -> node.put(status.name(), count));
        return node;
    }

    void print(PrintStream out, String indent) {
        Table table = new Table();
        byStatus.forEach((status, count) -> table.row(status.label(), count));
        table.print(out, indent);
    }
}
