package org.ledgerport.ui.connect.internal;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.widgets.Control;

/** A page of the connection wizard, working on the wizard's draft. */
abstract class DraftPage extends WizardPage {

    DraftPage(String name, String title) {
        super(name, title, null);
    }

    ConnectionWizard wizard() {
        return (ConnectionWizard) getWizard();
    }

    ConnectionDraft draft() {
        return wizard().draft();
    }

    Services services() {
        return wizard().services();
    }

    /** Runs on the UI thread later, unless the page was closed meanwhile. */
    void later(Runnable update) {
        services().ui().asyncExec(() -> {
            Control control = getControl();
            if (control != null && !control.isDisposed()) {
                update.run();
            }
        });
    }

    /** Lets the dialog read the page's state again (Next, Back, Finish). */
    void changed() {
        if (isCurrentPage()) {
            getContainer().updateButtons();
        }
    }
}
