package org.ledgerport.ui.connect.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.runtime.Status;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.model.Connection;
import org.ledgerport.ui.WidgetIds;

/**
 * Choose the accounting package among the connectors installed right now, and name the connection. The list
 * follows connectors as their bundles come and go, so a connector dropped in while the wizard is open appears.
 */
final class PackagePage extends DraftPage {

    /** The registry may learn of a connector a moment after this page hears of it: look once more after this. */
    private static final int SETTLE_MILLIS = 500;

    private final boolean editing;
    private TableViewer packages;
    private Label noPackages;
    private Text name;
    /** The names of the other connections, or null until they were read. */
    private Set<String> takenNames;
    /** The user typed a name of their own, which choosing a package leaves alone. */
    private boolean nameTyped;
    private boolean naming;
    private boolean chosenVanished;

    PackagePage(boolean editing) {
        super("package", "Choose the accounting package");
        this.editing = editing;
        setDescription("Ledgerport sends invoices to the package you choose here.");
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(page);

        Label intro = new Label(page, SWT.WRAP);
        intro.setText(editing ? "The package of a connection stays as it is. For another package, make a new "
                + "connection." : "These packages have their connector installed. A connector dropped into the "
                        + "workstation's dropins folder appears here at once.");
        intro.setLayoutData(Widgets.wrapping(2));

        Composite tableArea = new Composite(page, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).hint(SWT.DEFAULT, 180).applyTo(tableArea);
        TableColumnLayout columns = new TableColumnLayout();
        tableArea.setLayout(columns);
        packages = new TableViewer(tableArea, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        Table table = WidgetIds.tag(packages.getTable(), "wizard.packages");
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setEnabled(!editing);
        LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources(), table);

        TableViewerColumn packageColumn = new TableViewerColumn(packages, SWT.NONE);
        packageColumn.getColumn().setText("Accounting package");
        packageColumn.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((Connector) element).descriptor().displayName();
            }

            @Override
            public Image getImage(Object element) {
                return ConnectorIcons.image(resources, ((Connector) element).descriptor().icon());
            }
        });
        columns.setColumnData(packageColumn.getColumn(), new ColumnWeightData(40, 180));
        TableViewerColumn descriptionColumn = new TableViewerColumn(packages, SWT.NONE);
        descriptionColumn.getColumn().setText("What it does");
        descriptionColumn.setLabelProvider(ColumnLabelProvider.createTextProvider(
                element -> ((Connector) element).descriptor().description()));
        columns.setColumnData(descriptionColumn.getColumn(), new ColumnWeightData(60, 200));
        packages.setContentProvider(ArrayContentProvider.getInstance());
        packages.addSelectionChangedListener(event -> chosen(
                (Connector) ((IStructuredSelection) event.getSelection()).getFirstElement()));
        packages.addDoubleClickListener(event -> {
            if (canFlipToNextPage()) {
                getContainer().showPage(getNextPage());
            }
        });

        noPackages = new Label(page, SWT.WRAP);
        noPackages.setText("No accounting package is installed. Drop a connector bundle into the workstation's "
                + "dropins folder; it appears here at once.");
        noPackages.setLayoutData(Widgets.wrapping(2));

        Label nameLabel = new Label(page, SWT.NONE);
        nameLabel.setText("Connection &name:");
        name = WidgetIds.tag(new Text(page, SWT.BORDER), "wizard.name");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(name);
        name.setText(draft().name());
        nameTyped = !draft().name().isEmpty();
        name.addModifyListener(event -> named());
        Label nameHelp = new Label(page, SWT.WRAP);
        nameHelp.setText("A name of its own for the company it reaches, such as \"Xero \u2013 Harbourside Plumbing\".");
        nameHelp.setLayoutData(Widgets.wrapping(2));

        Runnable unsubscribe = services().watch().subscribe(() -> later(() -> {
            refresh();
            table.getDisplay().timerExec(SETTLE_MILLIS, () -> {
                if (!table.isDisposed()) {
                    refresh();
                }
            });
        }));
        page.addDisposeListener(event -> unsubscribe.run());
        setControl(page);
        refresh();
        readNames();
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            refresh();
        }
        super.setVisible(visible);
    }

    /** Lists the connectors installed now, keeping the choice while its connector is there. */
    private void refresh() {
        String chosenId = draft().connector() == null ? null : draft().descriptor().id();
        List<Connector> available = services().registry().connectors().stream()
                .filter(c -> !editing || c.descriptor().id().equals(chosenId)).toList();
        packages.setInput(available);
        Widgets.show(noPackages, available.isEmpty());
        ((Composite) getControl()).layout(true, true);
        chosenVanished = false;
        if (chosenId != null) {
            available.stream().filter(c -> c.descriptor().id().equals(chosenId)).findFirst().ifPresentOrElse(
                    still -> packages.setSelection(new StructuredSelection(still), true),
                    () -> chosenVanished = true);
        }
        validate();
    }

    private void chosen(Connector connector) {
        if (connector == null || editing) {
            return;
        }
        wizard().choose(connector);
        if (!nameTyped) {
            naming = true;
            name.setText(unique(connector.descriptor().displayName()));
            naming = false;
        }
        validate();
    }

    private void named() {
        if (!naming) {
            nameTyped = !name.getText().isBlank();
        }
        draft().name(name.getText());
        validate();
    }

    /** The package's name, numbered when another connection has it already. */
    private String unique(String base) {
        if (takenNames == null || !takenNames.contains(base)) {
            return base;
        }
        int n = 2;
        while (takenNames.contains(base + " " + n)) {
            n++;
        }
        return base + " " + n;
    }

    private void readNames() {
        Connection own = draft().saved();
        wizard().schedule("Reading the names of your connections", monitor -> {
            Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            services().connections().listConnections().stream()
                    .filter(c -> own == null || c.id() != own.id()).forEach(c -> names.add(c.name()));
            later(() -> {
                takenNames = names;
                if (!nameTyped && draft().connector() != null) {
                    naming = true;
                    name.setText(unique(draft().descriptor().displayName()));
                    naming = false;
                }
                validate();
            });
            return Status.OK_STATUS;
        });
    }

    private void validate() {
        String chosenName = draft().name();
        String error = null;
        String message = null;
        if (draft().connector() == null) {
            message = "Choose the accounting package to send invoices to.";
        } else if (chosenVanished) {
            error = draft().packageName() + " is no longer installed. Choose another package, or put its connector "
                    + "back into the dropins folder.";
        } else if (chosenName.isEmpty()) {
            error = "Give the connection a name.";
        } else if (takenNames == null) {
            message = "Checking the names of your other connections\u2026";
        } else if (takenNames.contains(chosenName)) {
            error = "There is already a connection called '%s'. Give this one a name of its own, such as '%s'."
                    .formatted(chosenName, unique(chosenName));
        }
        setErrorMessage(error);
        setMessage(message);
        setPageComplete(error == null && message == null);
    }
}
