package org.ledgerport.ui.parts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.ProgressBar;
import org.ledgerport.core.access.AccessDeniedException;
import org.ledgerport.core.access.Permission;
import org.ledgerport.core.access.Role;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.export.AutoExportQueue;
import org.ledgerport.core.export.ExportListener;
import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.export.ExportRequest;
import org.ledgerport.core.export.ExportService;
import org.ledgerport.core.export.ExportState;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.Preflight;
import org.ledgerport.core.export.QueuedExport;
import org.ledgerport.core.export.RunOutcome;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.Severity;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.ProcessLog;
import org.ledgerport.ui.CommandIds;
import org.ledgerport.ui.ConnectionStatus;
import org.ledgerport.ui.CurrentUser;
import org.ledgerport.ui.Formats;
import org.ledgerport.ui.UiColors;
import org.ledgerport.ui.UiTopics;
import org.ledgerport.ui.WidgetIds;
import org.ledgerport.ui.handlers.RunViewRefreshHandler;
import org.ledgerport.ui.internal.StatusRefresher;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The Export view: pick a connection, see what is ready for it with the counts of the pre-flight, check and export
 * a selection (or everything listed) in a cancellable background job, and watch each row's status as the results
 * come in. For a connection that exports each invoice as it is finalized, the invoices waiting in its queue are
 * listed as queued, with a way to try them again at once. It also asks the package what became of the exported
 * invoices (Refresh Status) and says what it found. Every read and every export runs in a job; the UI thread only
 * shows what they hand back. Actions the user's role does not allow are off, with the reason.
 */
public final class ExportPart {

    public static final String ID = "org.ledgerport.ui.part.export";

    /** Key of the part's persisted state that remembers the chosen connection from one session to the next. */
    static final String CONNECTION_KEY = "org.ledgerport.ui.export.connectionId";

    /** Lets a burst of store changes (one per confirmed batch) end before the list is read again. */
    private static final int RELOAD_DELAY_MILLIS = 400;

    /** How often the queue of a connection that exports on finalize is read while invoices wait in it. */
    private static final int QUEUE_POLL_MILLIS = 3000;

    /** How often it is read while empty: an invoice joins it, and fails its first try, with no other news. */
    private static final int IDLE_QUEUE_POLL_MILLIS = 10_000;

    private static final String EXPORT_TIP = "Export the selected invoices, or all listed when none is selected";

    private static final String NO_CONNECTION = "There is no connection to an accounting package yet.\n\n"
            + "Add one to export invoices: choose the accounting package (QuickBooks Online, Xero, or import files "
            + "for a package without a connection), sign in, and map your tax codes and income accounts.";

    private final ExportService exports;
    private final AutoExportQueue autoExport;
    private final StatusRefresher refresher;
    private final CurrentUser user;
    private final InvoiceStore invoices;
    private final ProcessLog processLog;
    private final ConnectionStore connections;
    private final ConnectorRegistry connectors;
    private final ConnectionStatus connectionStatus;
    private final UISynchronize ui;
    private final IEventBroker events;
    private final EPartService parts;
    private final ECommandService commands;
    private final EHandlerService handlers;
    private final MPart part;

    private PartImages icons;
    private Combo connectionCombo;
    private Label connectionState;
    private Button refreshButton;
    private Button refreshStatusButton;
    private Label counts;
    private Composite queueRow;
    private Label queueText;
    private Button retryButton;
    private PageStack pages;
    private Composite tablePage;
    private TableViewer viewer;
    private Composite messagePage;
    private Label message;
    private Button addConnection;
    private Label refusal;
    private Button selectAllButton;
    private Button selectNoneButton;
    private Button checkButton;
    private Button exportButton;
    private Composite progressRow;
    private ProgressBar progress;
    private Button cancelButton;
    private Link summary;
    private Composite statusRow;
    private Link statusLine;
    private Button stopRefreshButton;

    private List<Connection> connectionList = List.of();
    private Connection connection;
    private List<ExportRow> rows = List.of();
    private final Map<Long, ExportRowStatus> statuses = new HashMap<>();
    /** The connection's invoices waiting to be exported by themselves, as last read, by invoice id. */
    private Map<Long, QueuedExport> queued = Map.of();
    /** Every invoice shown queued since the list was last read afresh, to tell those the queue exported. */
    private final Set<Long> queuedSeen = new HashSet<>();
    private boolean queuePollScheduled;
    /** The check or export under way, or null. */
    private Job running;
    /** Counts loads started, so a slow load that finishes after a newer one cannot show stale rows. */
    private int loadsStarted;
    /** The latest load whose rows are shown (or that failed). */
    private int loadsDone;
    private int connectionLoadsStarted;
    /** The store changed while a check or an export ran; the list is read again when it ends. */
    private boolean reloadWhenIdle;
    /** The connections changed while a check or an export ran; they are read again when it ends. */
    private boolean connectionsChangedMeanwhile;
    private final Runnable reloadSoon = () -> reload(true);
    private final Runnable pollQueue = this::pollQueue;

    @Inject
    public ExportPart(ExportService exports, AutoExportQueue autoExport, StatusRefresher refresher, CurrentUser user,
            InvoiceStore invoices, ProcessLog processLog, ConnectionStore connections, ConnectorRegistry connectors,
            ConnectionStatus connectionStatus, UISynchronize ui, IEventBroker events, EPartService parts,
            ECommandService commands, EHandlerService handlers, MPart part) {
        this.exports = exports;
        this.autoExport = autoExport;
        this.refresher = refresher;
        this.user = user;
        this.invoices = invoices;
        this.processLog = processLog;
        this.connections = connections;
        this.connectors = connectors;
        this.connectionStatus = connectionStatus;
        this.ui = ui;
        this.events = events;
        this.parts = parts;
        this.commands = commands;
        this.handlers = handlers;
        this.part = part;
    }

