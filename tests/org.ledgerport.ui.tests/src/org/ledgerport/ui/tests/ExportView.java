package org.ledgerport.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.ui.parts.ExportPart;

/** The Export view of a running workbench, worked as a bookkeeper works it: choose, select, export, read. */
final class ExportView {

    static final int NUMBER = 0;
    static final int STATUS = 4;

    private final RunningWorkbench workbench;
    private final Composite view;

    private ExportView(RunningWorkbench workbench, Composite view) {
        this.workbench = workbench;
        this.view = view;
    }

    static ExportView open(RunningWorkbench workbench) throws InterruptedException {
        return new ExportView(workbench, Ui.part(workbench, ExportPart.ID));
    }

    Composite content() {
        return view;
    }

    Shell shell() {
        return workbench.onUi(view::getShell);
    }

    <T extends Control> T control(String id) {
        T control = workbench.onUi(() -> Ui.byId(view, id));
        assertNotNull(control, "the Export view has no control tagged " + id);
        return control;
    }

    /** Chooses the connection once the view lists it. */
    void choose(String connection) throws InterruptedException {
        Combo combo = control("export.connection");
        workbench.await("connection '" + connection + "' in the Export view",
                () -> Arrays.asList(combo.getItems()).contains(connection));
        workbench.onUi(() -> {
            Ui.select(combo, connection);
            return null;
        });
    }

    /** Waits until every one of the invoices is listed as ready to export. */
    void awaitReady(List<Invoice> invoices) throws InterruptedException {
        workbench.await("invoices " + numbers(invoices) + " listed as ready",
                () -> statuses(invoices).values().stream().allMatch("Ready"::equals)
                        && statuses(invoices).size() == invoices.size());
    }

    void select(List<Invoice> invoices) {
        Table table = control("export.table");
        workbench.onUi(() -> {
            List<String> wanted = numbers(invoices);
            Ui.select(table, IntStream.range(0, table.getItemCount())
                    .filter(row -> wanted.contains(table.getItem(row).getText(NUMBER))).toArray());
            return null;
        });
    }

    /** Presses Export, answers the confirmation with Export, and returns the question it asked. */
    String exportConfirmed() throws InterruptedException {
        workbench.later(() -> Ui.click(Ui.button(view, "Export")));
        Shell confirm = Ui.shell(workbench, "Export invoices");
        return workbench.onUi(() -> {
            Label question = Ui.find(confirm, Label.class, label -> label.getText().startsWith("Export "));
            String text = question == null ? "" : question.getText();
            Ui.click(Ui.button(confirm, "Export"));
            return text;
        });
    }

    /** Waits until each invoice has its result in the status column, and returns them by invoice number. */
    Map<String, String> awaitResults(List<Invoice> invoices) throws InterruptedException {
        workbench.await("a result in the status column for each of " + numbers(invoices),
                () -> statuses(invoices).size() == invoices.size() && statuses(invoices).values().stream()
                        .noneMatch(status -> status.equals("Ready") || status.startsWith("Exporting")));
        return workbench.onUi(() -> statuses(invoices));
    }

    /** Waits for the line that sums the run up, and returns it as it reads (the link's markup included). */
    String awaitSummary() throws InterruptedException {
        Link summary = control("export.summary");
        workbench.await("the summary of the run", () -> summary.getText().startsWith("Exported"));
        return workbench.onUi(summary::getText);
    }

    /** The status cell of each of the invoices listed, by invoice number; call on the UI thread. */
    Map<String, String> statuses(List<Invoice> invoices) {
        Table table = Ui.byId(view, "export.table");
        List<String> wanted = numbers(invoices);
        Map<String, String> statuses = new LinkedHashMap<>();
        for (List<String> row : Ui.cells(table)) {
            if (wanted.contains(row.get(NUMBER))) {
                statuses.put(row.get(NUMBER), row.get(STATUS));
            }
        }
        return statuses;
    }

    static List<String> numbers(List<Invoice> invoices) {
        return invoices.stream().map(Invoice::number).toList();
    }
}
