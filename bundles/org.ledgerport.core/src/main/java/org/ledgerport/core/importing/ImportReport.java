package org.ledgerport.core.importing;

import java.util.List;

/**
 * What an import did.
 *
 * @param saved            whether the file was saved; false whenever {@code errors} is not empty
 * @param invoices         invoices read (and saved, when {@code saved})
 * @param customersCreated customers that were new
 * @param itemsCreated     items that were new
 * @param errors           every wrong row and field, in file order
 */
public record ImportReport(String file, boolean saved, int invoices, int customersCreated, int itemsCreated,
        List<ImportError> errors) {

    public ImportReport {
        errors = List.copyOf(errors);
    }
}
