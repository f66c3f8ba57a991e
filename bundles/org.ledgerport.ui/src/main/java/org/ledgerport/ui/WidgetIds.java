package org.ledgerport.ui;

import org.eclipse.swt.widgets.Control;

/**
 * The ids the workstation tags its controls with, so UI tests (and a connector's own pages) find them by what
 * they are rather than by where they sit.
 */
public final class WidgetIds {

    /** The control data key that holds the id. */
    public static final String KEY = "org.ledgerport.ui.id";

    private WidgetIds() {
    }

    /** Tags the control with the id and returns it. */
    public static <T extends Control> T tag(T control, String id) {
        control.setData(KEY, id);
        return control;
    }
}
