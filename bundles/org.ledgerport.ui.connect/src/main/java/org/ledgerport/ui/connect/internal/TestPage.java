package org.ledgerport.ui.connect.internal;

import org.eclipse.core.runtime.Status;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.model.Connection;
import org.ledgerport.ui.ConnectionStatus;
import org.ledgerport.ui.Icons;
import org.ledgerport.ui.WidgetIds;

/**
 * Tests the connection as it will be saved, in the background, the way Ledgerport checks it before an export, and
 * says in plain words what came of it. Finish is possible once the test passed.
 */
final class TestPage extends DraftPage {

    private Button test;
    private ProgressBar progress;
    private Label icon;
    private Label result;
    private LocalResourceManager resources;
    private boolean testing;

    TestPage() {
        super("test", "Test the connection");
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(page);
        resources = new LocalResourceManager(JFaceResources.getResources(), page);
        Label intro = new Label(page, SWT.WRAP);
        intro.setText("Ledgerport reaches the account with these settings, as it does before every export. Nothing "
                + "is sent to it.");
        intro.setLayoutData(Widgets.wrapping(2));
        test = WidgetIds.tag(new Button(page, SWT.PUSH), "wizard.test");
        test.setText("&Test connection");
        test.addListener(SWT.Selection, event -> test());
        progress = new ProgressBar(page, SWT.INDETERMINATE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(progress);
        progress.setVisible(false);
        icon = new Label(page, SWT.NONE);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(icon);
        result = WidgetIds.tag(new Label(page, SWT.WRAP), "wizard.testResult");
        result.setLayoutData(Widgets.wrapping(1));
        setControl(page);
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            setDescription("Check that Ledgerport reaches your " + draft().packageName() + " account.");
            if (!draft().tested() && !testing) {
                show(null, "Press Test connection. Finish saves the connection once the test passed.");
            }
        }
        super.setVisible(visible);
    }

    @Override
    public boolean isPageComplete() {
        return draft().tested();
    }

    private void test() {
        Connection saved = draft().saved();
        if (saved == null) {
            setErrorMessage("Sign in to " + draft().packageName() + " first: go back to the sign-in page.");
            return;
        }
        Connection connection = draft().snapshot().unsaved();
        Connector connector = draft().connector();
        String packageName = draft().packageName();
        testing = true;
        test.setEnabled(false);
        progress.setVisible(true);
        setErrorMessage(null);
        show(null, "Testing the connection to " + packageName + "\u2026");
        services().status().report(saved.id(), ConnectionStatus.State.CHECKING, "");
        wizard().schedule("Testing the connection " + connection.name(), monitor -> {
            try {
                AccountInfo account = connector.test(services().context(connection));
                later(() -> {
                    draft().passed(account);
                    services().status().report(saved.id(), ConnectionStatus.State.CONNECTED, "");
                    finished();
                    show("checked", ("The connection works: Ledgerport reached %s (%s) in %s. Press Finish to save "
                            + "it.").formatted(account.name(), account.accountId(), packageName));
                });
            } catch (ConnectorException e) {
                later(() -> {
                    services().status().report(saved.id(), e.problem());
                    finished();
                    setErrorMessage("The test failed: " + e.problem().message());
                    show("error", "The test failed. " + Words.problem(e.problem(), packageName));
                });
            }
            return Status.OK_STATUS;
        });
        changed();
    }

    private void finished() {
        testing = false;
        test.setEnabled(true);
        progress.setVisible(false);
        changed();
    }

    private void show(String iconName, String text) {
        icon.setImage(iconName == null ? null : resources.create(Icons.get(iconName)));
        result.setText(text);
        ((Composite) getControl()).layout(true, true);
    }
}
