package org.ledgerport.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.ledgerport.core.model.HistoryEntry;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.store.InvoiceHistory;
import org.ledgerport.testing.support.Osgi;
import org.ledgerport.ui.CommandIds;
import org.ledgerport.ui.parts.InvoiceEditorPart;

/** An invoice's editor in a running workbench, read and worked as a bookkeeper does. */
final class InvoiceEditor {

    static final int WHEN = 0;
    static final int SOURCE = 1;
    static final int WHO = 2;
    static final int WHAT = 3;

    private final RunningWorkbench workbench;
    private final Invoice invoice;
    private final Composite editor;
    private final InvoiceHistory histories;

    private InvoiceEditor(RunningWorkbench workbench, Invoice invoice, Composite editor, InvoiceHistory histories) {
        this.workbench = workbench;
        this.invoice = invoice;
        this.editor = editor;
        this.histories = histories;
    }

    /** Runs the Open Invoice command and waits until the editor shows the invoice with its history read. */
    static InvoiceEditor open(RunningWorkbench workbench, Invoice invoice) throws InterruptedException {
        workbench.execute(CommandIds.OPEN_INVOICE, Map.of(CommandIds.INVOICE_ID, Long.toString(invoice.id())));
        workbench.await("the editor of " + invoice.number(), () -> {
            MPart part = part(workbench, invoice);
            return part != null && part.getWidget() instanceof Composite content && part.getObject() != null
                    && Ui.byId(content, "invoice.number") instanceof Text number && !number.getText().isEmpty()
                    && Ui.byId(content, "invoice.history") instanceof Table history && history.getItemCount() > 0;
        });
        return new InvoiceEditor(workbench, invoice,
                workbench.onUi(() -> (Composite) part(workbench, invoice).getWidget()),
                Osgi.service(InvoiceHistory.class));
    }

    /** The invoice's editor in the model, or null; call on the UI thread. */
    static MPart part(RunningWorkbench workbench, Invoice invoice) {
        EModelService models = workbench.application().getContext().get(EModelService.class);
        return models.findElements(workbench.application(), InvoiceEditorPart.DESCRIPTOR_ID, MPart.class).stream()
                .filter(part -> Long.toString(invoice.id())
                        .equals(part.getPersistedState().get(InvoiceEditorPart.INVOICE_ID)))
                .findFirst().orElse(null);
    }

    /** Whether the editor holds edits not yet saved. */
    boolean dirty() {
        return workbench.onUi(() -> part(workbench, invoice).isDirty());
    }

    Composite content() {
        return editor;
    }

    Shell shell() {
        return workbench.onUi(editor::getShell);
    }

    <T extends Control> T control(String id) {
        T control = workbench.onUi(() -> Ui.byId(editor, id));
        assertNotNull(control, "the invoice editor has no control tagged " + id);
        return control;
    }

    /** What a label says; call on the UI thread. */
    String label(String id) {
        return ((Label) Ui.byId(editor, id)).getText();
    }

    String text(String id) {
        return workbench.onUi(() -> label(id));
    }

    Button button(String id) {
        return control(id);
    }

    /** The history table's rows (when, source, who, what); call on the UI thread. */
    List<List<String>> historyRows() {
        return Ui.cells(Ui.byId(editor, "invoice.history"));
    }

    /**
     * Waits until the store has an entry of each kind in the invoice's history, then until the history table shows
     * the latest of each with its source, user and words; returns those entries.
     */
    List<HistoryEntry> awaitHistory(HistoryEntry.Kind... kinds) throws InterruptedException {
        Osgi.await("the store's history of " + invoice.number() + " to hold " + List.of(kinds),
                () -> latest(history(), kinds).size() == kinds.length);
        List<HistoryEntry> expected = latest(history(), kinds);
        workbench.await(() -> "the history of " + invoice.number() + " to show " + expected + "; it shows "
                + workbench.onUi(this::historyRows), () -> {
                    List<List<String>> rows = historyRows();
                    return expected.stream().allMatch(entry -> rows.stream()
                            .anyMatch(row -> row.get(SOURCE).equals(entry.source())
                                    && row.get(WHO).equals(entry.user()) && row.get(WHAT).equals(entry.text())));
                });
        return expected;
    }

    /** Waits until the history table shows every entry the store has for the invoice, oldest first. */
    void awaitWholeHistory() throws InterruptedException {
        workbench.await(() -> "the history of " + invoice.number() + " to show all of " + history() + "; it shows "
                + workbench.onUi(this::historyRows), () -> {
                    List<List<String>> rows = historyRows();
                    List<HistoryEntry> stored = history();
                    if (rows.size() != stored.size()) {
                        return false;
                    }
                    for (int i = 0; i < rows.size(); i++) {
                        HistoryEntry entry = stored.get(i);
                        List<String> row = rows.get(i);
                        if (!row.get(SOURCE).equals(entry.source()) || !row.get(WHO).equals(entry.user())
                                || !row.get(WHAT).equals(entry.text())) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /** The latest entry of each kind, in the order of the kinds, leaving out kinds with none. */
    private static List<HistoryEntry> latest(List<HistoryEntry> entries, HistoryEntry.Kind... kinds) {
        return Arrays.stream(kinds)
                .flatMap(kind -> entries.stream().filter(e -> e.kind() == kind).reduce((a, b) -> b).stream())
                .toList();
    }

    /** The invoice's history as the store keeps it. */
    List<HistoryEntry> history() {
        return histories.history(invoice.id());
    }
}
