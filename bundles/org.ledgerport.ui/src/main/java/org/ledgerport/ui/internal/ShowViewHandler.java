package org.ledgerport.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

import jakarta.inject.Named;

/** Window menu and M1+1..5: shows one of the workstation's views and puts the keyboard focus in it. */
public final class ShowViewHandler {

    @Execute
    void execute(EPartService parts, @Named("org.ledgerport.ui.commandparameter.partId") String partId) {
        parts.showPart(partId, PartState.ACTIVATE);
    }
}
