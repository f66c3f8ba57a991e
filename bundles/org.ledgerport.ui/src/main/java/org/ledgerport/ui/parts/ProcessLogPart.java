package org.ledgerport.ui.parts;

import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.ledgerport.core.access.Role;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.RunOutcome;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.store.Activity;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.ProcessLog;
import org.ledgerport.ui.Formats;
import org.ledgerport.ui.Icons;
import org.ledgerport.ui.UiTopics;
import org.ledgerport.ui.WidgetIds;
import org.ledgerport.ui.handlers.RunViewRefreshHandler;
import org.ledgerport.ui.internal.StatusRefresher;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The Process Log: one row per export run (when, who, where, to which connection, what came of it, how long it
 * took), and below it the chosen run's result for each invoice. Opening a run shows its problems in the Errors
 * view. A second tab lists everything else users did: reverts, payments, status refreshes, changes of connections
 * and of roles, each with who did it, when and from which workstation.
 */
public final class ProcessLogPart {

    public static final String ID = "org.ledgerport.ui.part.processLog";

    /** How many runs the log lists, newest first. */
    static final int RUNS = 200;

    /** How many activities the log lists, newest first. */
    static final int ACTIVITIES = 500;

    /** Lets a burst of store changes end before the log is read again. */
    private static final int RELOAD_DELAY_MILLIS = 1000;

    private static final String NO_RUN = "No export has run yet.\n\nEvery export is recorded here: when it ran, who "
            + "ran it from which workstation, to which connection, and what came of each invoice.";
    private static final String NO_ACTIVITY = "Nothing else has been done yet.\n\nReverts, payments, status "
            + "refreshes and changes of connections and roles are recorded here: when, who did it from which "
            + "workstation, and what.";

    private final ProcessLog processLog;
    private final UISynchronize ui;
    private final IEventBroker events;
    private final EPartService parts;
    private final EHandlerService handlers;

    private PartImages icons;
    private CTabFolder tabs;
    private PageStack pages;
    private PageStack activityPages;
    private TableViewer activity;
    private SashForm sash;
    private TableViewer runs;
    private TableViewer results;
    private Label resultsTitle;
    private int loadsStarted;
    private int resultLoadsStarted;
    private int activityLoadsStarted;
    private final Runnable reloadLater = this::loadAll;

    @Inject
    public ProcessLogPart(ProcessLog processLog, UISynchronize ui, IEventBroker events, EPartService parts,
            EHandlerService handlers) {
        this.processLog = processLog;
        this.handlers = handlers;
        this.ui = ui;
        this.events = events;
        this.parts = parts;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        icons = new PartImages(parent);
        GridLayoutFactory.swtDefaults().applyTo(parent);
        tabs = new CTabFolder(parent, SWT.FLAT | SWT.TOP);
        WidgetIds.tag(tabs, "log.tabs");
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tabs);

        pages = new PageStack(tab("Export &runs", "Every export run and each invoice's result"));
        sash = new SashForm(pages.composite(), SWT.VERTICAL);
        createRuns(sash);
        createResults(sash);
        sash.setWeights(55, 45);
        activityPages = new PageStack(tab("&Activity", "Reverts, payments, status refreshes, connection and role "
                + "changes"));
        createActivity(activityPages.composite());
        tabs.setSelection(0);

