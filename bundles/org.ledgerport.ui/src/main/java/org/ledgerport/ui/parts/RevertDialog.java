package org.ledgerport.ui.parts;

import java.util.List;
import java.util.function.LongFunction;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.ledgerport.core.connector.Withdrawal;
import org.ledgerport.core.export.RevertPlan;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.ui.WidgetIds;

/**
 * Says, before anything changes, what reverting an exported invoice to draft does at each accounting package it
 * was exported to: deleted there, voided there (the package keeping its number), or refused with what to do there
 * first. Where a package keeps the number, it offers a new one for the revised invoice. When any package refuses,
 * there is nothing to confirm: the dialog only closes.
 */
final class RevertDialog extends TitleAreaDialog {

    private final RevertPlan plan;
    private final LongFunction<String> packageName;
    private PartImages images;
    private Text number;
    private Label numberWarning;
    private String newNumber = "";

    RevertDialog(Shell parent, RevertPlan plan, LongFunction<String> packageName) {
        super(parent);
        this.plan = plan;
        this.packageName = packageName;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Revert Invoice to Draft");
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    /** A readable width; the title area's message wraps to it rather than stretching the dialog. */
    @Override
    protected Point getInitialSize() {
        return getShell().computeSize(convertWidthInCharsToPixels(90), SWT.DEFAULT, true);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        images = new PartImages(area);
        setTitle("Revert invoice " + plan.invoiceNumber() + " to draft");
        if (plan.possible()) {
            setMessage("Ledgerport first withdraws the invoice from each accounting package below; it becomes a draft "
                    + "again only once each of them confirmed.", IMessageProvider.INFORMATION);
        } else {
            setMessage(("%s cannot withdraw invoice %s, so it stays exported everywhere. Do there what is said "
                    + "below, then revert it again.").formatted(names(refusing()), plan.invoiceNumber()),
                    IMessageProvider.ERROR);
        }
        Composite content = new Composite(area, SWT.NONE);
        content.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 10;
        layout.marginHeight = 10;
        layout.verticalSpacing = 8;
        content.setLayout(layout);
        List<RevertPlan.Step> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            step(content, steps.get(i), i);
        }
        if (plan.possible() && plan.numberKept()) {
            numberChoice(content);
        }
        return area;
    }

    private void step(Composite parent, RevertPlan.Step step, int index) {
        Label icon = new Label(parent, SWT.NONE);
        icon.setLayoutData(new GridData(SWT.BEGINNING, SWT.TOP, false, false));
        icon.setImage(images.named(step.refused() ? "error" : step.action() == Withdrawal.VOIDED ? "warning"
                : "remove"));
        Composite words = new Composite(parent, SWT.NONE);
        words.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        words.setLayout(layout);
        Label what = new Label(words, SWT.WRAP);
        what.setLayoutData(wrapping());
        what.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        what.setText("%s (%s): %s".formatted(step.connectionName(), packageName.apply(step.connectionId()),
                step.refused() ? "refuses" : step.action() == Withdrawal.DELETED ? "deleted there"
                        : step.numberKept() ? "voided there; the number stays taken there" : "voided there"));
        WidgetIds.tag(what, "revert.action." + index);
        Label why = new Label(words, SWT.WRAP);
        why.setLayoutData(wrapping());
        why.setText(step.explanation());
        WidgetIds.tag(why, "revert.explanation." + index);
    }

    private void numberChoice(Composite parent) {
        Group group = new Group(parent, SWT.NONE);
        group.setText("Number of the revised invoice");
        GridData groupLayout = new GridData(SWT.FILL, SWT.TOP, true, false);
        groupLayout.horizontalSpan = 2;
        group.setLayoutData(groupLayout);
        group.setLayout(new GridLayout(2, false));
        Label say = new Label(group, SWT.WRAP);
        GridData sayLayout = wrapping();
        sayLayout.horizontalSpan = 2;
        say.setLayoutData(sayLayout);
        say.setText(("%s %s number %s for the voided invoice. Give the revised invoice a new number, so it can be "
                + "exported there again:").formatted(names(keeping()), keeping().size() == 1 ? "keeps" : "keep",
                        plan.invoiceNumber()));
        WidgetIds.tag(say, "revert.numberKept");
        new Label(group, SWT.NONE).setText("&New number:");
        number = new Text(group, SWT.BORDER);
        GridData numberLayout = new GridData(SWT.BEGINNING, SWT.CENTER, false, false);
        numberLayout.widthHint = 180;
        number.setLayoutData(numberLayout);
        number.setTextLimit(Invoice.MAX_NUMBER_LENGTH);
        number.setText(plan.suggestedNumber());
        WidgetIds.tag(number, "revert.number");
        numberWarning = new Label(group, SWT.WRAP);
        GridData warningLayout = wrapping();
        warningLayout.horizontalSpan = 2;
        // Room for it from the start, so the dialog does not have to grow when it shows.
        warningLayout.heightHint = convertHeightInCharsToPixels(3);
        numberWarning.setLayoutData(warningLayout);
        numberWarning.setText(("With number %s, exporting the revised invoice to %s will be refused, because "
                + "the voided invoice keeps that number there. Keep it only if you will export it elsewhere.")
                .formatted(plan.invoiceNumber(), names(keeping())));
        WidgetIds.tag(numberWarning, "revert.numberWarning");
        number.addListener(SWT.Modify, e -> validate());
    }

    /** Layout for a label that wraps within the dialog's width. */
    private static GridData wrapping() {
        GridData layout = new GridData(SWT.FILL, SWT.TOP, true, false);
        layout.widthHint = 460;
        return layout;
    }

    private List<RevertPlan.Step> refusing() {
        return plan.steps().stream().filter(RevertPlan.Step::refused).toList();
    }

    private List<RevertPlan.Step> keeping() {
        return plan.steps().stream().filter(RevertPlan.Step::numberKept).toList();
    }

    /** "Quay Books (QuickBooks Online) and Harbour (Xero)". */
    private String names(List<RevertPlan.Step> steps) {
        List<String> names = steps.stream()
                .map(step -> step.connectionName() + " (" + packageName.apply(step.connectionId()) + ")").toList();
        return names.size() <= 1 ? String.join("", names)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        if (plan.possible()) {
            createButton(parent, IDialogConstants.OK_ID, "&Revert to Draft", true);
            createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        } else {
            createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CLOSE_LABEL, true);
        }
        validate();
    }

    /** A new number must be one; keeping the old one is allowed, with the warning shown. */
    private void validate() {
        if (number == null) {
            return;
        }
        String typed = number.getText().strip();
        numberWarning.setVisible(typed.equals(plan.invoiceNumber()));
        String error = typed.isEmpty() ? "Give the revised invoice a number, or keep " + plan.invoiceNumber() + "."
                : null;
        setErrorMessage(error);
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(error == null);
        }
    }

    @Override
    protected void okPressed() {
        String typed = number == null ? "" : number.getText().strip();
        newNumber = typed.equals(plan.invoiceNumber()) ? "" : typed;
        super.okPressed();
    }

    /** The number the revised invoice gets, or empty to keep its own. */
    String newNumber() {
        return newNumber;
    }
}
