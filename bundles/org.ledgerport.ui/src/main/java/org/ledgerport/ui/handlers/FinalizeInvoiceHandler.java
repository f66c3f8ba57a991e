package org.ledgerport.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.ledgerport.ui.parts.InvoiceEditorPart;

import jakarta.inject.Named;

/** Finalizes the invoice in the active editor, saving what was typed first. */
public final class FinalizeInvoiceHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_PART) MPart part) {
        return part != null && part.getObject() instanceof InvoiceEditorPart editor && editor.canFinalize();
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_PART) MPart part) {
        InvoiceEditorPart.ifEditor(part, InvoiceEditorPart::finalizeInvoice);
    }
}
