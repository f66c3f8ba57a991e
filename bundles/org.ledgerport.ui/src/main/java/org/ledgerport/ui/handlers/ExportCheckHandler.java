package org.ledgerport.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.ledgerport.ui.parts.ExportPart;

/** Export > Check: shows the Export view and checks its selection (or everything listed), as its button does. */
public final class ExportCheckHandler {

    @Execute
    public void execute(EPartService parts) {
        ExportPart.show(parts).ifPresent(ExportPart::check);
    }

    @CanExecute
    public boolean canExecute(EPartService parts) {
        return ExportPart.idle(parts);
    }
}
