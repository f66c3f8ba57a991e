package org.ledgerport.ui.connect.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.ledgerport.core.access.AccessDeniedException;
import org.ledgerport.core.connector.AuthKind;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.connector.Setting;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.StoreException;
import org.ledgerport.ui.ConnectionStatus;
import org.ledgerport.ui.CurrentUser;
import org.ledgerport.ui.Icons;
import org.ledgerport.ui.OneAtATime;
import org.ledgerport.ui.SystemBrowser;
import org.ledgerport.ui.connect.ConnectorSettingsPage;

import jakarta.inject.Inject;

/**
 * The account-connection wizard: choose the package, its settings (and the connector's own page), sign in through
 * the browser, choose the organisation where there are several, map defaults, test, finish. Opened on an existing
 * connection it starts at the defaults; to reconnect it shows only the sign-in and the test.
 *
 * <p>A new connection is saved when the user signs in (or, for a package without a sign-in, when its lists are
 * first read), because the connector keeps its tokens under the connection's uid. Cancelling removes it again.
 */
public final class ConnectionWizard extends Wizard {

    private static final System.Logger LOG = System.getLogger(ConnectionWizard.class.getName());

    private final WizardStart.Mode mode;
    private final ConnectionDraft draft;
    private final Services services;
    /** The wizard's jobs save and sign in the same connection; removing it waits for a sign-in still saving it. */
    private final OneAtATime oneAtATime = new OneAtATime();
    private final Set<Job> running = ConcurrentHashMap.newKeySet();
    /** A new connection as the wizard's jobs last saved it: what cancelling removes. */
    private final AtomicReference<Connection> lastSaved = new AtomicReference<>();

    private PackagePage packagePage;
    private SettingsPage settingsPage;
    private SignInPage signInPage;
    private DefaultsPage defaultsPage;
    private TestPage testPage;
    /** The connector's own page, made for the settings it was given. */
    private OwnPage ownPage;

    private record OwnPage(LiveSettings settings, IWizardPage page) {
    }

    @Inject
    public ConnectionWizard(WizardStart start, ConnectorRegistry registry, ConnectorWatch watch,
            ConnectionStore connections, CredentialStore credentials, InvoiceStore invoices, SystemBrowser browser,
            ConnectionStatus status, CurrentUser user, UISynchronize ui) {
        this.mode = start.mode();
        this.services = new Services(registry, watch, connections, credentials, invoices, browser, status, user,
                ui);
        if (mode == WizardStart.Mode.NEW) {
            this.draft = new ConnectionDraft();
            setWindowTitle("New connection");
        } else {
            Connection connection = start.connection();
            Connector connector = registry.find(connection.connectorId()).orElseThrow(() -> new IllegalStateException(
                    "The connector " + connection.connectorId() + " is not installed"));
            this.draft = new ConnectionDraft(connection, connector, start.secrets(),
                    mode == WizardStart.Mode.EDIT);
            setWindowTitle((mode == WizardStart.Mode.EDIT ? "Edit connection " : "Reconnect ") + connection.name());
        }
        setDefaultPageImageDescriptor(Icons.get("wizard-banner"));
        setNeedsProgressMonitor(true);
    }

    /** Opens the wizard in a dialog and returns when it is closed. */
    static void open(IEclipseContext context, Shell shell, WizardStart start) {
        IEclipseContext local = EclipseContextFactory.create("Connection wizard");
        local.set(WizardStart.class, start);
        try {
            ConnectionWizard wizard = ContextInjectionFactory.make(ConnectionWizard.class, context, local);
            WizardDialog dialog = new WizardDialog(shell, wizard);
            dialog.setPageSize(640, 440);
            dialog.open();
        } finally {
            local.dispose();
        }
    }

