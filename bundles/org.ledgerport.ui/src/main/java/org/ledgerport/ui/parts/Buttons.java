package org.ledgerport.ui.parts;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.ledgerport.ui.WidgetIds;

/** The push buttons of the sections around the invoice, tagged for tests. */
final class Buttons {

    private Buttons() {
    }

    /** A button in the parent's grid, aligned as asked and centred vertically, that runs the action when pressed. */
    static Button push(Composite parent, String label, Image image, int horizontalAlignment, String id,
            Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.setImage(image);
        button.setLayoutData(new GridData(horizontalAlignment, SWT.CENTER, false, false));
        button.addListener(SWT.Selection, e -> action.run());
        WidgetIds.tag(button, id);
        return button;
    }
}
