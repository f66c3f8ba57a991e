package org.ledgerport.core.store;

import java.util.List;
import java.util.Objects;

import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.TaxCode;

/**
 * Everything an import file (or the demo firm) brings, saved together by {@link InvoiceStore#importBatch}.
 * Customers are matched by name and items by code: existing ones are kept as they are, new ones are created.
 *
 * @param invoices the invoices, naming their customer by name; their drafts' customer ids are ignored
 */
public record ImportBatch(List<TaxCode> taxCodes, List<Customer> customers, List<Item> items,
        List<ImportedInvoice> invoices) {

    public ImportBatch {
        taxCodes = List.copyOf(taxCodes);
        customers = List.copyOf(customers);
        items = List.copyOf(items);
        invoices = List.copyOf(invoices);
    }

    /**
     * @param source where it came from, for error messages ("line 14", "invoices[3]")
     * @param status DRAFT or FINALIZED, as the billing system marked it
     */
    public record ImportedInvoice(String source, String customerName, InvoiceDraft draft, InvoiceStatus status) {
        public ImportedInvoice {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(customerName, "customerName");
            Objects.requireNonNull(draft, "draft");
            Objects.requireNonNull(status, "status");
        }
    }

    /** What an import added. */
    public record Saved(int customersCreated, int itemsCreated, int taxCodesSaved, List<Long> invoiceIds) {
        public Saved {
            invoiceIds = List.copyOf(invoiceIds);
        }
    }
}
