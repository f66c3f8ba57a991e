package org.ledgerport.ui.parts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TreeColumnLayout;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Text;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.connector.VendorStatus;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.export.StatusService;
import org.ledgerport.core.export.VendorState;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.Severity;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.ProcessLog;
import org.ledgerport.ui.CommandIds;
import org.ledgerport.ui.Icons;
import org.ledgerport.ui.UiColors;
import org.ledgerport.ui.UiTopics;
import org.ledgerport.ui.WidgetIds;
import org.ledgerport.ui.handlers.RunViewRefreshHandler;
import org.ledgerport.ui.internal.StatusRefresher;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The Errors view: every problem of the latest export run (or of an earlier one, on demand), grouped by invoice,
 * in the bookkeeper's words, with the accounting package's own code and text in a detail pane and a button
 * straight to the cause. The problems can be copied and saved as CSV. Above them, the invoices an accounting
 * package voided or deleted without Ledgerport asking wait for the user's decision, each a click from its editor.
 */
public final class ErrorPart {

    public static final String ID = "org.ledgerport.ui.part.errors";

    /** How many runs the run chooser offers. */
    static final int RECENT_RUNS = 30;

    /** How many invoices waiting for a decision are named one by one. */
    private static final int ATTENTION_NAMED = 8;

    /** Lets a burst of store changes end before the invoices waiting for a decision are read again. */
    private static final int RELOAD_DELAY_MILLIS = 400;

    private static final String NO_RUN = "No export has run yet.\n\nChoose a connection in the Export view and press "
            + "Export. The problems of each run are listed here, each with the way to fix it.";
    private static final String NOTHING_SELECTED = "Select a problem to read all about it: the accounting "
            + "package's own code and text, and whether trying again can help.";

    private final ProcessLog processLog;
    private final StatusService statusService;
    private final InvoiceStore invoices;
    private final ConnectionStore connections;
    private final ConnectorRegistry connectors;
    private final UISynchronize ui;
    private final ECommandService commands;
    private final EHandlerService handlers;
    private final IStylingEngine styling;

    private PartImages icons;
    private Link attention;
    private Combo runCombo;
    private PageStack pages;
    private SashForm sash;
    private TreeViewer viewer;
    private Text detail;
    private Button openInvoice;
    private Button openMapping;
    private Button reconnect;
    private Button copy;
    private Button saveCsv;
    private Label status;

    private List<RunSummary> runs = List.of();
    private RunSummary shown;
    private List<ErrorGroup> groups = List.of();
    /** The accounting package of the shown run's connection, as the detail pane names it. */
    private String packageName = "The accounting package";
    private int loadsStarted;
    private int attentionLoadsStarted;
    private final Runnable attentionSoon = this::loadAttention;

