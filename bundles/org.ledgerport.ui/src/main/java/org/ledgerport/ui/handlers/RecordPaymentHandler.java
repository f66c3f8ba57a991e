package org.ledgerport.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.ledgerport.ui.parts.InvoiceEditorPart;

import jakarta.inject.Named;

/** Records a payment for the exported invoice in the active editor and sends it to the accounting package. */
public final class RecordPaymentHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_PART) MPart part) {
        return part != null && part.getObject() instanceof InvoiceEditorPart editor && editor.canRecordPayment();
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_PART) MPart part) {
        InvoiceEditorPart.ifEditor(part, InvoiceEditorPart::recordPayment);
    }
}
