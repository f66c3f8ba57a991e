package org.ledgerport.ui.internal;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.ledgerport.core.access.AccessControl;
import org.ledgerport.ui.CurrentUser;

import jakarta.annotation.PostConstruct;

/** Puts the workbench's {@link CurrentUser} into the application's context and reads the user's role. */
public final class CurrentUserAddon {

    @PostConstruct
    void start(MApplication application, AccessControl access, IEventBroker events) {
        CurrentUser user = new CurrentUser(access, events);
        application.getContext().set(CurrentUser.class, user);
        user.reload();
    }
}
