package org.ledgerport.ui;

import java.util.Optional;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.access.Permission;
import org.ledgerport.core.access.Role;

/**
 * Who uses the workstation and the role the database gives them, so that parts offer only what the role allows
 * and say why the rest is off. One per workbench, kept in the application's context. The role is read in the
 * background, at the start and after every change of roles; until it is known every action is offered, and the
 * engine refuses whatever the role does not allow.
 */
public final class CurrentUser {

    private static final System.Logger LOG = System.getLogger(CurrentUser.class.getName());

    private final AccessControl access;
    private final IEventBroker events;
    private final String name;
    private volatile Role role;

    public CurrentUser(AccessControl access, IEventBroker events) {
        this.access = access;
        this.events = events;
        this.name = access.currentUser();
    }

    /** The name the user is known by, as the process log records it. */
    public String name() {
        return name;
    }

    /** The user's role, once read. */
    public Optional<Role> role() {
        return Optional.ofNullable(role);
    }

    /** Whether the role allows it; true while the role is not known yet. */
    public boolean allows(Permission permission) {
        Role known = role;
        return known == null || known.includes(permission.needs());
    }

    /** Why the user may not do it, in the engine's words (naming the role needed); empty when they may. */
    public Optional<String> refusal(Permission permission) {
        Role known = role;
        return known == null ? Optional.empty() : permission.refusal(name, known);
    }

    /**
     * Refuses, with the engine's {@link org.ledgerport.core.access.AccessDeniedException}, what the user's role as
     * the database holds it now does not allow: for work that cannot be undone halfway, before it starts. It reads
     * the database; call it in a job.
     */
    public void check(Permission permission) {
        access.check(name, permission);
    }

    /** "alice (Owner)", or only the name while the role is not known. */
    public String label() {
        Role known = role;
        return known == null ? name : name + " (" + known.label() + ")";
    }

    /**
     * Reads the role again in the background (it may have changed), then posts {@link UiTopics#USER_ROLE}. The
     * first user of a new database becomes its owner here.
     */
    public void reload() {
        Job job = Job.create("Reading your role at this workstation", monitor -> {
            try {
                role = access.roleOf(name);
                events.post(UiTopics.USER_ROLE, role);
            } catch (RuntimeException e) {
                // The engine still checks every action; the parts keep offering them meanwhile.
                LOG.log(System.Logger.Level.WARNING, "The role of " + name + " could not be read", e);
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }
}
