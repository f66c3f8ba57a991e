package org.ledgerport.ui.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;

import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.ledgerport.core.export.StatusService.Resolution;
import org.ledgerport.core.export.VendorState;
import org.ledgerport.ui.UiColors;
import org.ledgerport.ui.WidgetIds;

/**
 * Above the invoice, one notice per accounting package that voided or deleted the invoice without Ledgerport
 * asking: what happened there, that nothing was changed here, and the two decisions the user can take.
 */
final class VendorStateBanner {

    private final PartImages images;
    private final IStylingEngine styling;
    private final BiConsumer<VendorState, Resolution> decide;
    private final Composite area;
    private final List<Button> buttons = new ArrayList<>();
    private List<VendorState> shown = List.of();

    VendorStateBanner(Composite parent, PartImages images, IStylingEngine styling,
            BiConsumer<VendorState, Resolution> decide) {
        this.images = images;
        this.styling = styling;
        this.decide = decide;
        area = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        area.setLayout(layout);
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
        data.exclude = true;
        area.setLayoutData(data);
        area.setVisible(false);
    }

    /** Shows a notice for each state that needs the user's decision; hides the area when none does. */
    void show(List<VendorState> states, LongFunction<String> packageName) {
        if (states.equals(shown)) {
            return;
        }
        shown = List.copyOf(states);
        for (Control old : area.getChildren()) {
            old.dispose();
        }
        buttons.clear();
        for (VendorState state : shown) {
            notice(state, packageName.apply(state.connectionId()));
        }
        ((GridData) area.getLayoutData()).exclude = shown.isEmpty();
        area.setVisible(!shown.isEmpty());
    }

    private void notice(VendorState state, String packageName) {
        Composite notice = new Composite(area, SWT.NONE);
        notice.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout layout = new GridLayout(4, false);
        layout.marginHeight = 6;
        notice.setLayout(layout);
        Label icon = new Label(notice, SWT.NONE);
        icon.setImage(images.named("warning"));
        icon.setLayoutData(new GridData(SWT.BEGINNING, SWT.TOP, false, false));
        Label text = new Label(notice, SWT.WRAP);
        GridData textLayout = new GridData(SWT.FILL, SWT.CENTER, true, false);
        textLayout.widthHint = 400;
        text.setLayoutData(textLayout);
        text.setText(VendorStateText.attention(state, packageName));
        WidgetIds.tag(text, "invoice.vendorProblem");
        buttons.add(Buttons.push(notice, "Ma&ke Draft Again", images.named("draft"), SWT.END, "invoice.resolveDraft",
                () -> decide.accept(state, Resolution.DRAFT)));
        buttons.add(Buttons.push(notice, "Void Here &Too", images.named("skipped"), SWT.END, "invoice.resolveVoid",
                () -> decide.accept(state, Resolution.VOID)));
        styling.setClassname(notice, UiColors.MESSAGE_ERROR_CLASS);
        styling.style(notice);
    }

    /**
     * Lets the user decide, or not.
     *
     * @param refusal why the user's role may not decide, shown as the buttons' tooltip, or null
     */
    void enable(boolean enabled, String refusal) {
        for (Button button : buttons) {
            button.setEnabled(enabled);
            button.setToolTipText(refusal);
        }
    }
}
