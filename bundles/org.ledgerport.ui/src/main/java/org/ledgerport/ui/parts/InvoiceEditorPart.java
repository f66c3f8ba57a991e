package org.ledgerport.ui.parts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IStylingEngine;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerEditor;
import org.eclipse.jface.viewers.ColumnViewerEditorActivationEvent;
import org.eclipse.jface.viewers.ColumnViewerEditorActivationStrategy;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.FocusCellOwnerDrawHighlighter;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TableViewerEditor;
import org.eclipse.jface.viewers.TableViewerFocusCellManager;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.events.MouseEvent;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.ledgerport.core.access.AccessDeniedException;
import org.ledgerport.core.access.Permission;
import org.ledgerport.core.export.ExportException;
import org.ledgerport.core.export.ExportState;
import org.ledgerport.core.export.RevertPlan;
import org.ledgerport.core.export.RevertRefusedException;
import org.ledgerport.core.export.StatusService.Resolution;
import org.ledgerport.core.export.VendorState;
import org.ledgerport.core.model.ChargeKind;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLifecycle;
import org.ledgerport.core.model.LifecycleException;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.InvoiceTotals;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.Payment;
import org.ledgerport.core.model.PaymentDraft;
import org.ledgerport.core.model.PaymentState;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.model.TaxMode;
import org.ledgerport.core.store.ConcurrentChangeException;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.ProcessLog;
import org.ledgerport.ui.Formats;
import org.ledgerport.ui.Icons;
import org.ledgerport.ui.UiColors;
import org.ledgerport.ui.UiTopics;
import org.ledgerport.ui.WidgetIds;
import org.osgi.service.event.Event;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * One invoice, opened from the list: its header, lines, header charges and live totals, editable while it is a
 * draft, with Save, Finalize and Revert to draft. Totals come from the core's own tax rules as the content is
 * typed; what the store refuses is said in the message area at the top, in the store's words. Once exported, it
 * shows where the invoice stands at each accounting package, its payments and its history; an exported invoice is
 * reverted by withdrawing it there first, payments are recorded and sent, and what a package voided or deleted on
 * its own is settled from the notice above it. Buttons the user's role does not allow are disabled, their tooltip
 * naming the role needed. The invoice is read and written in jobs, never on the UI thread.
 */
public final class InvoiceEditorPart {

    public static final String DESCRIPTOR_ID = "org.ledgerport.ui.partdescriptor.invoiceEditor";
    /** The key of the part's persisted state that holds the invoice's id. */
    public static final String INVOICE_ID = "invoiceId";

    private static final String NO_TAX = "No tax";
    private static final String NOT_COMPUTED = "\u2014";
    /** Changes reported while this long passes are answered by one read. */
    private static final int REFRESH_DELAY_MS = 250;

    private final InvoiceStore store;
    private final ProcessLog processLog;
    private final InvoiceAccounting accounting;
    private final UISynchronize ui;
    private final MPart part;
    private final EPartService partService;
    private final IStylingEngine styling;
    private final Locale locale = Locale.getDefault();

    private long invoiceId;
    /** The invoice as last read or saved; null until it is loaded or when it is gone. */
    private Invoice invoice;
    private List<Customer> customers = List.of();
    private Map<String, TaxCode> taxCodes = Map.of();
    private List<ExportState> exports = List.of();
    /** Its history, vendor states, payments and the user's rights, as last read. */
    private InvoiceAccounting.Standing standing = InvoiceAccounting.Standing.NONE;
    private InvoiceForm form = new InvoiceForm(locale);
    private InvoiceForm.Outcome outcome = form.check();
    /** Counts edits, so a save that finishes after more typing does not mark the editor clean. */
    private int edits;
    /** A read or write is under way; the actions wait for it. */
    private boolean busy;
    /** The widgets are being filled from the invoice; that is not an edit. */
    private boolean filling;
    private boolean refreshPending;

    private PartImages images;
    private ScrolledComposite scroller;
    private Composite content;
    private Composite banner;
    private Label bannerIcon;
    private Label bannerText;
    private Label statusIcon;
    private Label statusText;
    private Label exportsText;
    private Label readOnlyText;
    private Button saveButton;
    private Button finalizeButton;
    private Button revertButton;
    private Text number;
    private Combo customer;
    private DateTime issued;
    private DateTime due;
    private Text currency;
    private Combo taxMode;
    private Text memo;
    private TableViewer lines;
    private Button addLine;
    private Button removeLine;
    private TableViewer charges;
    private Button addCharge;
    private Button removeCharge;
    private ComboBoxCellEditor lineTaxCodes;
    private ComboBoxCellEditor chargeTaxCodes;
    private Label problems;
    private Label net;
    private Label taxNames;
    private Label taxAmounts;
    private Label total;
    private VendorStateBanner vendorProblems;
    private PaymentsSection payments;
    private InvoiceHistorySection history;
    private final Map<String, ControlDecoration> decorations = new LinkedHashMap<>();

    @Inject
    public InvoiceEditorPart(InvoiceStore store, ProcessLog processLog, InvoiceAccounting accounting,
            UISynchronize ui, MPart part, EPartService partService, IStylingEngine styling) {
        this.store = store;
        this.processLog = processLog;
        this.accounting = accounting;
        this.ui = ui;
        this.part = part;
        this.partService = partService;
        this.styling = styling;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        images = new PartImages(parent);
        parent.setLayout(flat(1));
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        content = new Composite(scroller, SWT.NONE);
        content.setLayout(new GridLayout(1, false));
        scroller.setContent(content);

        createBanner(content);
        vendorProblems = new VendorStateBanner(content, images, styling, this::settle);
        createStatusRow(content);
        createHeader(content);
        createProblems(content);
        Composite body = new Composite(content, SWT.NONE);
        body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        body.setLayout(flat(2));
        Composite tables = new Composite(body, SWT.NONE);
        tables.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        tables.setLayout(flat(1));
        createLines(tables);
        createCharges(tables);
        createTotals(body);
        payments = new PaymentsSection(content, images, this::recordPayment, this::sendPendingPayments);
        history = new InvoiceHistorySection(content, images);
        relayout();

        String id = part.getPersistedState().get(INVOICE_ID);
        try {
            invoiceId = Long.parseLong(Objects.requireNonNullElse(id, ""));
        } catch (NumberFormatException e) {
            showBanner(true, "This editor does not say which invoice it shows (\u201c" + id + "\u201d). Close it "
                    + "and open the invoice again from the invoice list.");
            updateState();
            return;
        }
        showBanner(false, "Opening the invoice\u2026");
        load(false, null);
    }

