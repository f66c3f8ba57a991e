package org.ledgerport.ui.parts;

import java.lang.management.ManagementFactory;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.ledgerport.core.model.InvoiceSummary;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.store.InvoiceStore;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The list of all invoices in the local database. Rows are read in a background job and the list reloads
 * whenever the store reports changed invoices; while there are none, a message says how they get here.
 */
public final class InvoiceListPart {

    public static final String ID = "org.ledgerport.ui.part.invoiceList";

    private static final String EMPTY_MESSAGE = "There are no invoices yet.\n\n"
            + "Invoices appear here as soon as they are saved in the Ledgerport database: written in the "
            + "workstation, imported from your billing system's export file, or written by another program "
            + "that shares the database.";

    private static final System.Logger LOG = System.getLogger(InvoiceListPart.class.getName());
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

    private final InvoiceStore store;
    private final UISynchronize ui;

    private Composite pages;
    private StackLayout pageLayout;
    private Composite tablePage;
    private TableViewer viewer;
    private Label message;
    private boolean firstPaintReported;
    /** Counts loads started, so a slow load that finishes after a newer one cannot show stale rows. */
    private int loadsStarted;

    @Inject
    public InvoiceListPart(InvoiceStore store, UISynchronize ui) {
        this.store = store;
        this.ui = ui;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        pages = new Composite(parent, SWT.NONE);
        pages.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        pageLayout = new StackLayout();
        pages.setLayout(pageLayout);

        tablePage = new Composite(pages, SWT.NONE);
        TableColumnLayout columns = new TableColumnLayout();
        tablePage.setLayout(columns);
        viewer = new TableViewer(tablePage, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        addColumn(columns, "Number", 12, SWT.LEFT, InvoiceSummary::number);
        addColumn(columns, "Customer", 34, SWT.LEFT, InvoiceSummary::customerName);
        addColumn(columns, "Issued", 14, SWT.LEFT, invoice -> DATE.format(invoice.issueDate()));
        addColumn(columns, "Due", 14, SWT.LEFT, invoice -> DATE.format(invoice.dueDate()));
        addColumn(columns, "Net", 16, SWT.RIGHT, invoice -> format(invoice.net()));
        addColumn(columns, "Status", 10, SWT.LEFT, invoice -> invoice.status().label());

        message = new Label(pages, SWT.WRAP);
        showMessage("Loading invoices\u2026");
        load();
    }

    private void addColumn(TableColumnLayout layout, String title, int weight, int alignment,
            Function<InvoiceSummary, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, alignment);
        column.getColumn().setText(title);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((InvoiceSummary) element);
            }
        });
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, 60));
    }

    private static String format(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance();
        format.setCurrency(money.currency());
        format.setMinimumFractionDigits(money.currency().getDefaultFractionDigits());
        format.setMaximumFractionDigits(money.currency().getDefaultFractionDigits());
        return format.format(money.amount());
    }

    @Inject
    @Optional
    void invoicesChanged(@UIEventTopic(InvoiceStore.TOPIC_INVOICES_CHANGED) Event event) {
        if (viewer != null && !viewer.getTable().isDisposed()) {
            load();
        }
    }

    private void load() {
        int load = ++loadsStarted;
        Job.create("Loading invoices", monitor -> {
            try {
                List<InvoiceSummary> invoices = store.listInvoices();
                ui.asyncExec(() -> {
                    if (load == loadsStarted) {
                        show(invoices);
                    }
                });
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                ui.asyncExec(() -> showMessage("The invoices could not be read from the database.\n\n" + e.getMessage()));
                return Status.error("Could not load the invoice list", e);
            }
        }).schedule();
    }

    private void show(List<InvoiceSummary> invoices) {
        if (pages.isDisposed()) {
            return;
        }
        if (invoices.isEmpty()) {
            showMessage(EMPTY_MESSAGE);
        } else {
            viewer.setInput(invoices);
            showPage(tablePage);
        }
        reportFirstPaint(pageLayout.topControl);
    }

    private void showMessage(String text) {
        if (!message.isDisposed()) {
            message.setText(text);
            showPage(message);
        }
    }

    private void showPage(Control page) {
        pageLayout.topControl = page;
        pages.layout(true, true);
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

    @Focus
    public void setFocus() {
        pageLayout.topControl.setFocus();
    }
}