    @Override
    public void addPages() {
        packagePage = new PackagePage(mode == WizardStart.Mode.EDIT);
        settingsPage = new SettingsPage();
        signInPage = new SignInPage();
        defaultsPage = new DefaultsPage();
        testPage = new TestPage();
        for (IWizardPage page : List.of(packagePage, settingsPage, signInPage, defaultsPage, testPage)) {
            addPage(page);
        }
    }

    ConnectionDraft draft() {
        return draft;
    }

    Services services() {
        return services;
    }

    boolean isNew() {
        return mode == WizardStart.Mode.NEW;
    }

    /** Whether the chosen package signs in through the browser; the others are connected without a sign-in page. */
    boolean signsInWithBrowser() {
        return draft.connector() != null && draft.descriptor().authKind() == AuthKind.OAUTH2;
    }

    /** The pages of this run, in order; they depend on the mode and on the package chosen. */
    private List<IWizardPage> flow() {
        List<IWizardPage> flow = new ArrayList<>();
        if (mode != WizardStart.Mode.RECONNECT) {
            flow.add(packagePage);
            if (draft.connector() != null) {
                if (!genericSettings().isEmpty()) {
                    flow.add(settingsPage);
                }
                ownPage().ifPresent(flow::add);
            }
        }
        if (mode == WizardStart.Mode.RECONNECT || draft.connector() == null || signsInWithBrowser()) {
            flow.add(signInPage);
        }
        if (mode != WizardStart.Mode.RECONNECT) {
            flow.add(defaultsPage);
        }
        flow.add(testPage);
        return flow;
    }

    /** The settings the generic page asks for: the connector's, less the defaults and the own page's. */
    List<Setting> genericSettings() {
        Set<String> own = settingsPageService().map(ConnectorSettingsPage::ownSettings).orElse(Set.of());
        return draft.descriptor().settings().stream()
                .filter(s -> !DefaultSettings.isDefault(s.key()) && !own.contains(s.key())).toList();
    }

    private Optional<ConnectorSettingsPage> settingsPageService() {
        return draft.connector() == null ? Optional.empty()
                : services.watch().settingsPage(draft.descriptor().id());
    }

    /** The connector's own page for the settings being edited now, made when first needed. */
    private Optional<IWizardPage> ownPage() {
        Optional<ConnectorSettingsPage> service = settingsPageService();
        if (ownPage != null && (service.isEmpty() || ownPage.settings() != draft.settings())) {
            ownPage.page().dispose();
            ownPage = null;
        }
        if (service.isPresent() && ownPage == null) {
            IWizardPage page = service.get().createPage(draft.settings());
            page.setWizard(this);
            ownPage = new OwnPage(draft.settings(), page);
        }
        return Optional.ofNullable(ownPage).map(OwnPage::page);
    }

    @Override
    public IWizardPage getStartingPage() {
        return switch (mode) {
            case NEW -> packagePage;
            case EDIT -> defaultsPage;
            case RECONNECT -> signInPage;
        };
    }

    @Override
    public IWizardPage getNextPage(IWizardPage page) {
        List<IWizardPage> flow = flow();
        int at = flow.indexOf(page);
        return at >= 0 && at + 1 < flow.size() ? flow.get(at + 1) : null;
    }

    @Override
    public IWizardPage getPreviousPage(IWizardPage page) {
        List<IWizardPage> flow = flow();
        int at = flow.indexOf(page);
        return at > 0 ? flow.get(at - 1) : null;
    }

    /** Chooses the package; a connection already saved for another package is removed. */
    void choose(Connector connector) {
        Connection abandoned = draft.choose(connector);
        if (abandoned != null) {
            remove(abandoned);
        }
    }

    /** Called by the jobs, on their thread, with the connection they just saved. */
    void kept(Connection connection) {
        if (isNew()) {
            lastSaved.set(connection);
        }
    }

    /** Finish saves what the wizard holds once the connection test passed. */
    @Override
    public boolean canFinish() {
        return draft.tested() && running.isEmpty();
    }

