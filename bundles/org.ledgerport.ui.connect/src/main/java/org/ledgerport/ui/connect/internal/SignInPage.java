package org.ledgerport.ui.connect.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Text;
import org.ledgerport.core.access.AccessDeniedException;
import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.SignIn;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.store.StoreException;
import org.ledgerport.ui.ConnectionStatus;
import org.ledgerport.ui.WidgetIds;

/**
 * Signs the connection in: saves it, has the connector open the vendor's page in the browser and shows, while the
 * user is there, that Ledgerport waits for the browser, with a way to cancel and a field for the address the
 * browser ended on when it does not come back by itself. Where the sign-in gave access to several organisations,
 * the user chooses one here and the connection is tested with it, without another sign-in. Packages that sign in
 * nowhere are connected from here when the connection is reconnected.
 */
final class SignInPage extends DraftPage {

    /** Problems whose package's answer lists the organisations the sign-in may use, one "id name" a line. */
    private static final Set<String> ORGANISATION_CHOICES = Set.of("connection.choose-organisation",
            "connection.organisation-not-found");

    private Label intro;
    private Button signIn;
    private Composite busy;
    private Label busyText;
    private Composite waiting;
    private Label waitingText;
    private Text address;
    private Text pasted;
    private Composite choice;
    private TableViewer organisations;
    private Label result;

    private Job job;
    private WizardSignIn pending;
    /** The setting the chosen organisation goes into, as the problem named it. */
    private String organisationKey;

    /** An organisation the sign-in may use, as the package listed it. */
    private record Organisation(String id, String name) {
    }

