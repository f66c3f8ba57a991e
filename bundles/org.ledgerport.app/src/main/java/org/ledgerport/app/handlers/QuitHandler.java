package org.ledgerport.app.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.IWorkbench;

/** File > Quit: closes the workstation. Open work is already saved by each part, so there is nothing to ask. */
public final class QuitHandler {

    @Execute
    public void quit(IWorkbench workbench) {
        workbench.close();
    }
}