        RunViewRefreshHandler.activate(handlers, this::loadAll);
        pages.showMessage("Reading the process log\u2026");
        activityPages.showMessage("Reading the process log\u2026");
        loadAll();
    }

    /** A tab of the view; its content fills it. */
    private Composite tab(String title, String tooltip) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(title);
        item.setToolTipText(tooltip);
        Composite content = new Composite(tabs, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(content);
        item.setControl(content);
        return content;
    }

    private void createActivity(Composite parent) {
        Composite holder = new Composite(parent, SWT.NONE);
        TableColumnLayout columns = new TableColumnLayout();
        holder.setLayout(columns);
        activity = new TableViewer(holder, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        WidgetIds.tag(activity.getTable(), "log.activity");
        activity.getTable().setHeaderVisible(true);
        activity.getTable().setLinesVisible(true);
        activity.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(activity);
        activityColumn(columns, "When", 14, a -> Formats.dateTime(a.at()));
        activityColumn(columns, "Who", 9, Activity::user);
        activityColumn(columns, "Workstation", 9, Activity::workstation);
        RunColumns.add(activity, columns, "What", 13, SWT.LEFT, RunColumns.labels(Activity.class,
                a -> a.kind().label(), ProcessLogPart::icon, null, icons));
        activityColumn(columns, "Connection", 13, Activity::connectionName);
        activityColumn(columns, "Invoice", 9, Activity::invoiceNumber);
        RunColumns.add(activity, columns, "Details", 33, SWT.LEFT, RunColumns.labels(Activity.class,
                Activity::text, null, Activity::text, icons));
    }

    private void activityColumn(TableColumnLayout columns, String title, int weight,
            Function<Activity, String> text) {
        RunColumns.add(activity, columns, title, weight, SWT.LEFT, RunColumns.text(Activity.class, text));
    }

    private static ImageDescriptor icon(Activity done) {
        return Icons.get(switch (done.kind()) {
            case STATUS_REFRESH -> "refresh-status";
            case REVERT -> "draft";
            case PAYMENT -> "exported";
            case VENDOR_PROBLEM -> "warning";
            case CONNECTION_ADDED, CONNECTION_CHANGED, CONNECTION_REMOVED -> "connection";
            case ROLE_CHANGED -> "user";
        });
    }

    private void createRuns(Composite parent) {
        Composite holder = new Composite(parent, SWT.NONE);
        TableColumnLayout columns = new TableColumnLayout();
        holder.setLayout(columns);
        runs = new TableViewer(holder, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        WidgetIds.tag(runs.getTable(), "log.runs");
        runs.getTable().setHeaderVisible(true);
        runs.getTable().setLinesVisible(true);
        runs.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(runs);
        runColumn(columns, "When", 14, SWT.LEFT, run -> Formats.dateTime(run.startedAt()));
        runColumn(columns, "Who", 9, SWT.LEFT, RunSummary::user);
        runColumn(columns, "Workstation", 9, SWT.LEFT, RunSummary::workstation);
        runColumn(columns, "Connection", 13, SWT.LEFT, RunSummary::connectionName);
        runColumn(columns, "Selected", 6, SWT.RIGHT, run -> Integer.toString(run.selected()));
        runColumn(columns, "Exported", 6, SWT.RIGHT, run -> Integer.toString(run.exported()));
        runColumn(columns, "Failed", 6, SWT.RIGHT, run -> Integer.toString(run.failed()));
        runColumn(columns, "Skipped", 6, SWT.RIGHT, run -> Integer.toString(run.skipped()));
        runColumn(columns, "Not confirmed", 7, SWT.RIGHT, run -> Integer.toString(run.unconfirmed()));
        runColumn(columns, "Duration", 7, SWT.RIGHT,
                run -> run.outcome() == RunOutcome.RUNNING ? "running" : Formats.duration(run.duration()));
        RunColumns.add(runs, columns, "Outcome", 17, SWT.LEFT, RunColumns.labels(RunSummary.class,
                run -> run.outcome().label(), run -> PartImages.forRun(run.outcome()), RunLabels::title, icons));
        runs.addSelectionChangedListener(e -> loadResults());
        // Double-click or Enter: the run's problems, in the view made for them.
        runs.addDoubleClickListener(e -> {
            if (runs.getStructuredSelection().getFirstElement() instanceof RunSummary run) {
                parts.showPart(ErrorPart.ID, PartState.ACTIVATE);
                events.post(UiTopics.SHOW_RUN, run.id());
            }
        });
    }

    private void runColumn(TableColumnLayout columns, String title, int weight, int alignment,
            Function<RunSummary, String> text) {
        RunColumns.add(runs, columns, title, weight, alignment, RunColumns.text(RunSummary.class, text));
    }

    private void createResults(Composite parent) {
        Composite holder = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(holder);
        resultsTitle = new Label(holder, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(resultsTitle);
        Composite tableHolder = new Composite(holder, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tableHolder);
        TableColumnLayout columns = new TableColumnLayout();
        tableHolder.setLayout(columns);
        results = new TableViewer(tableHolder, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        WidgetIds.tag(results.getTable(), "log.results");
        results.getTable().setHeaderVisible(true);
        results.getTable().setLinesVisible(true);
        results.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(results);
        RunColumns.add(results, columns, "Invoice", 14, SWT.LEFT,
                RunColumns.text(InvoiceResult.class, InvoiceResult::invoiceNumber));
        RunColumns.add(results, columns, "Result", 18, SWT.LEFT, RunColumns.labels(InvoiceResult.class,
                r -> r.outcome().label(), r -> Icons.forOutcome(r.outcome()), null, icons));
        RunColumns.add(results, columns, "Number in the package", 14, SWT.LEFT,
                RunColumns.text(InvoiceResult.class, RunLabels::vendorNumber));
        RunColumns.add(results, columns, "First problem", 54, SWT.LEFT, RunColumns.labels(InvoiceResult.class,
                InvoiceResult::reason, null, r -> RunLabels.problems(r.problems()), icons));
    }


    @Inject
    @Optional
    void runFinished(@UIEventTopic(UiTopics.RUN_FINISHED) Long runId) {
        if (!disposed()) {
            load();
        }
    }

    @Inject
    @Optional
    void connectionsChanged(@UIEventTopic(ConnectionStore.TOPIC_CONNECTIONS_CHANGED) Event event) {
        reloadSoon();
    }

    /** Exports (the queue's own too), reverts and payments are logged as they change invoices. */
    @Inject
    @Optional
    void invoicesChanged(@UIEventTopic(InvoiceStore.TOPIC_INVOICES_CHANGED) Event event) {
        reloadSoon();
    }

    @Inject
    @Optional
    void statusRefreshed(@UIEventTopic(StatusRefresher.TOPIC) StatusRefresher.Outcome outcome) {
        if (outcome.finished()) {
            reloadSoon();
        }
    }

    @Inject
    @Optional
    void rolesChanged(@UIEventTopic(UiTopics.USER_ROLE) Role role) {
        reloadSoon();
    }

    private void reloadSoon() {
        if (!disposed()) {
            pages.composite().getDisplay().timerExec(RELOAD_DELAY_MILLIS, reloadLater);
        }
    }

    private void loadAll() {
        load();
        loadActivity();
    }

    private void loadActivity() {
        int load = ++activityLoadsStarted;
        Job.create("Reading what was done at the workstations", monitor -> {
            try {
                List<Activity> recent = processLog.recentActivity(ACTIVITIES);
                ui.asyncExec(() -> {
                    if (load == activityLoadsStarted && !disposed()) {
                        activity.setInput(recent);
                        if (recent.isEmpty()) {
                            activityPages.showMessage(NO_ACTIVITY);
                        } else {
                            activityPages.show(activity.getTable().getParent());
                        }
                    }
                });
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                ui.asyncExec(() -> {
                    if (load == activityLoadsStarted && !disposed()) {
                        activityPages.showMessage(RunLabels.unreadable("The process log", e));
                    }
                });
                return Status.error("Could not read the activities of the process log", e);
            }
        }).schedule();
    }

    private void load() {
        int load = ++loadsStarted;
        Job.create("Reading the process log", monitor -> {
            try {
                List<RunSummary> recent = processLog.recentRuns(RUNS);
                ui.asyncExec(() -> showRuns(load, recent));
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                ui.asyncExec(() -> {
                    if (load == loadsStarted && !disposed()) {
                        pages.showMessage(RunLabels.unreadable("The process log", e));
                    }
                });
                return Status.error("Could not read the process log", e);
            }
        }).schedule();
    }

    private void showRuns(int load, List<RunSummary> recent) {
        if (load != loadsStarted || disposed()) {
            return;
        }
        if (recent.isEmpty()) {
            runs.setInput(recent);
            pages.showMessage(NO_RUN);
            return;
        }
        long selectedId = runs.getStructuredSelection().getFirstElement() instanceof RunSummary run ? run.id()
                : recent.get(0).id();
        runs.setInput(recent);
        RunSummary selected = recent.stream().filter(r -> r.id() == selectedId).findFirst().orElse(recent.get(0));
        pages.show(sash);
        runs.setSelection(new StructuredSelection(selected), true);
    }

    private void loadResults() {
        int load = ++resultLoadsStarted;
        if (!(runs.getStructuredSelection().getFirstElement() instanceof RunSummary run)) {
            resultsTitle.setText("");
            results.setInput(List.of());
            return;
        }
        resultsTitle.setText(RunLabels.literal(RunLabels.title(run) + ": reading its results\u2026"));
        Job.create("Reading the results of run " + run.id(), monitor -> {
            try {
                List<InvoiceResult> read = processLog.results(run.id());
                ui.asyncExec(() -> {
                    if (load == resultLoadsStarted && !disposed()) {
                        resultsTitle.setText(RunLabels.literal(RunLabels.title(run)
                                + (read.isEmpty() ? ": no invoice results" : "")));
                        results.setInput(read);
                    }
                });
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                ui.asyncExec(() -> {
                    if (load == resultLoadsStarted && !disposed()) {
                        resultsTitle.setText(RunLabels.literal("The results of run " + run.id()
                                + " could not be read: " + e.getMessage() + ". Press F5 to try again."));
                    }
                });
                return Status.error("Could not read the results of run " + run.id(), e);
            }
        }).schedule();
    }

    private boolean disposed() {
        return pages == null || pages.disposed();
    }

    @Focus
    public void setFocus() {
        if (tabs.getSelectionIndex() == 1) {
            if (activityPages.shows(activity.getTable().getParent())) {
                activity.getTable().setFocus();
            } else {
                tabs.setFocus();
            }
        } else if (pages.shows(sash)) {
            runs.getTable().setFocus();
        } else {
            tabs.setFocus();
        }
    }
}
