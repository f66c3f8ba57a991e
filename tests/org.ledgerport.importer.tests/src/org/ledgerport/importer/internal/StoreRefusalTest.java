package org.ledgerport.importer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ledgerport.core.importing.ImportError;
import org.ledgerport.core.store.ImportRefusedException;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.testing.support.Osgi;

/**
 * When the store refuses a batch, each of its reasons names the source of an invoice ("line 3"); the importer
 * reports the reason at that line. The file's checks leave the store little to refuse, so the refusal is made
 * here, in the words a store uses.
 */
class StoreRefusalTest {

    @Test
    void theStoresReasonsBecomeErrorsOfTheLinesTheyName() throws Exception {
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        ErrorList errors = new ErrorList();
        ImportPlan plan = new ImportPlan(store, errors);
        new JsonInvoiceReader().read("""
                {
                  "invoices": [
                    { "number": "R1-%1$s", "customer": "Refused Ltd %1$s", "currency": "GBP",
                      "issueDate": "2026-11-02", "dueDate": "2026-12-02",
                      "lines": [ { "description": "Design", "quantity": 1, "unitPrice": "10.00" } ] },
                    { "number": "R2-%1$s", "customer": "Refused Ltd %1$s", "currency": "GBP",
                      "issueDate": "2026-11-02", "dueDate": "2026-12-02",
                      "lines": [ { "description": "Print", "quantity": 1, "unitPrice": "20.00" } ] }
                  ]
                }
                """.formatted(run), plan, errors);
        assertEquals(List.of(), errors.inFileOrder());
        assertEquals(List.of("line 3", "line 6"), plan.batch().invoices().stream().map(i -> i.source()).toList());

        List<ImportError> refusals = plan.refusals(new ImportRefusedException(List.of(
                "line 6: Invoice number R2-%s is already used by another invoice.".formatted(run),
                "Customer Refused Ltd %s on line 3 is also a supplier.".formatted(run),
                "line 30: no invoice starts there",
                "The database is read-only.")));

        assertEquals(List.of(
                new ImportError(6, "", "Invoice number R2-%s is already used by another invoice.".formatted(run)),
                new ImportError(3, "", "Customer Refused Ltd %s on line 3 is also a supplier.".formatted(run)),
                new ImportError(0, "", "line 30: no invoice starts there"),
                new ImportError(0, "", "The database is read-only.")), refusals);
    }
}
