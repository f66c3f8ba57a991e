package org.ledgerport.ui.connect.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/** Small things every page of the wizard and the Connections view does with widgets. */
final class Widgets {

    private Widgets() {
    }

    /** Shows or hides a control and takes it out of its grid while hidden. */
    static void show(Control control, boolean shown) {
        if (control.getLayoutData() instanceof GridData data) {
            data.exclude = !shown;
        }
        control.setVisible(shown);
    }

    /** A form that scrolls when it is taller than the page; its parent is the page's control. */
    static Composite scrollingForm(Composite parent) {
        ScrolledComposite scroller = new ScrolledComposite(parent, SWT.V_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        Composite form = new Composite(scroller, SWT.NONE);
        scroller.setContent(form);
        return form;
    }

    /** Lays out a {@link #scrollingForm} again and lets it scroll as far as its content now reaches. */
    static void relayout(Composite form) {
        form.layout(true, true);
        ((ScrolledComposite) form.getParent()).setMinSize(form.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    /** Grid data for a label that wraps at the width of its parent. */
    static GridData wrapping(int columns) {
        GridData data = new GridData(GridData.FILL, GridData.BEGINNING, true, false, columns, 1);
        data.widthHint = 400;
        return data;
    }
}
