package org.ledgerport.ui.internal;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.ledgerport.core.access.Role;
import org.ledgerport.ui.CurrentUser;
import org.ledgerport.ui.Icons;
import org.ledgerport.ui.UiTopics;
import org.ledgerport.ui.WidgetIds;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The status bar's user field, next to the connection's: who uses the workstation, and their role. */
public final class UserStatusBar {

    private final CurrentUser user;
    private Label text;

    @Inject
    public UserStatusBar(CurrentUser user) {
        this.user = user;
    }

    @PostConstruct
    void createControls(Composite parent) {
        Composite field = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginHeight = 2;
        layout.marginWidth = 6;
        field.setLayout(layout);
        Label icon = new Label(field, SWT.NONE);
        icon.setImage(new LocalResourceManager(JFaceResources.getResources(), icon).create(Icons.get("user")));
        text = WidgetIds.tag(new Label(field, SWT.NONE), "status.user");
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        show();
    }

    @Inject
    @Optional
    void roleChanged(@UIEventTopic(UiTopics.USER_ROLE) Role role) {
        show();
    }

    private void show() {
        if (text == null || text.isDisposed()) {
            return;
        }
        text.setText(user.label().replace("&", "&&"));
        text.setToolTipText(user.role().map(role -> "You use Ledgerport as " + user.name() + ", with the "
                + role.label().toLowerCase() + " role. Owners give roles in File > Users and Roles.")
                .orElse("You use Ledgerport as " + user.name() + "."));
        text.getParent().getParent().layout(true, true);
    }
}