    /** Shows the Export view and returns it, for the handlers that act on it from the menu and the keyboard. */
    public static java.util.Optional<ExportPart> show(EPartService parts) {
        MPart shown = parts.showPart(ID, PartState.ACTIVATE);
        return shown != null && shown.getObject() instanceof ExportPart view ? java.util.Optional.of(view)
                : java.util.Optional.empty();
    }

    /** Whether the Export view can take a check or an export now: it is not created yet, or not busy. */
    public static boolean idle(EPartService parts) {
        MPart shown = parts.findPart(ID);
        return shown == null || !(shown.getObject() instanceof ExportPart view) || !view.busy();
    }

    @PostConstruct
    public void createControls(Composite parent) {
        icons = new PartImages(parent);
        GridLayoutFactory.swtDefaults().numColumns(1).applyTo(parent);
        createConnectionRow(parent);
        counts = new Label(parent, SWT.WRAP);
        WidgetIds.tag(counts, "export.counts");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(counts);
        createQueueRow(parent);
        createPages(parent);
        refusal = new Label(parent, SWT.WRAP);
        WidgetIds.tag(refusal, "export.refusal");
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(refusal);
        createButtonRow(parent);
        createProgressRow(parent);
        summary = new Link(parent, SWT.WRAP);
        WidgetIds.tag(summary, "export.summary");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        summary.addListener(SWT.Selection, e -> parts.showPart(ErrorPart.ID, PartState.ACTIVATE));
        createStatusRow(parent);
        showQueueRow();
        showRefusal();
        updateButtons();
        RunViewRefreshHandler.activate(handlers, this::refresh);
        showMessage("Reading the connections\u2026", false);
        loadConnections();
    }

    private void createConnectionRow(Composite parent) {
        Composite row = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(row);
        new Label(row, SWT.NONE).setText("Co&nnection:");
        connectionCombo = new Combo(row, SWT.READ_ONLY | SWT.DROP_DOWN);
        WidgetIds.tag(connectionCombo, "export.connection");
        GridDataFactory.fillDefaults().hint(260, SWT.DEFAULT).applyTo(connectionCombo);
        connectionCombo.addListener(SWT.Selection, e -> {
            int index = connectionCombo.getSelectionIndex();
            if (index >= 0 && index < connectionList.size()) {
                choose(connectionList.get(index));
            }
        });
        connectionState = new Label(row, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(connectionState);
        refreshButton = button(row, "&Refresh", "refresh", "export.refresh", this::refresh);
        refreshButton.setToolTipText("Read again what is ready for this connection (F5)");
        refreshStatusButton = button(row, "Refresh s&tatus", "refresh-status", "export.refreshStatus",
                this::refreshStatus);
    }

    /** For a connection that exports on finalize: what waits in its queue, and Retry now. */
    private void createQueueRow(Composite parent) {
        queueRow = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(queueRow);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(queueRow);
        queueText = new Label(queueRow, SWT.WRAP);
        WidgetIds.tag(queueText, "export.queue");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).hint(300, SWT.DEFAULT)
                .applyTo(queueText);
        retryButton = button(queueRow, "Retr&y now", "queued", "export.retryNow", this::retryNow);
        retryButton.setToolTipText("Try the queued invoices now instead of at their next try");
    }

