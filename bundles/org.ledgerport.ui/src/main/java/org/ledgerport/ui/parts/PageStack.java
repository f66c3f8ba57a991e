package org.ledgerport.ui.parts;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * The body of a run view (Export, Errors, Process Log), one page at a time: its table or tree, or a message that
 * says why there is none. It also tells whether the view was closed, for the results jobs hand back later.
 */
final class PageStack {

    private final Composite composite;
    private final StackLayout layout = new StackLayout();
    /** The page {@link #showMessage} shows, made when first needed. */
    private Label message;

    /** Fills the rest of the parent's grid. */
    PageStack(Composite parent) {
        composite = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(composite);
        composite.setLayout(layout);
    }

    /** The parent of the pages. */
    Composite composite() {
        return composite;
    }

    void show(Control page) {
        layout.topControl = page;
        composite.layout(true, true);
    }

    /** Shows a page with only this text, in place of the view's table or tree. */
    void showMessage(String text) {
        if (message == null) {
            message = new Label(composite, SWT.WRAP);
        }
        message.setText(RunLabels.literal(text));
        show(message);
    }

    boolean shows(Control page) {
        return layout.topControl == page;
    }

    boolean disposed() {
        return composite.isDisposed();
    }
}