    SignInPage() {
        super("signIn", "Sign in");
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().applyTo(page);
        intro = new Label(page, SWT.WRAP);
        intro.setLayoutData(Widgets.wrapping(1));
        signIn = WidgetIds.tag(new Button(page, SWT.PUSH), "wizard.signIn");
        signIn.addListener(SWT.Selection, event -> signIn());

        busy = new Composite(page, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(busy);
        busy.setLayoutData(Widgets.wrapping(1));
        ProgressBar busyBar = new ProgressBar(busy, SWT.INDETERMINATE);
        GridDataFactory.swtDefaults().hint(120, SWT.DEFAULT).applyTo(busyBar);
        busyText = new Label(busy, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(busyText);

        createWaiting(page);
        createChoice(page);

        result = WidgetIds.tag(new Label(page, SWT.WRAP), "wizard.account");
        result.setLayoutData(Widgets.wrapping(1));
        setControl(page);
        idle("");
    }

    private void createWaiting(Composite page) {
        waiting = WidgetIds.tag(new Composite(page, SWT.NONE), "wizard.waiting");
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(waiting);
        waiting.setLayoutData(Widgets.wrapping(1));
        waitingText = new Label(waiting, SWT.WRAP);
        waitingText.setLayoutData(Widgets.wrapping(2));
        ProgressBar bar = new ProgressBar(waiting, SWT.INDETERMINATE | SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        Button cancel = WidgetIds.tag(new Button(waiting, SWT.PUSH), "wizard.cancelSignIn");
        cancel.setText("&Cancel sign-in");
        cancel.addListener(SWT.Selection, event -> {
            if (job != null) {
                job.cancel();
            }
        });
        Label manual = new Label(waiting, SWT.WRAP);
        manual.setText("If no browser opened, open this address in one:");
        manual.setLayoutData(Widgets.wrapping(2));
        address = new Text(waiting, SWT.READ_ONLY | SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(300, SWT.DEFAULT).applyTo(address);
        Label paste = new Label(waiting, SWT.WRAP);
        paste.setText("If the browser did not come back here, paste the address it ended on:");
        paste.setLayoutData(Widgets.wrapping(2));
        pasted = WidgetIds.tag(new Text(waiting, SWT.BORDER), "wizard.paste");
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(pasted);
        Button use = WidgetIds.tag(new Button(waiting, SWT.PUSH), "wizard.usePasted");
        use.setText("&Use this address");
        use.addListener(SWT.Selection, event -> usePasted());
        pasted.addListener(SWT.DefaultSelection, event -> usePasted());
    }

    private void createChoice(Composite page) {
        choice = new Composite(page, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(choice);
        choice.setLayoutData(Widgets.wrapping(1));
        Label ask = new Label(choice, SWT.WRAP);
        ask.setText("Choose the organisation to send invoices to:");
        organisations = new TableViewer(choice, SWT.SINGLE | SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        WidgetIds.tag(organisations.getTable(), "wizard.organisations");
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 100).applyTo(organisations.getTable());
        organisations.setContentProvider(ArrayContentProvider.getInstance());
        organisations.setLabelProvider(ColumnLabelProvider.createTextProvider(o -> ((Organisation) o).name()));
        Button use = WidgetIds.tag(new Button(choice, SWT.PUSH), "wizard.useOrganisation");
        use.setText("Use this &organisation");
        use.setEnabled(false);
        organisations.addSelectionChangedListener(event -> use.setEnabled(!event.getSelection().isEmpty()));
        organisations.addDoubleClickListener(event -> useOrganisation());
        use.addListener(SWT.Selection, event -> useOrganisation());
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            String packageName = draft().packageName();
            boolean browser = wizard().signsInWithBrowser();
            setTitle(browser ? "Sign in to " + packageName : "Connect to " + packageName);
            setDescription(browser ? "Allow Ledgerport to send invoices to your " + packageName + " account."
                    : "Check that Ledgerport reaches " + packageName + " with these settings.");
            intro.setText(browser ? ("Ledgerport opens %s's sign-in page in your web browser. Sign in there, choose "
                    + "the company if asked and allow Ledgerport access; this page goes on by itself when you "
                    + "come back.").formatted(packageName) : packageName + " needs no sign-in.");
            signIn.setText(browser ? "&Sign in with " + packageName + "\u2026" : "&Connect to " + packageName);
            if (job == null) {
                idle(status());
            }
        }
        super.setVisible(visible);
    }

    /** Where the connection stands, for a page shown again or opened to reconnect. */
    private String status() {
        String account = draft().accountName();
        if (account.isEmpty()) {
            return "";
        }
        return draft().signedIn()
                ? "Signed in to %s. Sign in again only when Ledgerport says the connection needs it.".formatted(account)
                : "Last signed in to %s. Sign in again to go on sending invoices there.".formatted(account);
    }

    @Override
    public boolean isPageComplete() {
        return draft().signedIn() && job == null;
    }

    private void signIn() {
        ConnectionDraft.Snapshot snapshot = draft().snapshot();
        String packageName = draft().packageName();
        boolean browser = wizard().signsInWithBrowser();
        setErrorMessage(null);
        busy(browser ? "Opening " + packageName + "'s sign-in page\u2026" : "Connecting to " + packageName + "\u2026");
        run("Signing in to " + packageName, snapshot, monitor -> {
            Connection saved = save(snapshot);
            SignIn conversation = browser ? new WizardSignIn(this, monitor) : WizardSignIn.none(packageName);
            return new Reached(saved, snapshot.connector().connect(services().context(saved), conversation));
        });
    }

    /** The connection checked with the organisation the user chose, which needs no new sign-in. */
    private void useOrganisation() {
        Organisation chosen = (Organisation) organisations.getStructuredSelection().getFirstElement();
        if (chosen == null) {
            return;
        }
        draft().settings().set(organisationKey, chosen.id());
        ConnectionDraft.Snapshot snapshot = draft().snapshot();
        setErrorMessage(null);
        busy("Checking " + chosen.name() + " in " + draft().packageName() + "\u2026");
        run("Choosing the organisation " + chosen.name(), snapshot, monitor -> {
            Connection saved = save(snapshot);
            return new Reached(saved, snapshot.connector().test(services().context(saved)));
        });
    }

    /** What a sign-in job does: save the connection, then reach its account. */
    private interface Reach {
        Reached reach(IProgressMonitor monitor) throws ConnectorException, InterruptedException;
    }

    private record Reached(Connection saved, AccountInfo account) {
    }

    private void run(String name, ConnectionDraft.Snapshot snapshot, Reach reach) {
        job = wizard().schedule(name, monitor -> {
            try {
                Reached reached = reach.reach(monitor);
                AccountInfo account = reached.account();
                Connection connected = ConnectionDraft.Snapshot.withAccount(services().connections(),
                        services().user().name(), reached.saved(), account);
                wizard().kept(connected);
                later(() -> {
                    draft().connected(connected, account);
                    services().status().report(connected.id(), ConnectionStatus.State.CONNECTED, "");
                    done();
                    idle("Signed in to %s (%s) in %s.".formatted(account.name(), account.accountId(),
                            snapshot.connector().descriptor().displayName()));
                });
            } catch (ConnectorException e) {
                later(() -> {
                    done();
                    failed(e.problem());
                });
            } catch (InterruptedException e) {
                later(() -> {
                    done();
                    idle(e.getMessage() + " Press the button to try again.");
                });
            } catch (AccessDeniedException e) {
                later(() -> {
                    done();
                    setErrorMessage(e.getMessage());
                    idle("");
                });
            } catch (StoreException e) {
                later(() -> {
                    done();
                    setErrorMessage("The connection could not be saved: " + e.getMessage() + ". Press the button "
                            + "to try again; if it keeps failing, restart Ledgerport.");
                    idle("");
                });
            }
            return Status.OK_STATUS;
        });
        changed();
    }

    /** Saves the connection as the draft holds it, for the connector to keep its tokens under its uid. */
    private Connection save(ConnectionDraft.Snapshot snapshot) {
        Connection saved = snapshot.save(services().user().name(), services().connections(),
                services().credentials());
        wizard().kept(saved);
        later(() -> draft().saved(saved));
        return saved;
    }

    private void done() {
        job = null;
        pending = null;
        changed();
    }

    private void failed(Problem problem) {
        if (ORGANISATION_CHOICES.contains(problem.code()) && !problem.vendorMessage().isBlank()) {
            organisationKey = problem.field().isEmpty() ? "organisation" : problem.field();
            List<Organisation> listed = problem.vendorMessage().lines().map(String::strip)
                    .filter(line -> line.contains(" "))
                    .map(line -> new Organisation(line.substring(0, line.indexOf(' ')),
                            line.substring(line.indexOf(' ') + 1)))
                    .toList();
            organisations.setInput(listed);
            setMessage(("You allowed Ledgerport to use %d organisations in %s. Choose the one to send invoices to; no "
                    + "new sign-in is needed.").formatted(listed.size(), draft().packageName()));
            show(true, false, true, "");
            return;
        }
        Connection saved = draft().saved();
        if (saved != null) {
            services().status().report(saved.id(), problem);
        }
        setErrorMessage(problem.message());
        idle(Words.problem(problem, draft().packageName()));
    }

    /** The browser was sent to the vendor's page: say so and offer cancel and paste. */
    void waiting(URI page, WizardSignIn signIn) {
        pending = signIn;
        String packageName = draft().packageName();
        waitingText.setText(("Waiting for the browser\u2026 Sign in on %s's page and allow Ledgerport access.")
                .formatted(packageName));
        address.setText(page.toString());
        pasted.setText("");
        show(false, true, false, "");
        services().browser().open(page);
    }

    /** The browser came back (or an address was pasted): the connector finishes the sign-in. */
    void finishing() {
        if (job != null) {
            busy("Finishing the sign-in with " + draft().packageName() + "\u2026");
        }
    }

    private void usePasted() {
        URI uri;
        try {
            uri = new URI(pasted.getText().strip());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).startsWith("http")
                || uri.getRawQuery() == null) {
            setErrorMessage("That is not the address the sign-in ended on. Copy the whole address from the "
                    + "browser's address bar: it starts with http and carries 'code=' or 'error='.");
            return;
        }
        setErrorMessage(null);
        if (pending != null) {
            pending.pasted(uri);
        }
    }

    private void idle(String text) {
        show(true, false, false, text);
    }

    private void busy(String text) {
        busyText.setText(text);
        show(false, false, false, "");
        Widgets.show(busy, true);
        ((Composite) getControl()).layout(true, true);
    }

    private void show(boolean button, boolean waitingShown, boolean choiceShown, String resultText) {
        signIn.setEnabled(button);
        Widgets.show(busy, false);
        Widgets.show(waiting, waitingShown);
        Widgets.show(choice, choiceShown);
        result.setText(resultText);
        if (choiceShown) {
            organisations.getTable().setFocus();
        } else {
            setMessage(null);
        }
        ((Composite) getControl()).layout(true, true);
        changed();
    }
}