    @Override
    public boolean performFinish() {
        ConnectionDraft.Snapshot snapshot = draft.snapshot();
        Connection[] saved = new Connection[1];
        try {
            getContainer().run(true, false, (IProgressMonitor monitor) -> {
                monitor.beginTask("Saving the connection " + snapshot.name(), IProgressMonitor.UNKNOWN);
                try {
                    saved[0] = snapshot.save(services.user().name(), services.connections(), services.credentials());
                } catch (StoreException e) {
                    throw new InvocationTargetException(e);
                } finally {
                    monitor.done();
                }
            });
        } catch (InvocationTargetException e) {
            currentPage().setErrorMessage(e.getCause() instanceof AccessDeniedException refused
                    ? refused.getMessage()
                    : "The connection was not saved: " + e.getCause().getMessage() + ". Press Finish to try "
                            + "again; if it keeps failing, restart Ledgerport.");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        services.status().report(saved[0].id(), ConnectionStatus.State.CONNECTED, "");
        Optional<Connection> active = services.status().active();
        if (active.isEmpty() || active.get().id() == saved[0].id()) {
            services.status().activate(saved[0]);
        }
        return true;
    }

    /** Cancelling a new connection removes what was saved of it, after asking when it was signed in already. */
    @Override
    public boolean performCancel() {
        if (isNew() && draft.signedIn() && !MessageDialog.openQuestion(getShell(), "Cancel the new connection",
                ("Ledgerport is signed in to %s%s. Cancelling removes the connection '%s': Ledgerport signs out of "
                        + "%s and forgets the connection's keys on this computer.%n%nCancel and remove the "
                        + "connection?").formatted(draft.packageName(), draft.accountName().isEmpty() ? ""
                                : " (" + draft.accountName() + ")", draft.name(), draft.packageName()))) {
            return false;
        }
        running.forEach(Job::cancel);
        if (isNew()) {
            remove(null);
        }
        return true;
    }

    @Override
    public void dispose() {
        if (ownPage != null) {
            ownPage.page().dispose();
        }
        super.dispose();
    }

    /**
     * Signs a new connection out and removes it with its secrets, once the wizard's running work ended (so that a
     * sign-in still saving it is done).
     *
     * @param abandoned the connection to remove, or null for the one the wizard's jobs saved last
     */
    private void remove(Connection abandoned) {
        schedule("Removing an unfinished connection", monitor -> {
            Connection connection = abandoned != null ? abandoned : lastSaved.get();
            if (connection == null) {
                return Status.OK_STATUS;
            }
            lastSaved.updateAndGet(last -> last != null && last.id() == connection.id() ? null : last);
            String signOut;
            try {
                signOut = ConnectionRemoval.remove(connection, services.user(), services.registry(),
                        services.credentials(), services.connections());
            } catch (RuntimeException e) {
                // The user cannot act on it any more: the wizard is closing.
                LOG.log(System.Logger.Level.ERROR, "The unfinished connection " + connection.name()
                        + " could not be removed; remove it in the Connections view", e);
                return Status.OK_STATUS;
            }
            if (!signOut.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "Signing out of the removed connection failed: " + signOut);
            }
            services.ui().asyncExec(() -> services.status().forget(connection.id()));
            return Status.OK_STATUS;
        });
    }

    /** Runs work of this wizard in the background, one job after the other. */
    Job schedule(String name, IJobFunction work) {
        Job job = Job.create(name, work);
        job.setRule(oneAtATime);
        running.add(job);
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                running.remove(job);
                services.ui().asyncExec(() -> {
                    if (getContainer() != null && getShell() != null && !getShell().isDisposed()) {
                        getContainer().updateButtons();
                    }
                });
            }
        });
        job.schedule();
        return job;
    }

    private DraftPage currentPage() {
        IWizardPage current = getContainer().getCurrentPage();
        return current instanceof DraftPage page ? page : testPage;
    }
}