    /** What the latest status refresh found, and Stop while it runs. */
    private void createStatusRow(Composite parent) {
        statusRow = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(statusRow);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(statusRow);
        statusLine = new Link(statusRow, SWT.WRAP);
        WidgetIds.tag(statusLine, "export.statusRefresh");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).hint(300, SWT.DEFAULT)
                .applyTo(statusLine);
        statusLine.addListener(SWT.Selection, e -> parts.showPart(ErrorPart.ID, PartState.ACTIVATE));
        stopRefreshButton = button(statusRow, "Sto&p", null, "export.stopRefresh", refresher::cancel);
        stopRefreshButton.setToolTipText("Stop the status refresh after the connection being asked");
        show(stopRefreshButton, false);
        show(statusRow, false);
    }

    private void createPages(Composite parent) {
        pages = new PageStack(parent);

        tablePage = new Composite(pages.composite(), SWT.NONE);
        TableColumnLayout columns = new TableColumnLayout();
        tablePage.setLayout(columns);
        viewer = new TableViewer(tablePage, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        WidgetIds.tag(viewer.getTable(), "export.table");
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(viewer);
        RunColumns.add(viewer, columns, "Number", 12, SWT.LEFT, RunColumns.text(ExportRow.class, ExportRow::number));
        RunColumns.add(viewer, columns, "Customer", 26, SWT.LEFT,
                RunColumns.text(ExportRow.class, ExportRow::customer));
        RunColumns.add(viewer, columns, "Issued", 12, SWT.LEFT,
                RunColumns.text(ExportRow.class, row -> Formats.date(row.issued())));
        RunColumns.add(viewer, columns, "Net", 12, SWT.RIGHT,
                RunColumns.text(ExportRow.class, row -> Formats.money(row.net())));
        RunColumns.add(viewer, columns, "Status", 38, SWT.LEFT, RunColumns.labels(ExportRow.class,
                row -> status(row).text(), row -> status(row).icon(), row -> status(row).details(), icons));

        messagePage = new Composite(pages.composite(), SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(messagePage);
        message = new Label(messagePage, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(message);
        addConnection = button(messagePage, "A&dd a connection\u2026", "add", "export.addConnection",
                this::addConnection);
    }

    private void createButtonRow(Composite parent) {
        Composite row = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        GridLayoutFactory.fillDefaults().numColumns(5).applyTo(row);
        selectAllButton = button(row, "Select &all", null, "export.selectAll",
                () -> viewer.setSelection(new StructuredSelection(rows)));
        selectNoneButton = button(row, "Select n&one", null, "export.selectNone",
                () -> viewer.setSelection(StructuredSelection.EMPTY));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(new Label(row, SWT.NONE));
        checkButton = button(row, "&Check", "check", "export.check", this::check);
        checkButton.setToolTipText("Check the selected invoices (or all listed) before exporting; nothing is sent");
        exportButton = button(row, "&Export", "export", "export.run", this::export);
        exportButton.setToolTipText(EXPORT_TIP);
    }

    private void createProgressRow(Composite parent) {
        progressRow = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(progressRow);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(progressRow);
        progress = new ProgressBar(progressRow, SWT.HORIZONTAL | SWT.SMOOTH);
        WidgetIds.tag(progress, "export.progress");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(progress);
        cancelButton = button(progressRow, "Cance&l", null, "export.cancel", this::cancel);
        cancelButton.setToolTipText("Stop after the batch being sent; what was sent is kept and recorded");
        showProgressRow(false);
    }

    private Button button(Composite parent, String label, String icon, String id, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        if (icon != null) {
            button.setImage(icons.named(icon));
        }
        WidgetIds.tag(button, id);
        GridDataFactory.swtDefaults().applyTo(button);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }


    // ---- connections

    private void loadConnections() {
        int load = ++connectionLoadsStarted;
        Job.create("Reading the connections", monitor -> {
            try {
                List<Connection> all = connections.listConnections();
                ui.asyncExec(() -> {
                    if (load == connectionLoadsStarted) {
                        showConnections(all);
                    }
                });
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                ui.asyncExec(() -> showMessage(RunLabels.unreadable("The connections", e), false));
                return Status.error("Could not read the connections", e);
            }
        }).schedule();
    }

    private void showConnections(List<Connection> all) {
        if (disposed()) {
            return;
        }
        connectionList = List.copyOf(all);
        connectionCombo.setItems(all.stream().map(Connection::name).toArray(String[]::new));
        if (all.isEmpty()) {
            connection = null;
            rows = List.of();
            statuses.clear();
            queued = Map.of();
            connectionState.setText("");
            counts.setText("");
            showQueueRow();
            updateButtons();
            showMessage(NO_CONNECTION, true);
            return;
        }
        Connection current = connection;
        Connection next = byId(all, current == null ? rememberedId() : current.id());
        if (next == null) {
            next = connectionStatus.active().map(active -> byId(all, active.id())).orElse(all.get(0));
        }
        connectionCombo.select(all.indexOf(next));
        if (current == null || current.id() != next.id()) {
            choose(next);
        } else if (!current.equals(next)) {
            // Its settings or mappings changed, which may change what the pre-flight says.
            connection = next;
            showConnectionState();
            showQueueRow();
            updateButtons();
            reload(true);
        }
    }

    private long rememberedId() {
        try {
            return Long.parseLong(part.getPersistedState().getOrDefault(CONNECTION_KEY, "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Connection byId(List<Connection> all, long id) {
        return all.stream().filter(c -> c.id() == id).findFirst().orElse(null);
    }

    private void choose(Connection chosen) {
        if (busy() || (connection != null && connection.equals(chosen))) {
            return;
        }
        connection = chosen;
        part.getPersistedState().put(CONNECTION_KEY, Long.toString(chosen.id()));
        connectionStatus.activate(chosen);
        showConnectionState();
        summary.setText("");
        // The rows and results of the connection chosen before are not this one's.
        rows = List.of();
        statuses.clear();
        queued = Map.of();
        queuedSeen.clear();
        viewer.setInput(rows);
        showQueueRow();
        updateButtons();
        reload(false);
    }

    private String packageName(Connection target) {
        return connectors.find(target.connectorId()).map(c -> c.descriptor().displayName())
                .orElse(target.connectorId() + " (not installed)");
    }

    private void showConnectionState() {
        if (connection == null) {
            return;
        }
        ConnectionStatus.Report report = connectionStatus.report(connection.id());
        String state = report.detail().isEmpty() ? report.state().label()
                : report.state().label() + ": " + report.detail();
        connectionState.setText(RunLabels.literal(packageName(connection) + RunLabels.DOT + state));
        connectionState.setToolTipText(state);
        boolean bad = report.state() == ConnectionStatus.State.RECONNECT_NEEDED
                || report.state() == ConnectionStatus.State.UNREACHABLE
                || report.state() == ConnectionStatus.State.SETTINGS_NEEDED;
        Color error = JFaceResources.getColorRegistry().get(UiColors.ERROR);
        // Not null: that is the toolkit's default colour, which the dark theme's background swallows.
        connectionState.setForeground(bad ? error : connectionState.getParent().getForeground());
        connectionState.getParent().layout();
    }

    @Inject
    @Optional
    void connectionsChanged(@UIEventTopic(ConnectionStore.TOPIC_CONNECTIONS_CHANGED) Event event) {
        if (disposed()) {
            return;
        }
        if (busy()) {
            connectionsChangedMeanwhile = true;
        } else {
            loadConnections();
        }
    }

    @Inject
    @Optional
    void connectionStateChanged(@UIEventTopic(UiTopics.CONNECTION_STATE) ConnectionStatus.Report report) {
        if (!disposed() && connection != null && report.connectionId() == connection.id()) {
            showConnectionState();
        }
    }

    @Inject
    @Optional
    void activeConnectionChanged(@UIEventTopic(UiTopics.ACTIVE_CONNECTION) Long connectionId) {
        // Events arrive after the fact: one about a connection chosen before the latest is stale, and following it
        // would make this view and the next event swap connections back and forth for ever.
        boolean stale = connectionStatus.active().map(Connection::id).filter(connectionId::equals).isEmpty();
        if (disposed() || busy() || connection == null || connectionId == connection.id() || stale) {
            return;
        }
        Connection chosen = byId(connectionList, connectionId);
        if (chosen != null) {
            connectionCombo.select(connectionList.indexOf(chosen));
            choose(chosen);
        }
    }

    private void addConnection() {
        ParameterizedCommand command = commands.createCommand(CommandIds.NEW_CONNECTION, Map.of());
        if (command != null && handlers.canExecute(command)) {
            handlers.executeHandler(command);
        } else {
            showMessage(NO_CONNECTION + "\n\nThe connection wizard is not installed in this workstation; ask "
                    + "whoever set it up to add the Ledgerport connections feature.", true);
        }
    }

    // ---- what is ready

    @Inject
    @Optional
    void invoicesChanged(@UIEventTopic(InvoiceStore.TOPIC_INVOICES_CHANGED) Event event) {
        if (!disposed() && connection != null) {
            pages.composite().getDisplay().timerExec(RELOAD_DELAY_MILLIS, reloadSoon);
        }
    }

    /**
     * Reads the list again, forgetting the results shown: what F5 and the Refresh button do. Without a connection
     * (none yet, or reading them failed) it reads the connections again.
     */
    public void refresh() {
        if (busy()) {
            return;
        }
        if (connection == null) {
            loadConnections();
        } else {
            summary.setText("");
            reload(false);
        }
    }

    /**
     * Reads what is ready for the connection in the background, then runs the pre-flight for the counts.
     *
     * @param keepResults keep the rows this view exported, with their results, although they are ready no more
     */
    private void reload(boolean keepResults) {
        if (disposed() || connection == null) {
            return;
        }
        if (busy()) {
            reloadWhenIdle = true;
            return;
        }
        Connection target = connection;
        int load = ++loadsStarted;
        if (!keepResults) {
            queuedSeen.clear();
        }
        Set<Long> wasQueued = Set.copyOf(queuedSeen);
        String reading = "Reading what is ready for " + target.name() + "\u2026";
        // A reload keeps the rows on show and says so above them; a first read says so in their place.
        if (pages.shows(tablePage)) {
            counts.setText(RunLabels.literal(reading));
        } else {
            counts.setText("");
            showMessage(reading, false);
        }
        Job.create("Reading the invoices ready for " + target.name(), monitor -> {
            List<ExportRow> fresh;
            Map<Long, ExportRowStatus> earlier;
            List<QueuedExport> queue;
            Map<Long, ExportRowStatus> byItself;
            try {
                List<Invoice> ready = exports.ready(target.id());
                queue = target.exportsOnFinalize() ? autoExport.queued(target.id()) : List.of();
                Set<Long> listed = ready.stream().map(Invoice::id).collect(Collectors.toSet());
                Set<Long> inQueue = queue.stream().map(QueuedExport::invoiceId).collect(Collectors.toSet());
                byItself = exportedByItself(target.id(), wasQueued.stream()
                        .filter(id -> !listed.contains(id) && !inQueue.contains(id)).toList());
                List<Long> more = new ArrayList<>(inQueue);
                more.addAll(byItself.keySet());
                more.removeAll(listed);
                List<Invoice> shown = new ArrayList<>(ready);
                shown.addAll(more.isEmpty() ? List.of() : invoices.loadInvoices(more));
                fresh = rows(shown);
                earlier = earlierOutcomes(target.id(), ready);
            } catch (RuntimeException e) {
                ui.asyncExec(() -> {
                    if (load == loadsStarted && !disposed()) {
                        loadsDone = load;
                        counts.setText("");
                        showMessage(RunLabels.unreadable("What is ready for " + target.name(), e), false);
                    }
                });
                return Status.error("Could not read the invoices ready for " + target.name(), e);
            }
            ui.asyncExec(() -> showReady(load, fresh, earlier, queue, byItself, keepResults));
            try {
                Preflight preflight = exports.check(target.id(), List.of());
                ui.asyncExec(() -> {
                    if (load == loadsStarted && !disposed()) {
                        counts.setText(countsLine(fresh.size(), preflight));
                    }
                });
            } catch (RuntimeException e) {
                ui.asyncExec(() -> {
                    if (load == loadsStarted && !disposed()) {
                        counts.setText(RunLabels.literal(RunLabels.invoices(fresh.size()) + " ready" + RunLabels.DOT
                                + "the check before export could not run: " + e.getMessage()
                                + ". Press Refresh (F5) to try again."));
                    }
                });
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    /** The rows for the invoices, with their customers' names read once per customer. */
    private List<ExportRow> rows(List<Invoice> ready) {
        Map<Long, String> names = new HashMap<>();
        for (Invoice invoice : ready) {
            names.computeIfAbsent(invoice.customerId(), id -> invoices.findCustomer(id).map(Customer::name)
                    .orElse("Customer #" + id));
        }
        return ready.stream().map(invoice -> ExportRow.of(invoice, names.get(invoice.customerId()))).toList();
    }

    /** The invoices that left the queue because it exported them, with what they became, by invoice id. */
    private Map<Long, ExportRowStatus> exportedByItself(long connectionId, List<Long> leftQueue) {
        Map<Long, ExportRowStatus> exported = new HashMap<>();
        if (leftQueue.isEmpty()) {
            return exported;
        }
        processLog.exportStates(leftQueue).forEach((id, states) -> states.stream()
                .filter(state -> state.connectionId() == connectionId)
                .max(Comparator.comparing(ExportState::at))
                .filter(state -> state.outcome() == ExportOutcome.EXPORTED)
                .ifPresent(state -> exported.put(id, ExportRowStatus.exportedByItself(state))));
        return exported;
    }

    /** How an earlier export to this connection ended for the invoices that it tried and did not export. */
    private Map<Long, ExportRowStatus> earlierOutcomes(long connectionId, List<Invoice> ready) {
        Map<Long, ExportRowStatus> earlier = new HashMap<>();
        if (ready.isEmpty()) {
            return earlier;
        }
        processLog.exportStates(ready.stream().map(Invoice::id).toList()).forEach((id, states) -> states.stream()
                .filter(state -> state.connectionId() == connectionId)
                .max(Comparator.comparing(ExportState::at))
                .ifPresent(state -> earlier.put(id, ExportRowStatus.earlier(state))));
        return earlier;
    }

    private void showReady(int load, List<ExportRow> fresh, Map<Long, ExportRowStatus> earlier,
            List<QueuedExport> queue, Map<Long, ExportRowStatus> byItself, boolean keepResults) {
        if (load != loadsStarted || disposed()) {
            return;
        }
        loadsDone = load;
        Set<Long> selected = selectedRows().stream().map(ExportRow::invoiceId).collect(Collectors.toSet());
        Map<Long, ExportRow> merged = new LinkedHashMap<>();
        if (keepResults) {
            rows.stream().filter(row -> status(row).fromRun()).forEach(row -> merged.put(row.invoiceId(), row));
            statuses.values().removeIf(status -> !status.fromRun());
        } else {
            statuses.clear();
        }
        fresh.forEach(row -> merged.put(row.invoiceId(), row));
        earlier.forEach(statuses::putIfAbsent);
        showQueued(queue);
        statuses.putAll(byItself);
        rows = merged.values().stream().sorted(Comparator.comparingLong(ExportRow::invoiceId)).toList();
        viewer.setInput(rows);
        viewer.setSelection(new StructuredSelection(rows.stream().filter(r -> selected.contains(r.invoiceId()))
                .toList()));
        if (rows.isEmpty()) {
            showMessage(("Nothing is waiting for export to %s.\n\nFinalized invoices that are not yet in %s are "
                    + "listed here. Finalize invoices in the Invoices list; they appear here by themselves.")
                    .formatted(connection.name(), connection.name()), false);
        } else {
            pages.show(tablePage);
        }
        updateButtons();
    }

    /** "12 ready · customers: 5 matched, 2 to match or create · items: 3 matched, 1 to match or create". */
    static String countsLine(int ready, Preflight preflight) {
        List<String> parts = new ArrayList<>();
        parts.add(ready + " ready");
        long failing = preflight.invoices().size() - preflight.passed();
        if (failing > 0) {
            parts.add(failing + " would fail (press Check to see why)");
        }
        parts.add("customers: " + matched(preflight.customersKnown(), preflight.customersToMatch()));
        parts.add("items: " + matched(preflight.itemsKnown(), preflight.itemsToMatch()));
        return String.join(RunLabels.DOT, parts);
    }

    private static String matched(int known, int toMatch) {
        return known == 0 && toMatch == 0 ? "none" : known + " matched, " + toMatch + " to match or create";
    }

    private ExportRowStatus status(ExportRow row) {
        return statuses.getOrDefault(row.invoiceId(), ExportRowStatus.READY);
    }

    private List<ExportRow> selectedRows() {
        List<?> selected = viewer.getStructuredSelection().toList();
        return selected.stream().map(ExportRow.class::cast).toList();
    }

    /** The selected rows, or every row when none is selected; rows already exported are left out. */
    private List<ExportRow> chosenRows() {
        List<ExportRow> selected = selectedRows();
        return (selected.isEmpty() ? rows : selected).stream().filter(row -> !status(row).exported()).toList();
    }

    // ---- the queue of a connection that exports on finalize

    /** Shows the queue as read: its invoices' rows say queued, and it is read again while any wait. */
    private void showQueued(List<QueuedExport> queue) {
        Map<Long, QueuedExport> read = new LinkedHashMap<>();
        queue.forEach(entry -> read.put(entry.invoiceId(), entry));
        queued = read;
        queuedSeen.addAll(read.keySet());
        queue.forEach(entry -> statuses.put(entry.invoiceId(), ExportRowStatus.queued(entry)));
        showQueueRow();
        updateButtons();
        scheduleQueuePoll();
    }

    private void showQueueRow() {
        boolean shown = connection != null && connection.exportsOnFinalize();
        if (shown) {
            String name = connection.name();
            queueText.setText(RunLabels.literal(queued.isEmpty()
                    ? "Each invoice is exported to %s by itself as soon as it is finalized; none is waiting now."
                            .formatted(name)
                    : ("Each invoice is exported to %s by itself as soon as it is finalized; %s waiting (Queued "
                            + "below), tried again by itself with growing pauses.").formatted(name,
                                    RunLabels.invoices(queued.size()))));
        }
        show(queueRow, shown);
    }

    private void scheduleQueuePoll() {
        if (connection != null && connection.exportsOnFinalize() && !queuePollScheduled && !disposed()) {
            queuePollScheduled = true;
            pages.composite().getDisplay().timerExec(queued.isEmpty() ? IDLE_QUEUE_POLL_MILLIS : QUEUE_POLL_MILLIS,
                    pollQueue);
        }
    }

    /** Reads the queue again: invoices join it, and their tries fail, without the invoices changing. */
    private void pollQueue() {
        queuePollScheduled = false;
        if (disposed() || connection == null || !connection.exportsOnFinalize()) {
            return;
        }
        if (busy() || loadsDone != loadsStarted) {
            scheduleQueuePoll();
            return;
        }
        Connection target = connection;
        int load = loadsStarted;
        Job job = Job.create("Reading the export queue of " + target.name(), monitor -> {
            try {
                List<QueuedExport> queue = autoExport.queued(target.id());
                ui.asyncExec(() -> queueRead(target, load, queue));
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                ui.asyncExec(() -> queueProblem("The export queue could not be read from Ledgerport's database: "
                        + e.getMessage() + ". Press F5 to try again."));
                return Status.error("Could not read the export queue of " + target.name(), e);
            }
        });
        job.setSystem(true);
        job.schedule();
    }

    private void pollQueueNow() {
        if (disposed()) {
            return;
        }
        pages.composite().getDisplay().timerExec(-1, pollQueue);
        pollQueue();
    }

    private void queueRead(Connection target, int load, List<QueuedExport> queue) {
        if (disposed() || connection == null || connection.id() != target.id() || load != loadsStarted) {
            return;
        }
        if (!queue.stream().map(QueuedExport::invoiceId).collect(Collectors.toSet()).equals(queued.keySet())) {
            // Invoices joined or left the queue: read the list again, which shows those the queue exported.
            reload(true);
            return;
        }
        showQueued(queue);
        viewer.refresh();
    }

    private void queueProblem(String text) {
        if (!disposed()) {
            queueText.setText(RunLabels.literal(text));
            updateButtons();
            queueRow.getParent().layout(true, true);
        }
    }

    /** Tries the queued invoices now instead of at their next try. */
    public void retryNow() {
        Connection target = connection;
        if (target == null || busy() || disposed() || !target.exportsOnFinalize()) {
            return;
        }
        retryButton.setEnabled(false);
        queueText.setText(RunLabels.literal("Trying the queued invoices again now\u2026"));
        Job.create("Trying the queued invoices for " + target.name() + " again", monitor -> {
            try {
                autoExport.retryNow(target.id());
                ui.asyncExec(this::pollQueueNow);
                return Status.OK_STATUS;
            } catch (AccessDeniedException e) {
                user.reload();
                ui.asyncExec(() -> queueProblem(e.getMessage()));
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                ui.asyncExec(() -> queueProblem("The queued invoices could not be tried again: " + e.getMessage()
                        + ". Press Retry now to try again; if it keeps failing, restart Ledgerport."));
                return Status.error("Could not try the queue of " + target.name() + " again", e);
            }
        }).schedule();
    }

    // ---- the status at the accounting package

    /** Asks the chosen connection's package what became of the invoices exported to it. */
    public void refreshStatus() {
        if (connection == null || disposed() || !refreshStatusButton.isEnabled()) {
            return;
        }
        if (!refresher.refresh(List.of(connection.id()))) {
            showStatusLine("A status refresh is under way already; its outcome shows here when it ends.", false);
        }
    }

    @Inject
    @Optional
    void statusRefreshed(@UIEventTopic(StatusRefresher.TOPIC) StatusRefresher.Outcome outcome) {
        if (disposed()) {
            return;
        }
        String text = String.join("\n", outcome.lines().stream().map(ExportPart::escape).toList());
        if (outcome.finished() && outcome.needingAttention() > 0) {
            text += " <a>See the Errors view</a> to decide what happens to "
                    + (outcome.needingAttention() == 1 ? "it" : "them") + " here.";
        }
        showStatusLine(text, !outcome.finished());
        updateButtons();
    }

    private void showStatusLine(String text, boolean running) {
        statusLine.setText(text);
        show(stopRefreshButton, running);
        show(statusRow, !text.isEmpty());
        statusRow.getParent().layout(true, true);
    }

    /** Link text is markup: names keep their ampersands and angle brackets as typed. */
    private static String escape(String plain) {
        return plain.replace("&", "&&").replace("<", "\u2039").replace(">", "\u203a");
    }

    // ---- what the user's role allows

    @Inject
    @Optional
    void roleChanged(@UIEventTopic(UiTopics.USER_ROLE) Role role) {
        if (!disposed()) {
            showRefusal();
            updateButtons();
        }
    }

    /** Says, above the buttons, why the user may not export, when the role does not allow it. */
    private void showRefusal() {
        java.util.Optional<String> reason = user.refusal(Permission.EXPORT);
        refusal.setText(RunLabels.literal(reason.orElse("")));
        show(refusal, reason.isPresent());
        refusal.getParent().layout(true, true);
    }

    // ---- check and export

    /** Checks the selection (or everything listed) with no network call and shows each row's findings. */
    public void check() {
        if (busy() || connection == null || disposed()) {
            return;
        }
        List<ExportRow> chosen = chosenRows();
        if (chosen.isEmpty()) {
            summary.setText("Nothing to check: every invoice listed is exported already.");
            return;
        }
        Connection target = connection;
        List<Long> ids = chosen.stream().map(ExportRow::invoiceId).toList();
        summary.setText(RunLabels.literal("Checking " + RunLabels.invoices(ids.size()) + "\u2026"));
        Job job = Job.create("Checking invoices for " + target.name(), monitor -> {
            try {
                Preflight preflight = exports.check(target.id(), ids);
                ui.asyncExec(() -> checkFinished(preflight));
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                ui.asyncExec(() -> jobFailed("The invoices could not be checked: " + e.getMessage() + ". Press "
                        + "Check to try again; if it keeps failing, restart Ledgerport."));
                return Status.error("Could not check the invoices for " + target.name(), e);
            }
        });
        start(job);
    }

    private void checkFinished(Preflight preflight) {
        if (!jobEnded()) {
            return;
        }
        for (Preflight.Check check : preflight.invoices()) {
            statuses.put(check.invoiceId(), ExportRowStatus.of(check));
        }
        viewer.refresh();
        long failing = preflight.invoices().size() - preflight.passed();
        summary.setText("Checked %s: %d can be exported, %d would fail.%s".formatted(
                RunLabels.invoices(preflight.invoices().size()), preflight.passed(), failing,
                failing > 0 ? " Point at a status to read why." : ""));
    }

    /**
     * Exports the selection, or everything listed when nothing is selected, after the user confirms. Each row's
     * status shows its result as it arrives; the run can be cancelled between batches.
     */
    public void export() {
        if (busy() || connection == null || disposed()) {
            return;
        }
        List<ExportRow> chosen = chosenRows();
        if (chosen.isEmpty()) {
            summary.setText(rows.isEmpty() ? "Nothing to export." : "Nothing to export: the invoices chosen are "
                    + "exported already.");
            return;
        }
        Connection target = connection;
        String question = "Export %s to '%s' (%s)?".formatted(RunLabels.invoices(chosen.size()), target.name(),
                packageName(target));
        MessageDialog confirm = new MessageDialog(pages.composite().getShell(), "Export invoices", null, question,
                MessageDialog.QUESTION, 0, "&Export", "Cancel");
        if (confirm.open() != 0 || disposed()) {
            return;
        }
        List<Long> ids = chosen.stream().map(ExportRow::invoiceId).toList();
        ids.forEach(id -> statuses.put(id, ExportRowStatus.EXPORTING));
        viewer.refresh();
        progress.setMaximum(ids.size());
        progress.setSelection(0);
        summary.setText(RunLabels.literal("Exporting %s to %s\u2026".formatted(RunLabels.invoices(ids.size()),
                target.name())));
        ExportRequest request = new ExportRequest(target.id(), ids, user.name(), false);
        Job job = Job.create("Exporting invoices to " + target.name(), monitor -> {
            return runExport(target, request, monitor);
        });
        job.setUser(true);
        start(job);
        showProgressRow(true);
    }

    /** The export itself, on the job's thread. */
    private IStatus runExport(Connection target, ExportRequest request, IProgressMonitor monitor) {
        List<InvoiceResult> results = new CopyOnWriteArrayList<>();
        try {
            RunSummary run = exports.export(request, new ExportListener() {
                @Override
                public void started(long runId, int invoiceCount) {
                    monitor.beginTask("Exporting " + RunLabels.invoices(invoiceCount) + " to " + target.name(),
                            invoiceCount);
                    ui.asyncExec(() -> {
                        if (!disposed()) {
                            progress.setMaximum(Math.max(1, invoiceCount));
                        }
                    });
                }

                @Override
                public void invoiceDone(InvoiceResult result) {
                    results.add(result);
                    monitor.worked(1);
                    ui.asyncExec(() -> showResult(result));
                }

                @Override
                public boolean isCancelled() {
                    return monitor.isCanceled();
                }
            });
            reportConnectionState(target, results);
            events.post(UiTopics.RUN_FINISHED, run.id());
            ui.asyncExec(() -> exportFinished(run, results));
            return run.outcome() == RunOutcome.CANCELLED ? Status.CANCEL_STATUS : Status.OK_STATUS;
        } catch (AccessDeniedException e) {
            // The role changed since the view last read it: the refusal names the role needed.
            user.reload();
            ui.asyncExec(() -> jobFailed(e.getMessage()));
            return Status.OK_STATUS;
        } catch (RuntimeException e) {
            ui.asyncExec(() -> jobFailed("The export to " + target.name() + " stopped: " + e.getMessage()
                    + ". What it sent is recorded in the Process Log. Press Refresh (F5), then Export again for the "
                    + "invoices still listed; none is sent twice."));
            return Status.error("The export to " + target.name() + " did not run", e);
        } finally {
            monitor.done();
        }
    }

    /** A signed-out account is impossible to miss: the status bar shows it, and Reconnect is one click away. */
    private void reportConnectionState(Connection target, Collection<InvoiceResult> results) {
        java.util.Optional<Problem> signInDied = results.stream().flatMap(r -> r.problems().stream())
                .filter(p -> ConnectionStatus.RECONNECT_NEEDED_CODE.equals(p.code())).findFirst();
        if (signInDied.isPresent()) {
            connectionStatus.report(target.id(), ConnectionStatus.State.RECONNECT_NEEDED, signInDied.get().message());
        } else if (results.stream().anyMatch(r -> r.outcome() == ExportOutcome.EXPORTED)) {
            connectionStatus.report(target.id(), ConnectionStatus.State.CONNECTED, "");
        }
    }

    private void showResult(InvoiceResult result) {
        if (disposed()) {
            return;
        }
        statuses.put(result.invoiceId(), ExportRowStatus.of(result));
        rows.stream().filter(row -> row.invoiceId() == result.invoiceId()).findFirst()
                .ifPresent(row -> viewer.update(row, null));
        progress.setSelection(Math.min(progress.getMaximum(), progress.getSelection() + 1));
    }

    private void exportFinished(RunSummary run, List<InvoiceResult> results) {
        if (jobEnded()) {
            summary.setText(summary(run, results)); // numbers only, nothing to escape
            summary.getParent().layout();
        }
    }

    /** "Exported 97 of 112 · 15 failed: see the Errors view", with the last words a link to it. */
    static String summary(RunSummary run, Collection<InvoiceResult> results) {
        List<String> parts = new ArrayList<>();
        parts.add("Exported " + run.exported() + " of " + run.selected());
        if (run.failed() > 0) {
            parts.add(run.failed() + " failed");
        }
        if (run.unconfirmed() > 0) {
            parts.add(run.unconfirmed() + " not confirmed yet");
        }
        if (run.skipped() > 0) {
            parts.add(run.skipped() + " skipped");
        }
        long warned = results.stream().filter(r -> r.outcome() == ExportOutcome.EXPORTED
                && r.problems().stream().anyMatch(p -> p.severity() == Severity.WARNING)).count();
        if (warned > 0) {
            parts.add(warned + " with warnings");
        }
        String text = (run.outcome() == RunOutcome.CANCELLED ? "Cancelled. " : "") + String.join(RunLabels.DOT, parts);
        boolean problems = run.failed() + run.unconfirmed() + warned > 0;
        return problems ? text + ": <a>see the Errors view</a>" : text + ".";
    }

    private void jobFailed(String text) {
        if (jobEnded()) {
            summary.setText(RunLabels.literal(text));
            summary.getParent().layout();
        }
    }

    /**
     * A check or an export ended: the view takes actions again and reads what changed meanwhile. Invoices an
     * export left without a result (it stopped early) are ready as before. Returns whether the view is still open.
     */
    private boolean jobEnded() {
        running = null;
        if (disposed()) {
            return false;
        }
        statuses.values().removeIf(ExportRowStatus.EXPORTING::equals);
        viewer.refresh();
        showProgressRow(false);
        updateButtons();
        if (connectionsChangedMeanwhile) {
            connectionsChangedMeanwhile = false;
            loadConnections();
        }
        if (reloadWhenIdle) {
            reloadWhenIdle = false;
            reload(true);
        }
        return true;
    }

    /** Stops the export after the batch being sent, which is always confirmed first. */
    public void cancel() {
        Job job = running;
        if (job != null) {
            job.cancel();
            cancelButton.setEnabled(false);
            summary.setText("Cancelling: the batch being sent is finished and recorded first\u2026");
        }
    }

    private void start(Job job) {
        if (loadsDone != loadsStarted) {
            // Rows read now would replace the statuses of this job's invoices: read them once it ends.
            loadsStarted++;
            reloadWhenIdle = true;
        }
        running = job;
        updateButtons();
        job.schedule();
    }

    /** Whether a check or an export is under way; the view accepts no other action meanwhile. */
    public boolean busy() {
        return running != null;
    }

    /**
     * Enables what can be done now: nothing but Cancel while a check or an export runs, and nothing the user's role
     * does not allow (the tooltip says which role it needs).
     */
    private void updateButtons() {
        boolean busy = busy();
        boolean connected = connection != null;
        java.util.Optional<String> mayNotExport = user.refusal(Permission.EXPORT);
        connectionCombo.setEnabled(!busy && !connectionList.isEmpty());
        refreshButton.setEnabled(!busy && connected);
        selectAllButton.setEnabled(!busy && !rows.isEmpty());
        selectNoneButton.setEnabled(!busy && !rows.isEmpty());
        checkButton.setEnabled(!busy && !rows.isEmpty());
        exportButton.setEnabled(!busy && !rows.isEmpty() && mayNotExport.isEmpty());
        exportButton.setToolTipText(mayNotExport.orElse(EXPORT_TIP));
        retryButton.setEnabled(!busy && !queued.isEmpty() && mayNotExport.isEmpty());
        retryButton.setToolTipText(mayNotExport.orElse("Try the queued invoices now instead of at their next try"));
        cancelButton.setEnabled(busy);
        updateRefreshStatusButton(connected);
    }

    private void updateRefreshStatusButton(boolean connected) {
        boolean pulls = connected && refresher.pullsStatus(connection);
        java.util.Optional<String> mayNot = user.refusal(Permission.REFRESH_STATUS);
        refreshStatusButton.setEnabled(pulls && mayNot.isEmpty() && !refresher.running());
        String tip = null;
        if (connected) {
            String name = packageName(connection);
            tip = !pulls ? name + " does not report back what became of the invoices exported to it."
                    : mayNot.orElse("Ask " + name + " what became of the invoices exported to it: paid, partly paid, "
                            + "approved, voided (Ctrl+F5)");
        }
        refreshStatusButton.setToolTipText(tip);
    }

    private void showProgressRow(boolean visible) {
        show(progressRow, visible);
        progressRow.getParent().layout(true, true);
    }

    /** Shows or hides a control and takes it out of its grid while hidden. */
    private static void show(org.eclipse.swt.widgets.Control control, boolean visible) {
        control.setVisible(visible);
        ((org.eclipse.swt.layout.GridData) control.getLayoutData()).exclude = !visible;
    }

    private void showMessage(String text, boolean offerNewConnection) {
        if (disposed()) {
            return;
        }
        message.setText(RunLabels.literal(text));
        addConnection.setVisible(offerNewConnection);
        ((org.eclipse.swt.layout.GridData) addConnection.getLayoutData()).exclude = !offerNewConnection;
        pages.show(messagePage);
    }

    private boolean disposed() {
        return pages == null || pages.disposed();
    }

    @Focus
    public void setFocus() {
        if (pages.shows(tablePage)) {
            viewer.getTable().setFocus();
        } else if (addConnection.isVisible()) {
            addConnection.setFocus();
        } else {
            connectionCombo.setFocus();
        }
    }
}
