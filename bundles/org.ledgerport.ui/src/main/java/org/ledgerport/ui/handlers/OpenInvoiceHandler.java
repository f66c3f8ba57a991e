package org.ledgerport.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.ledgerport.ui.CommandIds;
import org.ledgerport.ui.parts.InvoiceEditorPart;

import jakarta.inject.Named;

/**
 * Opens an invoice in its editor: the editor already open on it, or a new one beside the invoice list. The
 * editor reads the invoice itself, in the background, and takes its number as its title.
 */
public final class OpenInvoiceHandler {

    static final String INVOICES_STACK = "org.ledgerport.ui.partstack.invoices";

    @Execute
    public void execute(@Named(CommandIds.INVOICE_ID) String invoiceId, EPartService parts, EModelService models,
            MApplication application) {
        String id = Long.toString(Long.parseLong(invoiceId.strip()));
        MPart editor = models.findElements(application, InvoiceEditorPart.DESCRIPTOR_ID, MPart.class).stream()
                .filter(open -> id.equals(open.getPersistedState().get(InvoiceEditorPart.INVOICE_ID)))
                .findFirst()
                .orElseGet(() -> create(id, parts, models, application));
        parts.showPart(editor, PartState.ACTIVATE);
    }

    private static MPart create(String id, EPartService parts, EModelService models, MApplication application) {
        MPart editor = parts.createPart(InvoiceEditorPart.DESCRIPTOR_ID);
        editor.getPersistedState().put(InvoiceEditorPart.INVOICE_ID, id);
        editor.setLabel("Invoice");
        if (models.find(INVOICES_STACK, application) instanceof MPartStack stack) {
            stack.getChildren().add(editor);
        }
        return editor;
    }
}
