package org.ledgerport.ui.parts;

import java.lang.management.ManagementFactory;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.ledgerport.core.export.ExportState;
import org.ledgerport.core.export.StatusService;
import org.ledgerport.core.export.VendorState;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.InvoiceSummary;
import org.ledgerport.core.store.InvoiceQuery;
import org.ledgerport.core.store.InvoiceQuery.Order;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.ProcessLog;
import org.ledgerport.ui.CommandIds;
import org.ledgerport.ui.Formats;
import org.ledgerport.ui.Icons;
import org.ledgerport.ui.OneAtATime;
import org.ledgerport.ui.UiTopics;
import org.ledgerport.ui.WidgetIds;
import org.ledgerport.ui.internal.StatusRefresher;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Every invoice in the local database, in a virtual table that reads only the pages on show, so it stays quick
 * with a million invoices. Filters and sorting go to the database; the list reloads, keeping its place, when the
 * store reports changed invoices or an export run ends. While there are none, a message says how they get here.
 */
public final class InvoiceListPart {

    public static final String ID = "org.ledgerport.ui.part.invoiceList";


    private static final String EMPTY_MESSAGE = "There are no invoices yet.\n\n"
            + "Invoices appear here as soon as they are saved in the Ledgerport database: written in the "
            + "workstation, imported from your billing system's export file, or written by another program "
            + "that shares the database.";

    private static final String NO_MATCH_MESSAGE = "No invoice matches these filters.\n\n"
            + "Change the filters above, or press Clear filters to see all %s.";

    private static final String ALL_STATUSES = "All statuses";
    /** Shown in a row whose page is still being read. */
    static final String PENDING = "\u2026";
    /** How long typing in a filter must pause before the list is read again. */
    private static final int FILTER_DELAY_MS = 300;
    /** Changes reported while this long passes are answered by one reload. */
    private static final int RELOAD_DELAY_MS = 250;
    /** More editors than this are not opened at once from one selection. */
    private static final int MAX_OPENED = 10;

    private static final System.Logger LOG = System.getLogger(InvoiceListPart.class.getName());

    private final InvoiceStore store;
    private final ProcessLog processLog;
    private final StatusService statusService;
    private final UISynchronize ui;
    private final ESelectionService selectionService;
    private final ECommandService commands;
    private final EHandlerService handlers;

    private final InvoiceListPages pages = new InvoiceListPages();
    /** Keeps the list's reads one after another, so the newest asked-for page is not queued behind many. */
    private final OneAtATime oneReadAtATime = new OneAtATime();
    /** The page the table asked for last; a read of a page far from it is given up, the user scrolled on. */
    private volatile int wantedPage;

    private InvoiceQuery query = InvoiceQuery.all();
    private PartImages images;

    private Composite filterBar;
    private Combo statusFilter;
    private Text customerFilter;
    private Button fromEnabled;
    private DateTime fromDate;
    private Button toEnabled;
    private DateTime toDate;
    private Text textFilter;
    private Label count;
    private Composite stack;
    private StackLayout stackLayout;
    private Composite tablePage;
    private TableViewer viewer;
    private Label message;
    private final Map<TableColumn, Order> sortOrders = new LinkedHashMap<>();

    private final Runnable applyFiltersLater = this::applyFilters;
    private boolean reloadPending;
    private boolean firstPaintReported;

    @Inject
    public InvoiceListPart(InvoiceStore store, ProcessLog processLog, StatusService statusService,
            UISynchronize ui, ESelectionService selectionService, ECommandService commands,
            EHandlerService handlers) {
        this.store = store;
        this.processLog = processLog;
        this.statusService = statusService;
        this.ui = ui;
        this.selectionService = selectionService;
        this.commands = commands;
        this.handlers = handlers;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        images = new PartImages(parent);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        parent.setLayout(layout);

        createFilterBar(parent);

        stack = new Composite(parent, SWT.NONE);
        stack.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        stackLayout = new StackLayout();
        stack.setLayout(stackLayout);
        createTable(stack);
        message = new Label(stack, SWT.WRAP);
        WidgetIds.tag(message, "invoices.message");

        showMessage("Loading invoices\u2026", false);
        reload(false);
    }

