package org.ledgerport.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.ledgerport.ui.parts.InvoiceEditorPart;

import jakarta.inject.Named;

/**
 * Reverts the invoice in the active editor to draft: a finalized one here only, an exported one after the editor
 * showed what each accounting package will do and the user confirmed. Disabled for a user whose role may not.
 */
public final class RevertInvoiceHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_PART) MPart part) {
        return part != null && part.getObject() instanceof InvoiceEditorPart editor && editor.canRevert();
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_PART) MPart part) {
        InvoiceEditorPart.ifEditor(part, InvoiceEditorPart::revertToDraft);
    }
}