    @Inject
    public ErrorPart(ProcessLog processLog, StatusService statusService, InvoiceStore invoices,
            ConnectionStore connections, ConnectorRegistry connectors, UISynchronize ui, ECommandService commands,
            EHandlerService handlers, IStylingEngine styling) {
        this.processLog = processLog;
        this.statusService = statusService;
        this.invoices = invoices;
        this.connections = connections;
        this.connectors = connectors;
        this.ui = ui;
        this.commands = commands;
        this.handlers = handlers;
        this.styling = styling;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        icons = new PartImages(parent);
        GridLayoutFactory.swtDefaults().applyTo(parent);

        attention = new Link(parent, SWT.WRAP);
        WidgetIds.tag(attention, "errors.attention");
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(attention);
        attention.addListener(SWT.Selection, e -> openInvoice(e.text));
        styling.setClassname(attention, UiColors.MESSAGE_ERROR_CLASS);
        styling.style(attention);
        showAttention("");

        Composite top = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(top);
        new Label(top, SWT.NONE).setText("R&un:");
        runCombo = new Combo(top, SWT.READ_ONLY | SWT.DROP_DOWN);
        WidgetIds.tag(runCombo, "errors.run");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(runCombo);
        runCombo.addListener(SWT.Selection, e -> {
            int index = runCombo.getSelectionIndex();
            if (index >= 0 && index < runs.size()) {
                load(runs.get(index).id());
            }
        });

        pages = new PageStack(parent);
        sash = new SashForm(pages.composite(), SWT.HORIZONTAL);
        createTree(sash);
        detail = new Text(sash, SWT.READ_ONLY | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        WidgetIds.tag(detail, "errors.detail");
        sash.setWeights(62, 38);

        Composite buttons = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(buttons);
        GridLayoutFactory.fillDefaults().numColumns(7).applyTo(buttons);
        openInvoice = button(buttons, "Open &invoice", "open", "errors.openInvoice",
                () -> run(ProblemRemedy.OPEN_INVOICE));
        openMapping = button(buttons, "Open &mapping", "edit", "errors.openMapping",
                () -> run(ProblemRemedy.OPEN_MAPPING));
        reconnect = button(buttons, "&Reconnect", "reconnect-needed", "errors.reconnect",
                () -> run(ProblemRemedy.RECONNECT));
        status = new Label(buttons, SWT.NONE);
        WidgetIds.tag(status, "errors.status");
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(status);
        copy = button(buttons, "&Copy", "copy", "errors.copy", this::copy);
        copy.setToolTipText("Copy the selected problems as text (Ctrl+C in the list)");
        saveCsv = button(buttons, "Export to CS&V\u2026", "csv", "errors.csv", this::saveCsv);
        saveCsv.setToolTipText("Save every problem of this run as a CSV file for a spreadsheet");

        RunViewRefreshHandler.activate(handlers, () -> {
            load(shown == null ? null : shown.id());
            loadAttention();
        });
        pages.showMessage("Reading the latest export run\u2026");
        selectionChanged();
        load(null);
        loadAttention();
    }

    private void createTree(Composite parent) {
        Composite holder = new Composite(parent, SWT.NONE);
        TreeColumnLayout columns = new TreeColumnLayout();
        holder.setLayout(columns);
        viewer = new TreeViewer(holder, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        WidgetIds.tag(viewer.getTree(), "errors.tree");
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        // Two results or problems may be equal as values; each row is its own.
        viewer.setComparer(new IElementComparer() {
            @Override
            public boolean equals(Object a, Object b) {
                return a == b;
            }

            @Override
            public int hashCode(Object element) {
                return System.identityHashCode(element);
            }
        });
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((List<?>) input).toArray();
            }

            @Override
            public Object[] getChildren(Object element) {
                return element instanceof ErrorGroup group ? group.problems().toArray() : new Object[0];
            }

            @Override
            public Object getParent(Object element) {
                return element instanceof ProblemRow row ? groupOf(row) : null;
            }

            @Override
            public boolean hasChildren(Object element) {
                return element instanceof ErrorGroup group && !group.problems().isEmpty();
            }
        });
        viewer.setAutoExpandLevel(TreeViewer.ALL_LEVELS);
        ColumnViewerToolTipSupport.enableFor(viewer);
        RunColumns.add(viewer, columns, "Invoice and problem", 60, SWT.LEFT, RunColumns.labels(Object.class,
                ErrorPart::firstColumn, ErrorPart::icon, e -> e instanceof ProblemRow row ? row.problem().message()
                        : "", icons));
        RunColumns.add(viewer, columns, "Customer", 22, SWT.LEFT,
                RunColumns.text(ErrorGroup.class, ErrorGroup::customer));
        RunColumns.add(viewer, columns, "Result", 18, SWT.LEFT, RunColumns.text(Object.class,
                e -> e instanceof ErrorGroup group ? RunLabels.result(group.result())
                        : ((ProblemRow) e).problem().severity().label()));
        viewer.addSelectionChangedListener(e -> selectionChanged());
        viewer.addDoubleClickListener(e -> {
            Object element = viewer.getStructuredSelection().getFirstElement();
            if (element instanceof ProblemRow row && row.remedy() != ProblemRemedy.NONE) {
                run(row.remedy());
            } else if (element instanceof ErrorGroup group) {
                viewer.setExpandedState(group, !viewer.getExpandedState(group));
            }
        });
        viewer.getTree().addListener(SWT.KeyDown, e -> {
            if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'c' || e.keyCode == 'C')) {
                copy();
                e.doit = false;
            }
        });
    }

    private static String firstColumn(Object element) {
        return element instanceof ErrorGroup group ? "Invoice " + group.result().invoiceNumber()
                : ((ProblemRow) element).problem().message();
    }

    private static ImageDescriptor icon(Object element) {
        return element instanceof ErrorGroup group ? Icons.forOutcome(group.result().outcome())
                : Icons.forSeverity(((ProblemRow) element).problem().severity());
    }

    private ErrorGroup groupOf(ProblemRow row) {
        return groups.stream().filter(g -> g.problems().contains(row)).findFirst().orElse(null);
    }

    private Button button(Composite parent, String label, String icon, String id, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.setImage(icons.named(icon));
        WidgetIds.tag(button, id);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }


    // ---- loading

    @Inject
    @Optional
    void runFinished(@UIEventTopic(UiTopics.RUN_FINISHED) Long runId) {
        if (!disposed()) {
            load(null);
        }
    }

    @Inject
    @Optional
    void showRun(@UIEventTopic(UiTopics.SHOW_RUN) Long runId) {
        if (!disposed()) {
            load(runId);
        }
    }

    @Inject
    @Optional
    void statusRefreshed(@UIEventTopic(StatusRefresher.TOPIC) StatusRefresher.Outcome outcome) {
        if (!disposed() && outcome.finished()) {
            loadAttention();
        }
    }

    @Inject
    @Optional
    void invoicesChanged(@UIEventTopic(InvoiceStore.TOPIC_INVOICES_CHANGED) Event event) {
        // A decision taken (draft again, void here) changes the invoice.
        if (!disposed()) {
            pages.composite().getDisplay().timerExec(RELOAD_DELAY_MILLIS, attentionSoon);
        }
    }

    /** Reads, in the background, the invoices the accounting packages voided or deleted on their own. */
    private void loadAttention() {
        if (disposed()) {
            return;
        }
        int load = ++attentionLoadsStarted;
        Job.create("Reading the invoices that need your decision", monitor -> {
            try {
                List<VendorState> states = statusService.needingAttention();
                Map<Long, String> numbers = new HashMap<>();
                invoices.loadInvoices(states.stream().map(VendorState::invoiceId).distinct().toList())
                        .forEach(invoice -> numbers.put(invoice.id(), invoice.number()));
                Map<Long, String> packages = new HashMap<>();
                for (VendorState state : states) {
                    packages.computeIfAbsent(state.connectionId(), id -> connections.findConnection(id)
                            .flatMap(c -> connectors.find(c.connectorId())).map(c -> c.descriptor().displayName())
                            .orElse("the accounting package"));
                }
                String text = attentionText(states, numbers, packages);
                ui.asyncExec(() -> {
                    if (load == attentionLoadsStarted && !disposed()) {
                        showAttention(text);
                    }
                });
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                ui.asyncExec(() -> {
                    if (load == attentionLoadsStarted && !disposed()) {
                        showAttention(RunLabels.literal("The invoices changed in the accounting package could not "
                                + "be read from Ledgerport's database: " + e.getMessage() + ". Press F5 to try "
                                + "again."));
                    }
                });
                return Status.error("Could not read the invoices that need a decision", e);
            }
        }).schedule();
    }

    /**
     * "Needs your decision: 1 invoice was voided or deleted in the accounting package without Ledgerport asking: 1001
     * (voided in QuickBooks Online – Acme). … Open the invoice to decide …", each number a link to its editor;
     * empty for none.
     */
    static String attentionText(List<VendorState> states, Map<Long, String> numbers, Map<Long, String> packages) {
        if (states.isEmpty()) {
            return "";
        }
        List<String> items = new ArrayList<>();
        for (VendorState state : states.subList(0, Math.min(ATTENTION_NAMED, states.size()))) {
            String number = escape(numbers.getOrDefault(state.invoiceId(), "#" + state.invoiceId()));
            items.add("<a href=\"%d\">%s</a> (%s in %s \u2013 %s)".formatted(state.invoiceId(), number,
                    state.status() == VendorStatus.DELETED ? "deleted" : "voided",
                    escape(packages.getOrDefault(state.connectionId(), "the accounting package")),
                    escape(state.connectionName())));
        }
        String more = states.size() > items.size() ? " and " + (states.size() - items.size()) + " more" : "";
        return ("Needs your decision: %s %s voided or deleted in the accounting package without Ledgerport asking: "
                + "%s%s. Nothing was changed here. Open the invoice to decide: make it a draft again to correct and "
                + "export it anew, or void it here too.").formatted(RunLabels.invoices(states.size()),
                        states.size() == 1 ? "was" : "were", String.join(", ", items), more);
    }

    /** Link text is markup: numbers and names keep their ampersands and angle brackets as typed. */
    private static String escape(String plain) {
        return plain.replace("&", "&&").replace("<", "\u2039").replace(">", "\u203a");
    }

    private void showAttention(String text) {
        attention.setText(text);
        attention.setVisible(!text.isEmpty());
        ((org.eclipse.swt.layout.GridData) attention.getLayoutData()).exclude = text.isEmpty();
        attention.getParent().layout(true, true);
    }

    private void openInvoice(String invoiceId) {
        if (invoiceId == null || !invoiceId.matches("\\d+")) {
            return;
        }
        ParameterizedCommand command = commands.createCommand(CommandIds.OPEN_INVOICE,
                Map.of(CommandIds.INVOICE_ID, invoiceId));
        if (command != null && handlers.canExecute(command)) {
            handlers.executeHandler(command);
        }
    }

    /** Reads a run's problems in the background: the latest run's when {@code runId} is null. */
    private void load(Long runId) {
        int load = ++loadsStarted;
        status.setText("");
        Job.create("Reading the problems of the export run", monitor -> {
            try {
                List<RunSummary> recent = processLog.recentRuns(RECENT_RUNS);
                RunSummary run = runId == null ? recent.stream().findFirst().orElse(null)
                        : processLog.run(runId).orElse(null);
                if (run == null) {
                    ui.asyncExec(() -> showNoRun(load, recent));
                    return Status.OK_STATUS;
                }
                List<InvoiceResult> withProblems = processLog.results(run.id()).stream()
                        .filter(r -> !r.problems().isEmpty()).toList();
                Map<Long, String> customers = customers(withProblems);
                List<ErrorGroup> read = withProblems.stream().map(r -> ErrorGroup.of(run.id(), r,
                        customers.getOrDefault(r.invoiceId(), ""))).toList();
                String name = connections.findConnection(run.connectionId())
                        .flatMap(c -> connectors.find(c.connectorId())).map(c -> c.descriptor().displayName())
                        .orElse("The accounting package");
                ui.asyncExec(() -> show(load, recent, run, read, name));
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                ui.asyncExec(() -> {
                    if (load == loadsStarted && !disposed()) {
                        pages.showMessage(RunLabels.unreadable("The export run", e));
                    }
                });
                return Status.error("Could not read the problems of the export run", e);
            }
        }).schedule();
    }

    /** The customer's name of each invoice, by invoice id, read once per customer. */
    private Map<Long, String> customers(List<InvoiceResult> results) {
        List<Invoice> loaded = invoices.loadInvoices(results.stream().map(InvoiceResult::invoiceId).toList());
        Map<Long, String> names = new HashMap<>();
        Map<Long, String> byInvoice = new HashMap<>();
        for (Invoice invoice : loaded) {
            byInvoice.put(invoice.id(), names.computeIfAbsent(invoice.customerId(),
                    id -> invoices.findCustomer(id).map(Customer::name).orElse("")));
        }
        return byInvoice;
    }

    private void showNoRun(int load, List<RunSummary> recent) {
        if (load != loadsStarted || disposed()) {
            return;
        }
        showRuns(recent, null);
        shown = null;
        groups = List.of();
        viewer.setInput(groups);
        pages.showMessage(NO_RUN);
    }

    private void show(int load, List<RunSummary> recent, RunSummary run, List<ErrorGroup> read, String name) {
        if (load != loadsStarted || disposed()) {
            return;
        }
        showRuns(recent, run);
        shown = run;
        groups = read;
        packageName = name;
        viewer.setInput(groups);
        if (groups.isEmpty()) {
            boolean latest = !recent.isEmpty() && recent.get(0).id() == run.id();
            pages.showMessage((latest ? "No problems in the latest run." : "No problems in run " + run.id() + ".")
                    + "\n\n" + RunLabels.title(run));
        } else {
            pages.show(sash);
            // The first error, with its detail, is what the user came for.
            ProblemRow first = groups.stream().flatMap(g -> g.problems().stream())
                    .filter(p -> p.problem().severity() == Severity.ERROR).findFirst()
                    .orElse(groups.get(0).problems().get(0));
            viewer.setSelection(new StructuredSelection(first), true);
        }
        selectionChanged();
    }

    /** Offers the recent runs, and the shown run too when it is older than those. */
    private void showRuns(List<RunSummary> recent, RunSummary selected) {
        List<RunSummary> offered = new ArrayList<>(recent);
        if (selected != null && offered.stream().noneMatch(r -> r.id() == selected.id())) {
            offered.add(selected);
        }
        runs = List.copyOf(offered);
        runCombo.setItems(runs.stream().map(RunLabels::title).toArray(String[]::new));
        if (selected != null) {
            runCombo.select(runs.indexOf(runs.stream().filter(r -> r.id() == selected.id()).findFirst()
                    .orElseThrow()));
        }
    }

    // ---- selection, detail and the way to the cause

    private void selectionChanged() {
        List<ProblemRow> chosen = selectedProblems();
        Object first = viewer.getStructuredSelection().getFirstElement();
        detail.setText(first instanceof ProblemRow row ? detail(row)
                : first instanceof ErrorGroup group ? detail(group) : NOTHING_SELECTED);
        openInvoice.setEnabled(command(ProblemRemedy.OPEN_INVOICE, chosen) != null);
        openMapping.setEnabled(command(ProblemRemedy.OPEN_MAPPING, chosen) != null);
        reconnect.setEnabled(command(ProblemRemedy.RECONNECT, chosen) != null);
        copy.setEnabled(!chosen.isEmpty());
        saveCsv.setEnabled(!groups.isEmpty());
    }

    /** The selected problems; a selected invoice stands for all of its problems. */
    private List<ProblemRow> selectedProblems() {
        LinkedHashSet<ProblemRow> rows = new LinkedHashSet<>();
        for (Object element : viewer.getStructuredSelection().toList()) {
            if (element instanceof ErrorGroup group) {
                rows.addAll(group.problems());
            } else if (element instanceof ProblemRow row) {
                rows.add(row);
            }
        }
        return List.copyOf(rows);
    }

    private String detail(ProblemRow row) {
        Problem problem = row.problem();
        StringBuilder text = new StringBuilder(problem.message()).append("\n\n");
        ErrorGroup group = groupOf(row);
        String customer = group == null || group.customer().isEmpty() ? "" : " (" + group.customer() + ")";
        text.append("Invoice ").append(row.result().invoiceNumber()).append(customer).append(": ")
                .append(RunLabels.result(row.result())).append('\n');
        text.append("Severity: ").append(problem.severity().label()).append('\n');
        if (!problem.field().isEmpty()) {
            text.append("Field: ").append(problem.field()).append('\n');
        }
        text.append("Problem code: ").append(problem.code()).append('\n');
        if (!problem.vendorCode().isEmpty()) {
            text.append(packageName).append("'s code: ").append(problem.vendorCode()).append('\n');
        }
        if (!problem.vendorMessage().isEmpty()) {
            text.append(packageName).append("'s message: ").append(problem.vendorMessage()).append('\n');
        }
        if (problem.severity() == Severity.ERROR) {
            text.append(problem.retryable() ? "Trying again can help: the cause may have passed (export again)."
                    : "Trying again will not help until the cause is fixed.").append('\n');
        }
        if (row.remedy() != ProblemRemedy.NONE) {
            text.append("To fix it: ").append(row.remedy().advice()).append('\n');
        }
        return text.toString();
    }

    private static String detail(ErrorGroup group) {
        String customer = group.customer().isEmpty() ? "" : " (" + group.customer() + ")";
        return "Invoice %s%s: %s\n\n%s".formatted(group.result().invoiceNumber(), customer,
                RunLabels.result(group.result()), RunLabels.problems(group.result().problems()));
    }

    /** The command that leads to the cause of one of the problems, or null when none does or none can run. */
    private ParameterizedCommand command(ProblemRemedy remedy, List<ProblemRow> chosen) {
        java.util.Optional<ProblemRow> row = chosen.stream().filter(r -> r.remedy() == remedy).findFirst();
        if (row.isEmpty() || shown == null) {
            return null;
        }
        String connectionId = Long.toString(shown.connectionId());
        ParameterizedCommand command = switch (remedy) {
            case OPEN_INVOICE -> commands.createCommand(CommandIds.OPEN_INVOICE,
                    Map.of(CommandIds.INVOICE_ID, Long.toString(row.get().result().invoiceId())));
            case OPEN_MAPPING -> commands.createCommand(CommandIds.EDIT_CONNECTION,
                    Map.of(CommandIds.CONNECTION_ID, connectionId));
            case RECONNECT -> commands.createCommand(CommandIds.RECONNECT,
                    Map.of(CommandIds.CONNECTION_ID, connectionId));
            case NONE -> null;
        };
        return command != null && handlers.canExecute(command) ? command : null;
    }

    private void run(ProblemRemedy remedy) {
        ParameterizedCommand command = command(remedy, selectedProblems());
        if (command != null) {
            handlers.executeHandler(command);
        }
    }

    // ---- copy and CSV

    private void copy() {
        List<ProblemRow> chosen = selectedProblems();
        if (chosen.isEmpty()) {
            return;
        }
        String text = chosen.stream().map(ProblemRow::text).collect(Collectors.joining(System.lineSeparator()));
        Clipboard clipboard = new Clipboard(pages.composite().getDisplay());
        try {
            clipboard.setContents(new Object[] {text}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            clipboard.dispose();
        }
        showStatus(chosen.size() == 1 ? "1 problem copied." : chosen.size() + " problems copied.");
    }

    private void saveCsv() {
        if (shown == null || groups.isEmpty()) {
            return;
        }
        FileDialog dialog = new FileDialog(pages.composite().getShell(), SWT.SAVE);
        dialog.setText("Export the problems of run " + shown.id());
        dialog.setFilterExtensions(new String[] {"*.csv", "*.*"});
        dialog.setFilterNames(new String[] {"CSV files (*.csv)", "All files"});
        dialog.setFileName("ledgerport-run-" + shown.id() + "-problems.csv");
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Path file = Path.of(chosen);
        List<ProblemRow> rows = groups.stream().flatMap(g -> g.problems().stream()).toList();
        status.setText("Saving\u2026");
        Job.create("Saving the problems as CSV", monitor -> {
            try {
                ErrorCsv.write(file, rows);
                ui.asyncExec(() -> showStatus("Saved " + (rows.size() == 1 ? "1 problem" : rows.size() + " problems")
                        + " to " + file + "."));
                return Status.OK_STATUS;
            } catch (IOException e) {
                ui.asyncExec(() -> showStatus("The file " + file + " could not be written: " + e.getMessage()
                        + ". Choose a folder you may write to."));
                return Status.error("Could not save the problems to " + file, e);
            }
        }).schedule();
    }

    private void showStatus(String text) {
        if (!status.isDisposed()) {
            status.setText(RunLabels.literal(text));
            status.setToolTipText(text);
            status.getParent().layout();
        }
    }

    // ---- pages

    private boolean disposed() {
        return pages == null || pages.disposed();
    }

    @Focus
    public void setFocus() {
        if (pages.shows(sash)) {
            viewer.getTree().setFocus();
        } else {
            runCombo.setFocus();
        }
    }
}
