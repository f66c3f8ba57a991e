package org.ledgerport.ui.connect.internal;

import java.util.Optional;

import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.ledgerport.core.connector.Setting;

/**
 * The settings a connection to the chosen package needs to reach its account (environment, the firm's app, the
 * redirect address...), as a form built from the connector's descriptor. Required ones are checked, with a message
 * that names the setting and says what to enter.
 */
final class SettingsPage extends DraftPage {

    private Composite form;
    /** The user changed a field, after which a missing setting is an error rather than a hint. */
    private boolean touched;

    SettingsPage() {
        super("settings", "Settings");
    }

    @Override
    public void createControl(Composite parent) {
        form = Widgets.scrollingForm(parent);
        setControl(form.getParent());
    }

    /**
     * Builds the form each time the page is shown, from the settings as they are then: another package may have been
     * chosen since, or an organisation on the sign-in page.
     */
    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            build();
        }
        super.setVisible(visible);
    }

    private void build() {
        for (Control old : form.getChildren()) {
            old.dispose();
        }
        touched = false;
        String packageName = draft().packageName();
        setTitle(packageName + " settings");
        setDescription("What Ledgerport needs to reach your " + packageName + " account. Point at a field to see "
                + "what it is for.");
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(form);
        if (wizard().signsInWithBrowser()) {
            Label intro = new Label(form, SWT.WRAP);
            intro.setText("Your firm's app for " + packageName + " gives most of these values; whoever registered "
                    + "it in the package's developer portal can tell you them.");
            intro.setLayoutData(Widgets.wrapping(2));
        }
        for (Setting setting : wizard().genericSettings()) {
            SettingFields.field(form, setting, draft().settings(), () -> {
                touched = true;
                validate();
            });
        }
        Widgets.relayout(form);
        validate();
    }

    @Override
    public boolean isPageComplete() {
        return draft().connector() != null && missing().isEmpty();
    }

    private Optional<Setting> missing() {
        return wizard().genericSettings().stream()
                .filter(s -> s.required() && draft().settings().get(s.key()).isEmpty()).findFirst();
    }

    private void validate() {
        String missing = missing().map(s -> "Enter the %s. %s".formatted(s.label(), s.help()).strip()).orElse(null);
        setErrorMessage(touched ? missing : null);
        setMessage(touched ? null : missing);
        changed();
    }
}
