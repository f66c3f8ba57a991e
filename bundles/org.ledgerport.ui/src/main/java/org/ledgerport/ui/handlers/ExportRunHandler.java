package org.ledgerport.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.ledgerport.ui.parts.ExportPart;

/** Export > Export: shows the Export view and exports its selection (or everything listed) once confirmed. */
public final class ExportRunHandler {

    @Execute
    public void execute(EPartService parts) {
        ExportPart.show(parts).ifPresent(ExportPart::export);
    }

    @CanExecute
    public boolean canExecute(EPartService parts) {
        return ExportPart.idle(parts);
    }
}
