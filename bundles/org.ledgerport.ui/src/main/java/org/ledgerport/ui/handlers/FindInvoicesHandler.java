package org.ledgerport.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.ledgerport.ui.parts.InvoiceListPart;

/** Brings up the invoice list with the cursor in its search field, from wherever the user is. */
public final class FindInvoicesHandler {

    @Execute
    public void execute(EPartService parts) {
        MPart list = parts.showPart(InvoiceListPart.ID, PartState.ACTIVATE);
        if (list != null && list.getObject() instanceof InvoiceListPart part) {
            part.focusSearch();
        }
    }
}