    /** A grid without margins, for composites that only arrange others. */
    private static GridLayout flat(int columns) {
        GridLayout layout = new GridLayout(columns, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        return layout;
    }

    private void createBanner(Composite parent) {
        banner = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(2, false);
        layout.marginHeight = 6;
        banner.setLayout(layout);
        banner.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bannerIcon = new Label(banner, SWT.NONE);
        bannerIcon.setLayoutData(new GridData(SWT.BEGINNING, SWT.TOP, false, false));
        bannerText = new Label(banner, SWT.WRAP);
        bannerText.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        WidgetIds.tag(bannerText, "invoice.message");
        hideBanner();
    }

    private void createStatusRow(Composite parent) {
        Composite row = new Composite(parent, SWT.NONE);
        row.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        GridLayout layout = new GridLayout(6, false);
        layout.marginHeight = 0;
        row.setLayout(layout);
        statusIcon = new Label(row, SWT.NONE);
        statusText = new Label(row, SWT.NONE);
        WidgetIds.tag(statusText, "invoice.status");
        exportsText = new Label(row, SWT.WRAP);
        GridData exportsLayout = new GridData(SWT.FILL, SWT.CENTER, true, false);
        exportsLayout.horizontalIndent = 16;
        exportsText.setLayoutData(exportsLayout);
        WidgetIds.tag(exportsText, "invoice.exports");
        saveButton = button(row, "&Save", null, "invoice.save", () -> partService.savePart(part, false));
        finalizeButton = button(row, "Finali&ze", "finalized", "invoice.finalize", this::finalizeInvoice);
        revertButton = button(row, "Revert to &Draft", "draft", "invoice.revert", this::revertToDraft);

        readOnlyText = new Label(parent, SWT.WRAP);
        readOnlyText.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        WidgetIds.tag(readOnlyText, "invoice.readOnly");
    }

    private void createHeader(Composite parent) {
        Group header = new Group(parent, SWT.NONE);
        header.setText("Invoice");
        header.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        header.setLayout(new GridLayout(6, false));

        number = new Text(header, SWT.BORDER);
        labelled(header, "&Number:", number, "invoice.number", InvoiceForm.NUMBER);
        number.setTextLimit(40);
        number.addListener(SWT.Modify, e -> edited(() -> form.number = number.getText()));

        customer = new Combo(header, SWT.READ_ONLY | SWT.DROP_DOWN);
        labelled(header, "&Customer:", customer, "invoice.customer", InvoiceForm.CUSTOMER);
        customer.addListener(SWT.Selection, e -> customerChosen());

        currency = new Text(header, SWT.BORDER);
        labelled(header, "Curr&ency:", currency, "invoice.currency", InvoiceForm.CURRENCY);
        currency.setTextLimit(3);
        ((GridData) currency.getLayoutData()).widthHint = 50;
        ((GridData) currency.getLayoutData()).grabExcessHorizontalSpace = false;
        currency.addListener(SWT.Modify, e -> edited(() -> form.currency = currency.getText()));

        issued = new DateTime(header, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        labelled(header, "&Issued:", issued, "invoice.issued", null);
        issued.addListener(SWT.Selection, e -> dateChosen(issued, form.issueDate, date -> form.issueDate = date));

        due = new DateTime(header, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        labelled(header, "D&ue:", due, "invoice.due", InvoiceForm.DUE_DATE);
        due.addListener(SWT.Selection, e -> dateChosen(due, form.dueDate, date -> form.dueDate = date));

        taxMode = new Combo(header, SWT.READ_ONLY | SWT.DROP_DOWN);
        labelled(header, "Ta&x:", taxMode, "invoice.taxMode", null);
        for (TaxMode mode : TaxMode.values()) {
            taxMode.add(mode.label());
        }
        taxMode.addListener(SWT.Selection,
                e -> edited(() -> form.taxMode = TaxMode.values()[Math.max(0, taxMode.getSelectionIndex())]));

        memo = new Text(header, SWT.BORDER);
        labelled(header, "Mem&o:", memo, "invoice.memo", null);
        ((GridData) memo.getLayoutData()).horizontalSpan = 5;
        memo.addListener(SWT.Modify, e -> edited(() -> form.memo = memo.getText()));
    }

    /** Puts a label before the field, lays the field out and marks where its errors are shown. */
    private void labelled(Composite parent, String label, Control field, String id, String errorKey) {
        Label text = new Label(parent, SWT.NONE);
        text.setText(label);
        text.moveAbove(field);
        GridData layout = field instanceof DateTime ? new GridData(SWT.BEGINNING, SWT.CENTER, true, false)
                : new GridData(SWT.FILL, SWT.CENTER, true, false);
        layout.horizontalIndent = 8;
        if (!(field instanceof DateTime)) {
            layout.widthHint = 180;
        }
        field.setLayoutData(layout);
        WidgetIds.tag(field, id);
        if (errorKey != null) {
            ControlDecoration decoration = new ControlDecoration(field, SWT.LEFT | SWT.CENTER);
            decoration.setImage(images.image(Icons.get("error")));
            decoration.hide();
            decorations.put(errorKey, decoration);
        }
    }

    private void createLines(Composite parent) {
        Group group = new Group(parent, SWT.NONE);
        group.setText("Lines");
        group.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        group.setLayout(new GridLayout(2, false));
        lines = table(group, "invoice.lines", 90);
        lineTaxCodes = new ComboBoxCellEditor(lines.getTable(), new String[] { NO_TAX }, SWT.READ_ONLY);
        this.<InvoiceForm.Line>textColumn(lines, "Description", 34, SWT.LEFT, InvoiceForm.DESCRIPTION,
                line -> line.description, (line, value) -> line.description = value);
        this.<InvoiceForm.Line>textColumn(lines, "Item", 10, SWT.LEFT, InvoiceForm.ITEM, line -> line.itemCode,
                (line, value) -> line.itemCode = value);
        this.<InvoiceForm.Line>textColumn(lines, "Quantity", 9, SWT.RIGHT, InvoiceForm.QUANTITY,
                line -> line.quantity, (line, value) -> line.quantity = value);
        this.<InvoiceForm.Line>textColumn(lines, "Unit price", 12, SWT.RIGHT, InvoiceForm.UNIT_PRICE,
                line -> line.unitPrice, (line, value) -> line.unitPrice = value);
        this.<InvoiceForm.Line>textColumn(lines, "Discount %", 9, SWT.RIGHT, InvoiceForm.DISCOUNT,
                line -> line.discount, (line, value) -> line.discount = value);
        this.<InvoiceForm.Line>taxCodeColumn(lines, lineTaxCodes, line -> line.taxCode,
                (line, code) -> line.taxCode = code);
        column(lines, "Amount", 12, SWT.RIGHT, element -> {
            int index = lineIndex(element);
            Money amount = index < outcome.lineAmounts().size() ? outcome.lineAmounts().get(index) : null;
            return amount == null ? "" : Formats.money(amount);
        }, element -> null, null);
        lines.setInput(form.lines);

        Composite buttons = buttonColumn(group);
        addLine = button(buttons, "&Add Line", "add", "invoice.addLine", () -> {
            InvoiceForm.Line line = form.addLine();
            markEdited();
            lines.editElement(line, 0);
        });
        removeLine = button(buttons, "Re&move Line", "remove", "invoice.removeLine",
                () -> removeSelected(lines, form.lines));
    }

    private void createCharges(Composite parent) {
        Group group = new Group(parent, SWT.NONE);
        group.setText("Header charges");
        group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        group.setLayout(new GridLayout(2, false));
        charges = table(group, "invoice.charges", 50);
        String[] kinds = Arrays.stream(ChargeKind.values()).map(ChargeKind::label).toArray(String[]::new);
        ComboBoxCellEditor kindEditor = new ComboBoxCellEditor(charges.getTable(), kinds, SWT.READ_ONLY);
        column(charges, "Kind", 12, SWT.LEFT, element -> ((InvoiceForm.HeaderCharge) element).kind.label(),
                element -> errorImage(element, "kind"), new Editing(charges) {
                    @Override
                    protected CellEditor getCellEditor(Object element) {
                        return kindEditor;
                    }

                    @Override
                    protected Object getValue(Object element) {
                        return ((InvoiceForm.HeaderCharge) element).kind.ordinal();
                    }

                    @Override
                    protected void setValue(Object element, Object value) {
                        int index = (Integer) value;
                        if (index >= 0) {
                            edited(() -> ((InvoiceForm.HeaderCharge) element).kind = ChargeKind.values()[index]);
                        }
                    }
                });
        this.<InvoiceForm.HeaderCharge>textColumn(charges, "Description", 40, SWT.LEFT, InvoiceForm.DESCRIPTION,
                charge -> charge.description, (charge, value) -> charge.description = value);
        this.<InvoiceForm.HeaderCharge>textColumn(charges, "Amount", 14, SWT.RIGHT, InvoiceForm.AMOUNT,
                charge -> charge.amount, (charge, value) -> charge.amount = value);
        chargeTaxCodes = new ComboBoxCellEditor(charges.getTable(), new String[] { NO_TAX }, SWT.READ_ONLY);
        this.<InvoiceForm.HeaderCharge>taxCodeColumn(charges, chargeTaxCodes, charge -> charge.taxCode,
                (charge, code) -> charge.taxCode = code);
        charges.setInput(form.charges);

        Composite buttons = buttonColumn(group);
        addCharge = button(buttons, "Add C&harge", "add", "invoice.addCharge", () -> {
            InvoiceForm.HeaderCharge charge = form.addCharge();
            markEdited();
            charges.editElement(charge, 1);
        });
        removeCharge = button(buttons, "Remo&ve Charge", "remove", "invoice.removeCharge",
                () -> removeSelected(charges, form.charges));
    }

    /** What keeps the typed content from being saved, in words, under the header; hidden when nothing does. */
    private void createProblems(Composite parent) {
        problems = new Label(parent, SWT.WRAP);
        GridData layout = new GridData(SWT.FILL, SWT.TOP, true, false);
        layout.widthHint = 400;
        layout.exclude = true;
        problems.setLayoutData(layout);
        problems.setVisible(false);
        problems.setForeground(JFaceResources.getColorRegistry().get(UiColors.ERROR));
        WidgetIds.tag(problems, "invoice.problems");
    }

    private void createTotals(Composite parent) {
        Group totals = new Group(parent, SWT.NONE);
        totals.setText("Totals");
        totals.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        totals.setLayout(new GridLayout(2, false));
        new Label(totals, SWT.NONE).setText("Net");
        net = amountLabel(totals, "invoice.net");
        taxNames = new Label(totals, SWT.NONE);
        taxAmounts = amountLabel(totals, "invoice.tax");
        new Label(totals, SWT.NONE).setText("Total");
        total = amountLabel(totals, "invoice.total");
        total.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
    }

    private static Label amountLabel(Composite parent, String id) {
        Label label = new Label(parent, SWT.RIGHT);
        GridData layout = new GridData(SWT.FILL, SWT.TOP, true, false);
        layout.minimumWidth = 110;
        layout.widthHint = 130;
        label.setLayoutData(layout);
        WidgetIds.tag(label, id);
        return label;
    }

    private TableViewer table(Composite parent, String id, int height) {
        Composite holder = new Composite(parent, SWT.NONE);
        GridData layout = new GridData(SWT.FILL, SWT.FILL, true, true);
        layout.heightHint = height;
        holder.setLayoutData(layout);
        holder.setLayout(new TableColumnLayout());
        TableViewer viewer = new TableViewer(holder, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        WidgetIds.tag(viewer.getTable(), id);
        ColumnViewerToolTipSupport.enableFor(viewer);
        TableViewerFocusCellManager focus = new TableViewerFocusCellManager(viewer,
                new FocusCellOwnerDrawHighlighter(viewer));
        ColumnViewerEditorActivationStrategy activation = new ColumnViewerEditorActivationStrategy(viewer) {
            @Override
            protected boolean isEditorActivationEvent(ColumnViewerEditorActivationEvent event) {
                return switch (event.eventType) {
                    case ColumnViewerEditorActivationEvent.TRAVERSAL,
                            ColumnViewerEditorActivationEvent.PROGRAMMATIC -> true;
                    case ColumnViewerEditorActivationEvent.MOUSE_CLICK_SELECTION ->
                        ((MouseEvent) event.sourceEvent).button == 1;
                    case ColumnViewerEditorActivationEvent.KEY_PRESSED ->
                        event.keyCode == SWT.F2 || event.keyCode == SWT.CR;
                    default -> false;
                };
            }
        };
        TableViewerEditor.create(viewer, focus, activation, ColumnViewerEditor.TABBING_HORIZONTAL
                | ColumnViewerEditor.TABBING_MOVE_TO_ROW_NEIGHBOR | ColumnViewerEditor.KEYBOARD_ACTIVATION);
        return viewer;
    }

    private static Composite buttonColumn(Composite parent) {
        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.BEGINNING, SWT.TOP, false, false));
        GridLayout layout = new GridLayout(1, true);
        layout.marginHeight = 0;
        buttons.setLayout(layout);
        return buttons;
    }

    private Button button(Composite parent, String label, String icon, String id, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        if (icon != null) {
            button.setImage(images.image(Icons.get(icon)));
        }
        button.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, false, false));
        button.addListener(SWT.Selection, e -> action.run());
        WidgetIds.tag(button, id);
        return button;
    }