    private void createFilterBar(Composite parent) {
        filterBar = new Composite(parent, SWT.NONE);
        filterBar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        filterBar.setLayout(new GridLayout(2, false));

        Composite filters = new Composite(filterBar, SWT.NONE);
        filters.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.center = true;
        row.wrap = true;
        row.marginLeft = 0;
        row.marginTop = 0;
        row.marginBottom = 0;
        row.spacing = 6;
        filters.setLayout(row);

        Composite status = pair(filters);
        new Label(status, SWT.NONE).setText("&Status:");
        statusFilter = new Combo(status, SWT.READ_ONLY | SWT.DROP_DOWN);
        statusFilter.add(ALL_STATUSES);
        for (InvoiceStatus value : InvoiceStatus.values()) {
            statusFilter.add(value.label());
        }
        statusFilter.select(0);
        statusFilter.addListener(SWT.Selection, e -> applyFilters());
        WidgetIds.tag(statusFilter, "invoices.status");

        Composite customer = pair(filters);
        new Label(customer, SWT.NONE).setText("C&ustomer:");
        customerFilter = new Text(customer, SWT.BORDER | SWT.SEARCH);
        customerFilter.setMessage("Part of the name");
        customerFilter.setLayoutData(new GridData(140, SWT.DEFAULT));
        customerFilter.addListener(SWT.Modify, e -> applyFiltersSoon());
        WidgetIds.tag(customerFilter, "invoices.customer");

        Composite from = pair(filters);
        fromEnabled = new Button(from, SWT.CHECK);
        fromEnabled.setText("Issued &from");
        fromDate = new DateTime(from, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        wireDateFilter(fromEnabled, fromDate, "invoices.from");

        Composite to = pair(filters);
        toEnabled = new Button(to, SWT.CHECK);
        toEnabled.setText("&to");
        toDate = new DateTime(to, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        wireDateFilter(toEnabled, toDate, "invoices.to");

        Composite search = pair(filters);
        new Label(search, SWT.NONE).setText("Sea&rch:");
        textFilter = new Text(search, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        textFilter.setMessage("Number, customer or memo");
        textFilter.setLayoutData(new GridData(200, SWT.DEFAULT));
        textFilter.addListener(SWT.Modify, e -> applyFiltersSoon());
        WidgetIds.tag(textFilter, "invoices.text");

        Button clear = new Button(filters, SWT.PUSH);
        clear.setText("C&lear filters");
        clear.addListener(SWT.Selection, e -> clearFilters());
        WidgetIds.tag(clear, "invoices.clear");

        count = new Label(filterBar, SWT.RIGHT);
        count.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        WidgetIds.tag(count, "invoices.count");
    }

    /** A label and its field, kept together when the filter bar wraps. */
    private static Composite pair(Composite parent) {
        Composite pair = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        pair.setLayout(layout);
        return pair;
    }

    private void wireDateFilter(Button enabled, DateTime date, String id) {
        date.setEnabled(false);
        enabled.addListener(SWT.Selection, e -> {
            date.setEnabled(enabled.getSelection());
            applyFilters();
        });
        date.addListener(SWT.Selection, e -> applyFilters());
        WidgetIds.tag(date, id);
        WidgetIds.tag(enabled, id + ".enabled");
    }

    private void createTable(Composite parent) {
        tablePage = new Composite(parent, SWT.NONE);
        TableColumnLayout columns = new TableColumnLayout();
        tablePage.setLayout(columns);
        viewer = new TableViewer(tablePage, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        WidgetIds.tag(table, "invoices.table");
        viewer.setContentProvider(new PagedContent());

        addColumn(columns, "Number", 12, SWT.LEFT, Order.NUMBER, InvoiceSummary::number, null);
        addColumn(columns, "Customer", 26, SWT.LEFT, Order.CUSTOMER, InvoiceSummary::customerName, null);
        TableColumn issued = addColumn(columns, "Issued", 12, SWT.LEFT, Order.ISSUE_DATE,
                invoice -> Formats.date(invoice.issueDate()), null);
        addColumn(columns, "Due", 12, SWT.LEFT, Order.DUE_DATE, invoice -> Formats.date(invoice.dueDate()), null);
        addColumn(columns, "Net", 14, SWT.RIGHT, Order.NET, invoice -> Formats.money(invoice.net()), null);
        addColumn(columns, "Status", 11, SWT.LEFT, Order.STATUS, invoice -> invoice.status().label(),
                row -> images.image(Icons.forStatus(row.invoice().status())));
        addColumn(columns, "Export status", 24, SWT.LEFT, null, null, row -> row.needsAttention()
                ? images.image(Icons.get("warning"))
                : InvoiceExportStates.mostImportant(row.exports()).map(o -> images.image(Icons.forOutcome(o)))
                        .orElse(null));
        table.setSortColumn(issued);
        table.setSortDirection(SWT.DOWN);

        table.addListener(SWT.Selection, e -> selectionService.setSelection(selectedInvoices()));
        table.addListener(SWT.DefaultSelection, e -> openSelected());
        viewer.setInput(pages);
    }

    /**
     * @param order what clicking the header sorts by, or null for a column the database cannot sort
     * @param text  the cell text of a column that shows one fact of the invoice, or null for the export status
     */
    private TableColumn addColumn(TableColumnLayout layout, String title, int weight, int alignment, Order order,
            Function<InvoiceSummary, String> text, Function<InvoiceRow, Image> icon) {
        TableViewerColumn column = new TableViewerColumn(viewer, alignment);
        column.getColumn().setText(title);
        boolean first = viewer.getTable().getColumnCount() == 1;
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                if (element instanceof InvoiceRow row) {
                    return text != null ? text.apply(row.invoice()) : row.standing();
                }
                return first ? PENDING : "";
            }

            @Override
            public Image getImage(Object element) {
                return icon != null && element instanceof InvoiceRow row ? icon.apply(row) : null;
            }
        });
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 60));
        if (order != null) {
            sortOrders.put(column.getColumn(), order);
            column.getColumn().addListener(SWT.Selection, e -> sortBy(column.getColumn()));
        }
        return column.getColumn();
    }


    /** Rows the table needs come from the pages in memory; a missing page is read in the background. */
    private final class PagedContent implements ILazyContentProvider {

        @Override
        public void updateElement(int index) {
            InvoiceRow row = pages.row(index);
            if (row != null) {
                viewer.replace(row, index);
                return;
            }
            viewer.replace(new Pending(index), index);
            int page = InvoiceListPages.pageOf(index);
            wantedPage = page;
            if (pages.startLoading(page)) {
                readPage(pages.generation(), query, page);
            }
        }

        @Override
        public void inputChanged(Viewer changed, Object oldInput, Object newInput) {
            // The pages are the input for the viewer's whole life; queries change what they hold.
        }
    }

    /** A row whose page is still being read; one per index, so the viewer never mistakes two for one. */
    private record Pending(int index) {
    }

    private void readPage(int generation, InvoiceQuery pageQuery, int page) {
        Job job = Job.create("Reading invoices", monitor -> {
            if (Math.abs(page - wantedPage) > 1) {
                ui.asyncExec(() -> pageSkipped(generation, page));
                return Status.CANCEL_STATUS;
            }
            try {
                List<InvoiceRow> rows = read(pageQuery, page);
                ui.asyncExec(() -> pageRead(generation, page, rows));
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                ui.asyncExec(() -> pages.stopLoading(generation, page));
                return Status.error("Could not read invoices " + page * InvoiceListPages.PAGE_SIZE + " to "
                        + ((page + 1) * InvoiceListPages.PAGE_SIZE - 1) + " of the list", e);
            }
        });
        job.setSystem(true);
        job.setRule(oneReadAtATime);
        job.schedule();
    }

    /** One page of rows with their export states and what the packages said of them, read together (in a job). */
    private List<InvoiceRow> read(InvoiceQuery pageQuery, int page) {
        List<InvoiceSummary> invoices = store.findInvoices(pageQuery, page * InvoiceListPages.PAGE_SIZE,
                InvoiceListPages.PAGE_SIZE);
        List<Long> ids = invoices.stream().map(InvoiceSummary::id).toList();
        Map<Long, List<ExportState>> states = ids.isEmpty() ? Map.of() : processLog.exportStates(ids);
        Map<Long, List<VendorState>> vendor = ids.isEmpty() ? Map.of() : statusService.vendorStates(ids);
        List<InvoiceRow> rows = new ArrayList<>(invoices.size());
        for (InvoiceSummary invoice : invoices) {
            rows.add(new InvoiceRow(invoice, states.getOrDefault(invoice.id(), List.of()),
                    vendor.getOrDefault(invoice.id(), List.of())));
        }
        return rows;
    }

    private void pageRead(int generation, int page, List<InvoiceRow> rows) {
        if (!viewer.getTable().isDisposed() && pages.accept(generation, page, rows)) {
            askAgain(page);
        }
    }

    /** The user scrolled past the page before it was read; its rows ask for it again if they come back. */
    private void pageSkipped(int generation, int page) {
        if (!viewer.getTable().isDisposed() && generation == pages.generation()) {
            pages.stopLoading(generation, page);
            askAgain(page);
        }
    }

    /** Makes the table ask for the page's rows again, when it next shows them. */
    private void askAgain(int page) {
        Table table = viewer.getTable();
        int first = page * InvoiceListPages.PAGE_SIZE;
        int last = Math.min(first + InvoiceListPages.PAGE_SIZE, table.getItemCount()) - 1;
        if (first <= last) {
            table.clear(first, last);
        }
    }

    /**
     * Reads the count and the pages on show again, for the current query, in a job.
     *
     * @param fromTheTop for a new query or order: show its first rows rather than the rows at the current place
     */
    private void reload(boolean fromTheTop) {
        int generation = fromTheTop ? pages.reset() : pages.invalidate();
        InvoiceQuery reloaded = query;
        List<Integer> shown = fromTheTop ? List.of(0) : pagesOnShow();
        Job job = Job.create("Reading the invoice list", monitor -> {
            try {
                int total = store.countInvoices(InvoiceQuery.all());
                int matching = isFiltered(reloaded) ? store.countInvoices(reloaded) : total;
                Map<Integer, List<InvoiceRow>> read = new HashMap<>();
                for (int page : shown) {
                    if (page * InvoiceListPages.PAGE_SIZE < matching) {
                        read.put(page, read(reloaded, page));
                    }
                }
                ui.asyncExec(() -> loaded(generation, total, matching, read, fromTheTop));
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                ui.asyncExec(() -> {
                    if (generation == pages.generation() && !stack.isDisposed()) {
                        showMessage(RunLabels.unreadable("The invoices", e), false);
                    }
                });
                return Status.error("Could not load the invoice list", e);
            }
        });
        job.setRule(oneReadAtATime);
        job.schedule();
    }

    private List<Integer> pagesOnShow() {
        Table table = viewer.getTable();
        int top = table.getTopIndex();
        int rowsOnShow = table.getClientArea().height / Math.max(1, table.getItemHeight()) + 1;
        int first = InvoiceListPages.pageOf(top);
        int last = InvoiceListPages.pageOf(top + rowsOnShow);
        return first == last ? List.of(first) : List.of(first, last);
    }

    private void loaded(int generation, int total, int matching, Map<Integer, List<InvoiceRow>> read,
            boolean fromTheTop) {
        if (stack.isDisposed() || !pages.replace(generation, read)) {
            return;
        }
        Table table = viewer.getTable();
        count.setText(countText(total, matching));
        viewer.setItemCount(matching);
        if (total == 0) {
            showMessage(EMPTY_MESSAGE, false);
        } else if (matching == 0) {
            showMessage(NO_MATCH_MESSAGE.formatted(invoices(total)), true);
        } else {
            table.clearAll();
            if (fromTheTop) {
                table.setTopIndex(0);
            }
            showPage(tablePage, true);
        }
        reportFirstPaint(stackLayout.topControl);
    }

    private static boolean isFiltered(InvoiceQuery query) {
        return !query.statuses().isEmpty() || !query.customer().isEmpty() || query.issuedFrom() != null
                || query.issuedTo() != null || !query.text().isEmpty();
    }

    private String countText(int total, int matching) {
        if (!isFiltered(query)) {
            return invoices(total);
        }
        return "%s of %s %s".formatted(NumberFormat.getIntegerInstance().format(matching), invoices(total),
                matching == 1 ? "matches" : "match");
    }

    private static String invoices(int howMany) {
        return NumberFormat.getIntegerInstance().format(howMany) + (howMany == 1 ? " invoice" : " invoices");
    }

    private void showMessage(String text, boolean withFilters) {
        if (!message.isDisposed()) {
            message.setText(text);
            showPage(message, withFilters);
        }
    }

    private void showPage(Control page, boolean withFilters) {
        GridData filterLayout = (GridData) filterBar.getLayoutData();
        filterLayout.exclude = !withFilters;
        filterBar.setVisible(withFilters);
        stackLayout.topControl = page;
        stack.getParent().layout(true, true);
    }

    /** Logs how long after the JVM started the loaded list was first painted: the start-up time a user feels. */
    private void reportFirstPaint(Control page) {
        if (firstPaintReported) {
            return;
        }
        firstPaintReported = true;
        Control painted = page == tablePage ? viewer.getTable() : page;
        painted.addListener(SWT.Paint, new Listener() {
            @Override
            public void handleEvent(org.eclipse.swt.widgets.Event e) {
                painted.removeListener(SWT.Paint, this);
                long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                LOG.log(System.Logger.Level.INFO, "Invoice list painted {0,number,#} ms after launch", millis);
            }
        });
        painted.redraw();
    }

    private void applyFiltersSoon() {
        count.getDisplay().timerExec(FILTER_DELAY_MS, applyFiltersLater);
    }

    private void applyFilters() {
        if (count.isDisposed()) {
            return;
        }
        count.getDisplay().timerExec(-1, applyFiltersLater);
        LocalDate from = fromEnabled.getSelection() ? dateOf(fromDate) : null;
        LocalDate to = toEnabled.getSelection() ? dateOf(toDate) : null;
        if (from != null && to != null && from.isAfter(to)) {
            count.setText("The \u201cIssued from\u201d date is after the \u201cto\u201d date.");
            filterBar.layout(true, true);
            return;
        }
        int status = statusFilter.getSelectionIndex();
        Set<InvoiceStatus> statuses = status <= 0 ? Set.of() : EnumSet.of(InvoiceStatus.values()[status - 1]);
        InvoiceQuery filtered = query.withStatuses(statuses).withCustomer(customerFilter.getText())
                .withIssued(from, to).withText(textFilter.getText());
        if (!filtered.equals(query)) {
            query = filtered;
            reload(true);
        }
    }

    private static LocalDate dateOf(DateTime date) {
        return LocalDate.of(date.getYear(), date.getMonth() + 1, date.getDay());
    }

    private void clearFilters() {
        statusFilter.select(0);
        customerFilter.setText("");
        textFilter.setText("");
        for (Button enabled : List.of(fromEnabled, toEnabled)) {
            enabled.setSelection(false);
        }
        fromDate.setEnabled(false);
        toDate.setEnabled(false);
        applyFilters();
    }

    private void sortBy(TableColumn column) {
        Table table = viewer.getTable();
        Order order = sortOrders.get(column);
        boolean descending = order == query.order() && !query.descending();
        query = query.sortedBy(order, descending);
        table.setSortColumn(column);
        table.setSortDirection(descending ? SWT.DOWN : SWT.UP);
        reload(true);
    }

    /** The selected invoices whose rows are loaded; a row still showing "…" is not a choice yet. */
    private List<InvoiceSummary> selectedInvoices() {
        List<InvoiceSummary> selected = new ArrayList<>();
        for (int index : viewer.getTable().getSelectionIndices()) {
            InvoiceRow row = pages.row(index);
            if (row != null) {
                selected.add(row.invoice());
            }
        }
        return selected;
    }

    private void openSelected() {
        selectedInvoices().stream().limit(MAX_OPENED).forEach(invoice -> open(invoice.id()));
    }

    private void open(long invoiceId) {
        ParameterizedCommand command = commands.createCommand(CommandIds.OPEN_INVOICE,
                Map.of(CommandIds.INVOICE_ID, Long.toString(invoiceId)));
        handlers.executeHandler(command);
    }

    @Inject
    @Optional
    void runFinished(@UIEventTopic(UiTopics.RUN_FINISHED) Object runId) {
        reloadSoon();
    }

    /** The store changed invoices: exports, including the queue's own, reverts, payments, status changes. */
    @Inject
    @Optional
    void invoicesChanged(@UIEventTopic(InvoiceStore.TOPIC_INVOICES_CHANGED) Event event) {
        reloadSoon();
    }

    /** A finished refresh may change only what a package says of an invoice (partly paid, approved). */
    @Inject
    @Optional
    void statusRefreshed(@UIEventTopic(StatusRefresher.TOPIC) StatusRefresher.Outcome outcome) {
        if (outcome.finished()) {
            reloadSoon();
        }
    }

    /** One reload for a burst of changes (an import saves thousands of invoices, each one reported). */
    private void reloadSoon() {
        if (viewer == null || viewer.getTable().isDisposed() || reloadPending) {
            return;
        }
        reloadPending = true;
        viewer.getTable().getDisplay().timerExec(RELOAD_DELAY_MS, () -> {
            reloadPending = false;
            if (!viewer.getTable().isDisposed()) {
                reload(false);
            }
        });
    }

    /** Reads the list again where it stands: same filters, same order, same place. */
    public void refresh() {
        reload(false);
    }

    /** Puts the cursor in the search field, ready to type. */
    public void focusSearch() {
        textFilter.setFocus();
        textFilter.selectAll();
    }

    @Focus
    public void setFocus() {
        Control shown = stackLayout.topControl == tablePage ? viewer.getTable() : stackLayout.topControl;
        if (shown != null) {
            shown.setFocus();
        }
    }
}