    private TableViewerColumn column(TableViewer viewer, String title, int weight, int alignment,
            Function<Object, String> text, Function<Object, Image> icon, EditingSupport editing) {
        TableViewerColumn column = new TableViewerColumn(viewer, alignment);
        column.getColumn().setText(title);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }

            @Override
            public Image getImage(Object element) {
                return icon.apply(element);
            }

            @Override
            public String getToolTipText(Object element) {
                return icon.apply(element) == null ? null : errorText(element);
            }
        });
        if (editing != null) {
            column.setEditingSupport(editing);
        }
        ((TableColumnLayout) viewer.getTable().getParent().getLayout()).setColumnData(column.getColumn(),
                new ColumnWeightData(weight, 50));
        return column;
    }

    /** A column typed into as text; the error of its field, if any, is shown in the cell and its tooltip. */
    private <T> void textColumn(TableViewer viewer, String title, int weight, int alignment, String field,
            Function<T, String> get, BiConsumer<T, String> set) {
        TextCellEditor editor = new TextCellEditor(viewer.getTable());
        @SuppressWarnings("unchecked")
        Function<Object, T> row = element -> (T) element;
        column(viewer, title, weight, alignment, element -> get.apply(row.apply(element)),
                element -> errorImage(element, field), new Editing(viewer) {
                    @Override
                    protected CellEditor getCellEditor(Object element) {
                        return editor;
                    }

                    @Override
                    protected Object getValue(Object element) {
                        return get.apply(row.apply(element));
                    }

                    @Override
                    protected void setValue(Object element, Object value) {
                        if (!value.equals(get.apply(row.apply(element)))) {
                            edited(() -> set.accept(row.apply(element), (String) value));
                        }
                    }
                });
    }

    /** A column choosing one of the firm's tax codes, or none. */
    private <T> void taxCodeColumn(TableViewer viewer, ComboBoxCellEditor editor, Function<T, String> get,
            BiConsumer<T, String> set) {
        @SuppressWarnings("unchecked")
        Function<Object, T> row = element -> (T) element;
        column(viewer, "Tax code", 12, SWT.LEFT, element -> {
            String code = get.apply(row.apply(element));
            return code.isEmpty() ? NO_TAX : code;
        }, element -> errorImage(element, InvoiceForm.TAX_CODE), new Editing(viewer) {
            @Override
            protected CellEditor getCellEditor(Object element) {
                return editor;
            }

            @Override
            protected Object getValue(Object element) {
                String code = get.apply(row.apply(element));
                return code.isEmpty() ? 0 : Math.max(0, taxCodeChoices().indexOf(code) + 1);
            }

            @Override
            protected void setValue(Object element, Object value) {
                int choice = (Integer) value;
                String code = choice <= 0 ? "" : taxCodeChoices().get(choice - 1);
                if (choice >= 0 && !code.equals(get.apply(row.apply(element)))) {
                    edited(() -> set.accept(row.apply(element), code));
                }
            }
        });
    }

    private List<String> taxCodeChoices() {
        return new ArrayList<>(taxCodes.keySet());
    }

    /** Edits cells only while the invoice is a draft. */
    private abstract class Editing extends EditingSupport {

        Editing(TableViewer viewer) {
            super(viewer);
        }

        @Override
        protected boolean canEdit(Object element) {
            return editable();
        }
    }

    private int lineIndex(Object element) {
        return indexOf(form.lines, element);
    }

    private int chargeIndex(Object element) {
        return indexOf(form.charges, element);
    }

    private static int indexOf(List<?> rows, Object element) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == element) {
                return i;
            }
        }
        return -1;
    }

    private String errorKey(Object element, String column) {
        if (element instanceof InvoiceForm.Line) {
            return InvoiceForm.lineField(lineIndex(element), column);
        }
        return InvoiceForm.chargeField(chargeIndex(element), column);
    }

    private Image errorImage(Object element, String column) {
        return outcome.errors().containsKey(errorKey(element, column)) ? images.image(Icons.get("error")) : null;
    }

    /** Every error of the row, for the tooltip of a marked cell. */
    private String errorText(Object element) {
        String prefix = errorKey(element, "");
        return outcome.errors().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .map(Map.Entry::getValue).reduce((a, b) -> a + "\n" + b).orElse(null);
    }

    private <T> void removeSelected(TableViewer viewer, List<T> rows) {
        Object selected = viewer.getStructuredSelection().getFirstElement();
        int index = indexOf(rows, selected);
        if (index >= 0) {
            edited(() -> rows.remove(index));
            viewer.refresh();
            if (!rows.isEmpty()) {
                viewer.getTable().setSelection(Math.min(index, rows.size() - 1));
            }
        }
    }

    private void customerChosen() {
        int index = customer.getSelectionIndex();
        if (index < 0 || index >= customers.size()) {
            return;
        }
        Customer chosen = customers.get(index);
        edited(() -> form.customerId = chosen.id());
        String code = chosen.currency().getCurrencyCode();
        if (!code.equals(currency.getText())) {
            currency.setText(code);
        }
    }

    /** Applies an edit to the form: the editor becomes dirty and everything computed is computed again. */
    private void edited(Runnable change) {
        if (filling) {
            return;
        }
        change.run();
        markEdited();
    }

    /**
     * GTK's drop-down calendar also reports a selection, later, when the date was set by {@link #fill}; only a
     * different date is an edit, or every invoice opened would be dirty and never show what others did to it.
     */
    private void dateChosen(DateTime widget, LocalDate shown, Consumer<LocalDate> apply) {
        LocalDate chosen = dateOf(widget);
        if (!chosen.equals(shown)) {
            edited(() -> apply.accept(chosen));
        }
    }

    private void markEdited() {
        edits++;
        part.setDirty(true);
        recompute();
    }

    private void recompute() {
        outcome = form.check();
        decorations.forEach((key, decoration) -> {
            String error = outcome.errors().get(key);
            if (error == null) {
                decoration.hide();
            } else {
                decoration.setDescriptionText(error);
                decoration.show();
            }
        });
        lines.refresh();
        charges.refresh();
        List<String> said = new ArrayList<>(outcome.errors().values());
        String totalsProblem = showTotals();
        if (totalsProblem != null) {
            said.add(totalsProblem);
        }
        problems.setText(String.join("\n", said));
        ((GridData) problems.getLayoutData()).exclude = said.isEmpty();
        problems.setVisible(!said.isEmpty());
        updateActions();
        relayout();
    }

    /**
     * Shows net, tax per tax code and total, by the core's own rules, for what is typed now.
     *
     * @return why they cannot be computed when the fields are right but a tax code is unknown, else null
     */
    private String showTotals() {
        InvoiceTotals totals = null;
        String unknownCode = null;
        if (outcome.valid()) {
            try {
                totals = InvoiceTotals.of(outcome.draft().toInvoice(invoiceId, InvoiceStatus.DRAFT, 0), taxCodes,
                        taxExempt(form.customerId));
            } catch (IllegalArgumentException e) {
                unknownCode = e.getMessage() + "; choose one of the firm's tax codes to see the totals.";
            }
        }
        if (totals == null) {
            net.setText(NOT_COMPUTED);
            taxNames.setText("Tax");
            taxAmounts.setText(NOT_COMPUTED);
            total.setText(NOT_COMPUTED);
            return unknownCode;
        }
        net.setText(Formats.money(totals.net()));
        List<String> names = new ArrayList<>();
        List<String> amounts = new ArrayList<>();
        totals.taxByCode().forEach((code, tax) -> {
            TaxCode taxCode = taxCodes.get(code);
            names.add("Tax " + code + (taxCode == null ? "" : " (" + taxCode.ratePercent().toPlainString() + " %)"));
            amounts.add(Formats.money(tax));
        });
        if (names.isEmpty()) {
            names.add("Tax");
            amounts.add(Formats.money(totals.tax()));
        }
        taxNames.setText(String.join("\n", names));
        taxAmounts.setText(String.join("\n", amounts));
        total.setText(Formats.money(totals.total()));
        return null;
    }

    private boolean taxExempt(long customerId) {
        return customers.stream().anyMatch(c -> c.id() == customerId && c.taxExempt());
    }

    @Inject
    @Optional
    void invoicesChanged(@UIEventTopic(InvoiceStore.TOPIC_INVOICES_CHANGED) Event event) {
        refreshSoon();
    }

    @Inject
    @Optional
    void runFinished(@UIEventTopic(UiTopics.RUN_FINISHED) Object runId) {
        refreshSoon();
    }

    /** Roles were changed: what the user may do here is read again with the invoice. */
    @Inject
    @Optional
    void roleChanged(@UIEventTopic(UiTopics.USER_ROLE) Object role) {
        refreshSoon();
    }

    /**
     * Shows what others did to the invoice (an export, a status change), once a burst of changes is over and
     * unless the user is in the middle of an edit.
     */
    private void refreshSoon() {
        if (content == null || content.isDisposed() || refreshPending) {
            return;
        }
        refreshPending = true;
        content.getDisplay().timerExec(REFRESH_DELAY_MS, () -> {
            refreshPending = false;
            if (!content.isDisposed() && invoice != null && !busy && !part.isDirty()) {
                load(true, null);
            }
        });
    }

    /**
     * Reads the invoice, the customers, the tax codes, where the invoice was exported and how it stands there
     * (history, vendor states, payments, what the user may do), in a job.
     *
     * @param quietly only show the invoice again if it changed, and leave the message area as it is
     * @param then    what to say once it is shown, or null to clear the message area
     */
    private void load(boolean quietly, Runnable then) {
        if (!quietly) {
            busy = true;
            updateActions();
        }
        long id = invoiceId;
        Job.create("Opening invoice", monitor -> {
            try {
                Invoice found = store.findInvoice(id).orElse(null);
                List<Customer> allCustomers = store.listCustomers();
                List<TaxCode> codes = store.listTaxCodes();
                List<ExportState> states = found == null ? List.of()
                        : processLog.exportStates(List.of(id)).getOrDefault(id, List.of());
                InvoiceAccounting.Standing read = found == null ? InvoiceAccounting.Standing.NONE
                        : accounting.standing(found, states);
                ui.asyncExec(() -> loaded(quietly, found, allCustomers, codes, states, read, then));
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                ui.asyncExec(() -> {
                    if (!content.isDisposed()) {
                        if (!quietly) {
                            busy = false;
                        }
                        showBanner(true, "The invoice could not be read from Ledgerport's database: "
                                + e.getMessage() + ". Close this editor and open the invoice again; if it keeps "
                                + "failing, restart Ledgerport.");
                        updateState();
                    }
                });
                return Status.error("Could not open invoice #" + id, e);
            }
        }).schedule();
    }

    private void loaded(boolean quietly, Invoice found, List<Customer> allCustomers, List<TaxCode> codes,
            List<ExportState> states, InvoiceAccounting.Standing read, Runnable then) {
        if (content.isDisposed()) {
            return;
        }
        if (quietly) {
            boolean outOfDate = found != null && invoice != null && found.version() < invoice.version();
            boolean unchanged = found != null && invoice != null && found.version() == invoice.version()
                    && states.equals(exports) && read.equals(standing);
            if (busy || part.isDirty() || outOfDate || unchanged) {
                return;
            }
        }
        busy = false;
        invoice = found;
        customers = List.copyOf(allCustomers);
        Map<String, TaxCode> byCode = new LinkedHashMap<>();
        codes.forEach(code -> byCode.put(code.code(), code));
        taxCodes = byCode;
        exports = List.copyOf(states);
        standing = read;
        if (found == null) {
            showBanner(true, "Invoice #%d is no longer in the database; close this editor.".formatted(invoiceId));
            part.setDirty(false);
            updateState();
            return;
        }
        fill(found);
        if (then != null) {
            then.run();
        } else if (!quietly) {
            hideBanner();
        }
    }

    /** Shows the invoice's content in the widgets; the editor is clean afterwards. */
    private void fill(Invoice shown) {
        filling = true;
        try {
            form = InvoiceForm.of(shown, locale);
            part.setLabel(shown.number());
            number.setText(form.number);
            customer.setItems(customers.stream().map(Customer::name).toArray(String[]::new));
            int index = indexOfCustomer(shown.customerId());
            if (index >= 0) {
                customer.select(index);
            } else {
                customer.add("Customer #" + shown.customerId() + " (not in the database)");
                customer.select(customer.getItemCount() - 1);
            }
            part.setTooltip(shown.number() + " \u2013 " + customer.getText());
            setDate(issued, form.issueDate);
            setDate(due, form.dueDate);
            currency.setText(form.currency);
            taxMode.select(form.taxMode.ordinal());
            memo.setText(form.memo);
            String[] codeChoices = new String[taxCodes.size() + 1];
            codeChoices[0] = NO_TAX;
            int i = 1;
            for (TaxCode code : taxCodes.values()) {
                codeChoices[i++] = code.code() + " \u2013 " + code.name();
            }
            lineTaxCodes.setItems(codeChoices);
            chargeTaxCodes.setItems(codeChoices);
            lines.setInput(form.lines);
            charges.setInput(form.charges);
        } finally {
            filling = false;
        }
        edits = 0;
        part.setDirty(false);
        recompute();
        updateState();
    }

    private int indexOfCustomer(long id) {
        for (int i = 0; i < customers.size(); i++) {
            if (customers.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private static void setDate(DateTime widget, LocalDate date) {
        widget.setDate(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
    }

    private static LocalDate dateOf(DateTime widget) {
        return LocalDate.of(widget.getYear(), widget.getMonth() + 1, widget.getDay());
    }

    /** Status, where it was exported, why it cannot be changed, and what may be edited and done. */
    private void updateState() {
        if (invoice != null) {
            statusIcon.setImage(images.image(Icons.forStatus(invoice.status())));
            statusText.setText(invoice.status().label());
            String where = VendorStateText.standing(exports, standing.vendorStates());
            exportsText.setText(where.isEmpty() ? "Not exported yet" : "Export: " + where);
        } else {
            statusIcon.setImage(null);
            statusText.setText("");
            exportsText.setText("");
        }
        String reason = readOnlyReason();
        readOnlyText.setText(reason);
        ((GridData) readOnlyText.getLayoutData()).exclude = reason.isEmpty();
        readOnlyText.setVisible(!reason.isEmpty());

        boolean editable = editable();
        number.setEditable(editable);
        currency.setEditable(editable);
        memo.setEditable(editable);
        for (Control control : List.of(customer, issued, due, taxMode, addLine, removeLine, addCharge,
                removeCharge)) {
            control.setEnabled(editable);
        }
        vendorProblems.show(invoice == null ? List.of() : standing.needingAttention(), standing::packageName);
        Map<Long, String> connectionNames = new HashMap<>();
        exports.forEach(export -> connectionNames.put(export.connectionId(), export.connectionName()));
        standing.vendorStates().forEach(state -> connectionNames.put(state.connectionId(), state.connectionName()));
        payments.show(standing.payments(), connectionNames);
        boolean paymentsApply = !exports.isEmpty() || !standing.payments().isEmpty();
        ((GridData) payments.control().getLayoutData()).exclude = !paymentsApply;
        payments.control().setVisible(paymentsApply);
        history.show(standing.history());
        updateActions();
        relayout();
    }

    private String readOnlyReason() {
        if (invoice == null || invoice.status() == InvoiceStatus.DRAFT) {
            return "";
        }
        List<String> exportedTo = InvoiceExportStates.exportedTo(exports);
        if (invoice.status() == InvoiceStatus.FINALIZED) {
            return "Finalized: revert it to draft to change it.";
        }
        if (invoice.status() == InvoiceStatus.EXPORTED && !exportedTo.isEmpty()) {
            return "Exported to " + String.join(" and ", exportedTo) + ": revert it to draft to change it, which "
                    + "withdraws it there first.";
        }
        return InvoiceLifecycle.editRefusal(invoice).orElse("");
    }

    private boolean editable() {
        return invoice != null && invoice.status() == InvoiceStatus.DRAFT;
    }

    private void updateActions() {
        saveButton.setEnabled(canSave());
        finalizeButton.setEnabled(canFinalize());
        permit(revertButton, canRevert(), revertPermission());
        permit(payments.recordButton(), canRecordPayment(), Permission.RECORD_PAYMENTS);
        permit(payments.sendAgainButton(), invoice != null && !busy && PaymentsSection.pending(standing.payments()),
                Permission.RECORD_PAYMENTS);
        String settling = standing.rights().refusal(Permission.REVERT_EXPORTED).orElse(null);
        vendorProblems.enable(!busy && settling == null, settling);
    }

    /**
     * Enables the button when its action is possible now and the user's role allows it; when the role does not,
     * its tooltip says which role is needed.
     */
    private void permit(Button button, boolean possible, Permission needed) {
        String refusal = invoice == null || needed == null ? null : standing.rights().refusal(needed).orElse(null);
        button.setEnabled(possible && refusal == null);
        button.setToolTipText(refusal);
    }

    /** Reverting an exported invoice withdraws it from the accounting package, which only an owner may do. */
    private Permission revertPermission() {
        return invoice != null && invoice.status() == InvoiceStatus.EXPORTED ? Permission.REVERT_EXPORTED : null;
    }

    public boolean canSave() {
        return editable() && !busy && part.isDirty() && outcome.valid();
    }

    public boolean canFinalize() {
        return editable() && !busy && (!part.isDirty() || outcome.valid());
    }

    public boolean canRevert() {
        return invoice != null && !busy && InvoiceLifecycle.refusal(invoice, InvoiceStatus.DRAFT).isEmpty()
                && (revertPermission() == null || standing.rights().allows(revertPermission()));
    }

    /** Whether a payment can be recorded now: the invoice is exported to a package that takes payments. */
    public boolean canRecordPayment() {
        return invoice != null && !busy && invoice.status() == InvoiceStatus.EXPORTED
                && !standing.paymentTargets().isEmpty() && standing.rights().allows(Permission.RECORD_PAYMENTS);
    }

    @Persist
    public void save() {
        if (!editable() || busy || !part.isDirty()) {
            return;
        }
        if (!outcome.valid()) {
            showBanner(true, "Invoice %s was not saved: %s".formatted(invoice.number(),
                    outcome.errors().values().iterator().next()));
            return;
        }
        write("Saving invoice " + invoice.number(), outcome.draft(), null);
    }

    /** Saves what was typed, if anything, and finalizes the invoice. */
    public void finalizeInvoice() {
        if (!canFinalize()) {
            return;
        }
        write("Finalizing invoice " + invoice.number(), part.isDirty() ? outcome.draft() : null,
                InvoiceStatus.FINALIZED);
    }

    /**
     * Makes the invoice a draft again. A finalized one is only here; an exported one is withdrawn from every
     * package it went to first, so the user is shown what each package would do, and asked, before anything
     * changes.
     */
    public void revertToDraft() {
        if (!canRevert()) {
            return;
        }
        if (invoice.status() != InvoiceStatus.EXPORTED) {
            write("Reverting invoice " + invoice.number() + " to draft", null, InvoiceStatus.DRAFT);
            return;
        }
        long id = invoiceId;
        String number = invoice.number();
        inBackground("Reading what reverting invoice " + number + " would do",
                "Asking the accounting packages what reverting invoice " + number + " to draft would do\u2026",
                () -> accounting.planRevert(id), this::confirmRevert);
    }

    private void confirmRevert(RevertPlan plan) {
        hideBanner();
        RevertDialog dialog = new RevertDialog(content.getShell(), plan, standing::packageName);
        if (dialog.open() != Window.OK || invoice == null) {
            return;
        }
        long id = invoiceId;
        int version = invoice.version();
        String newNumber = dialog.newNumber();
        String withdrawnFrom = plan.steps().stream().map(RevertPlan.Step::connectionName)
                .collect(Collectors.joining(" and "));
        inBackground("Reverting invoice " + plan.invoiceNumber() + " to draft",
                "Withdrawing invoice %s from %s\u2026".formatted(plan.invoiceNumber(), withdrawnFrom),
                () -> accounting.revert(id, version, newNumber), reverted -> load(false, () -> showBanner(false,
                        "Invoice %s was withdrawn from %s and is a draft again%s. Correct it and export it again."
                                .formatted(plan.invoiceNumber(), withdrawnFrom,
                                        newNumber.isEmpty() ? "" : ", numbered " + reverted.number()))));
    }

    /** Asks for a payment the customer made, then records it and sends it to the accounting package. */
    public void recordPayment() {
        if (!canRecordPayment()) {
            return;
        }
        PaymentDialog dialog = new PaymentDialog(content.getShell(), invoice, standing.paymentTargets(), this::due,
                accounting::depositAccounts);
        if (dialog.open() != Window.OK || dialog.payment() == null) {
            return;
        }
        PaymentDraft draft = dialog.payment();
        String packageName = standing.packageName(draft.connectionId());
        inBackground("Recording a payment for invoice " + invoice.number(),
                "Sending the payment of %s to %s\u2026".formatted(Formats.money(draft.amount()), packageName),
                () -> accounting.record(draft), this::paymentRecorded);
    }

    /** The amount a payment starts at: what the package says is still due, else the whole invoice. */
    private PaymentDialog.Due due(InvoiceAccounting.PaymentTarget target) {
        Money stillDue = standing.vendorState(target.connectionId()).map(VendorState::amountDue).orElse(null);
        return new PaymentDialog.Due(stillDue != null ? stillDue : invoiceTotal(), stillDue);
    }

    private Money invoiceTotal() {
        try {
            return InvoiceTotals.of(invoice, taxCodes, taxExempt(invoice.customerId())).total();
        } catch (IllegalArgumentException e) {
            // A tax code removed since the export: the net is the best start; the user corrects the amount.
            return invoice.net();
        }
    }

    private void paymentRecorded(Payment payment) {
        String amount = Formats.money(payment.amount());
        String packageName = standing.packageName(payment.connectionId());
        load(false, () -> {
            switch (payment.state()) {
                case SENT -> showBanner(false, "The payment of %s is in %s, applied to invoice %s."
                        .formatted(amount, packageName, invoice.number()));
                case FAILED -> showBanner(true, ("%s refused the payment of %s: %s Nothing arrived there; correct "
                        + "it and record it again.").formatted(packageName, amount, payment.problem()));
                case RECORDED, SENDING -> showBanner(true, ("The payment of %s is recorded, but %s did not "
                        + "confirm it arrived: %s Press Send Again once it can be reached; it goes with the same "
                        + "key, so it lands there only once.").formatted(amount, packageName, payment.problem()));
            }
        });
    }

    /** Sends again the payments of the invoice's connections that did not arrive. */
    public void sendPendingPayments() {
        if (invoice == null || busy || !PaymentsSection.pending(standing.payments())) {
            return;
        }
        long id = invoiceId;
        List<Long> connectionIds = standing.payments().stream()
                .filter(PaymentsSection::notArrived).map(Payment::connectionId).distinct().toList();
        inBackground("Sending the payments of invoice " + invoice.number() + " again",
                "Sending the payments not confirmed yet again\u2026",
                () -> connectionIds.stream().flatMap(c -> accounting.sendPending(c).stream())
                        .filter(p -> p.invoiceId() == id).toList(),
                sent -> load(false, () -> {
                    Payment notArrived = sent.stream().filter(p -> p.state() != PaymentState.SENT).findFirst()
                            .orElse(null);
                    if (notArrived != null) {
                        showBanner(true, "A payment of %s still did not arrive: %s".formatted(
                                Formats.money(notArrived.amount()), notArrived.problem()));
                    } else {
                        showBanner(false, "The payments are in the accounting package now.");
                    }
                }));
    }

    /**
     * Settles an invoice a package voided or deleted on its own, as the user decided: a draft again, or void here
     * too (asked once more, since a void invoice stays void).
     */
    private void settle(VendorState state, Resolution resolution) {
        if (invoice == null || busy) {
            return;
        }
        String number = invoice.number();
        if (resolution == Resolution.VOID && new MessageDialog(content.getShell(), "Void Invoice", null,
                "Void invoice %s here too? A void invoice can be neither changed nor exported again."
                        .formatted(number), MessageDialog.QUESTION, 0, "&Void Here Too", "Cancel").open() != 0) {
            return;
        }
        int version = invoice.version();
        inBackground("Settling invoice " + number, "Settling invoice " + number + "\u2026",
                () -> accounting.resolve(state, version, resolution), settled -> load(false, () -> showBanner(false,
                        resolution == Resolution.DRAFT
                                ? "Invoice %s is a draft again: correct it and export it anew.".formatted(number)
                                : "Invoice %s is void here too.".formatted(number))));
    }

    /**
     * Runs work in a job while the editor waits, saying what it does in the message area, and hands the result
     * back on the UI thread. A refusal is shown as its kind asks: a role's in a dialog, the rest in the message
     * area, with the invoice read again since part of the work may have been done.
     */
    private <T> void inBackground(String task, String saying, Supplier<T> work, Consumer<T> done) {
        busy = true;
        updateActions();
        showBanner(false, saying);
        String number = invoice.number();
        Job job = Job.create(task, monitor -> {
            monitor.beginTask(task, IProgressMonitor.UNKNOWN);
            try {
                T result = work.get();
                ui.asyncExec(() -> {
                    if (!content.isDisposed()) {
                        busy = false;
                        updateActions();
                        done.accept(result);
                    }
                });
            } catch (RuntimeException e) {
                ui.asyncExec(() -> failed(number, e));
            } finally {
                monitor.done();
            }
            return Status.OK_STATUS;
        });
        job.schedule();
    }

    private void failed(String number, RuntimeException failure) {
        if (content.isDisposed()) {
            return;
        }
        busy = false;
        if (failure instanceof ConcurrentChangeException) {
            changedElsewhere(number);
        } else if (failure instanceof AccessDeniedException denied) {
            hideBanner();
            updateActions();
            refusedByRole(denied);
        } else {
            load(false, () -> showBanner(true, explain(failure)));
        }
    }

    /** What went wrong in the words that say what to do. */
    private static String explain(RuntimeException failure) {
        return switch (failure) {
            case RevertRefusedException refused -> refused.problem().message();
            case IllegalArgumentException refused -> refused.getMessage();
            case IllegalStateException refused -> refused.getMessage();
            case ExportException refused -> refused.getMessage();
            default -> failure.getMessage() + " Try again; if it keeps failing, restart Ledgerport.";
        };
    }

    /** The role's refusal, in a plain dialog: it names the role needed and whom to ask. */
    private void refusedByRole(AccessDeniedException denied) {
        MessageDialog.openWarning(content.getShell(), "Not Allowed for Your Role", denied.getMessage());
    }

    /**
     * Saves the draft (when given) and then moves the invoice to the target status (when given), in a job.
     * Each step that succeeds is kept even when the next one is refused.
     */
    private void write(String what, InvoiceDraft draft, InvoiceStatus target) {
        busy = true;
        updateActions();
        long id = invoiceId;
        int version = invoice.version();
        int editsSaved = edits;
        String invoiceNumber = invoice.number();
        Job.create(what, monitor -> {
            Invoice written = null;
            try {
                if (draft != null) {
                    written = store.updateInvoice(id, version, draft);
                }
                if (target != null) {
                    written = store.changeStatus(id, written == null ? version : written.version(), target);
                }
                Invoice done = written;
                ui.asyncExec(() -> written(done, draft != null, editsSaved, target, null));
                return Status.OK_STATUS;
            } catch (ConcurrentChangeException e) {
                ui.asyncExec(() -> changedElsewhere(invoiceNumber));
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                Invoice done = written;
                ui.asyncExec(() -> written(done, draft != null && done != null, editsSaved, target, e));
                return Status.OK_STATUS;
            }
        }).schedule();
    }

    /**
     * @param saved      the draft was written
     * @param editsSaved the edit count the draft was taken at: later typing keeps the editor dirty
     * @param refusal    why the last step was refused, or null
     */
    private void written(Invoice done, boolean saved, int editsSaved, InvoiceStatus target,
            RuntimeException refusal) {
        if (content.isDisposed()) {
            return;
        }
        busy = false;
        if (done != null) {
            invoice = done;
        }
        if (saved) {
            part.setDirty(edits != editsSaved);
        }
        if (refusal instanceof AccessDeniedException) {
            hideBanner();
        } else if (refusal != null) {
            // The lifecycle says what to do; a database failure does not.
            showBanner(true, refusal instanceof LifecycleException ? refusal.getMessage()
                    : refusal.getMessage() + " Try again; if it keeps failing, restart Ledgerport.");
        } else if (target == InvoiceStatus.FINALIZED) {
            showBanner(false, "Invoice %s is finalized and ready for export.".formatted(invoice.number()));
        } else if (target == InvoiceStatus.DRAFT) {
            showBanner(false, "Invoice %s is a draft again; you can change it.".formatted(invoice.number()));
        } else {
            hideBanner();
        }
        part.setTooltip(invoice.number() + " \u2013 " + customer.getText());
        part.setLabel(invoice.number());
        updateState();
        if (refusal instanceof AccessDeniedException denied) {
            refusedByRole(denied);
        }
    }

    private void changedElsewhere(String invoiceNumber) {
        if (content.isDisposed()) {
            return;
        }
        busy = false;
        load(false, () -> showBanner(true, ("Someone else changed invoice %s while you had it open, so your change was "
                + "not saved. It now shows their version; make your change again if it is still needed.")
                .formatted(invoiceNumber)));
    }

    private void showBanner(boolean error, String text) {
        bannerIcon.setImage(images.image(Icons.get(error ? "error" : "info")));
        bannerText.setText(text);
        styling.setClassname(banner, error ? UiColors.MESSAGE_ERROR_CLASS : UiColors.MESSAGE_INFO_CLASS);
        styling.style(banner);
        ((GridData) banner.getLayoutData()).exclude = false;
        banner.setVisible(true);
        relayout();
    }

    private void hideBanner() {
        bannerText.setText("");
        ((GridData) banner.getLayoutData()).exclude = true;
        banner.setVisible(false);
        relayout();
    }

    /** Lays the content out again at the size it needs now; the part scrolls when that is more than it has. */
    private void relayout() {
        scroller.setMinSize(content.computeSize(600, SWT.DEFAULT, true));
        content.layout(true, true);
    }


    @Focus
    public void setFocus() {
        if (editable()) {
            number.setFocus();
        } else {
            lines.getTable().setFocus();
        }
    }

    /** Runs the action on the editor of a part, if the part is one. */
    public static void ifEditor(MPart part, Consumer<InvoiceEditorPart> action) {
        if (part != null && part.getObject() instanceof InvoiceEditorPart editor) {
            action.accept(editor);
        }
    }
}
