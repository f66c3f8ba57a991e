package org.ledgerport.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swt.widgets.Widget;
import org.ledgerport.ui.WidgetIds;

/**
 * Finds and works the workstation's real widgets the way a person does: by what they say or by the id the
 * workstation tags them with, sending the same events a mouse or keyboard would. Everything that touches a
 * widget runs on the UI thread (inside {@link RunningWorkbench#onUi}); {@link #part} and {@link #shell} wait.
 */
final class Ui {

    /** The key the workstation tags controls with, for tests and screen readers alike. */
    static final String ID = WidgetIds.KEY;

    private Ui() {
    }

    /** Shows and activates the part and returns its content once it is rendered. */
    static Composite part(RunningWorkbench workbench, String partId) throws InterruptedException {
        workbench.onUi(() -> {
            // As the Window menu does: the part, or a new one from its descriptor.
            assertNotNull(workbench.parts().showPart(partId, EPartService.PartState.ACTIVATE),
                    "the application model has no part or part descriptor " + partId);
            return null;
        });
        workbench.await(() -> "the part " + partId + " to be rendered; it is " + state(workbench, partId),
                () -> content(workbench, partId) != null);
        return workbench.onUi(() -> content(workbench, partId));
    }

    private static String state(RunningWorkbench workbench, String partId) {
        return workbench.onUi(() -> {
            EModelService models = workbench.application().getContext().get(EModelService.class);
            MPart part = (MPart) models.find(partId, workbench.application());
            return "widget " + part.getWidget() + ", object " + part.getObject() + ", to be rendered "
                    + part.isToBeRendered() + ", in " + part.getParent() + " showing "
                    + (part.getParent() == null ? null : part.getParent().getSelectedElement());
        });
    }

    private static Composite content(RunningWorkbench workbench, String partId) {
        EModelService models = workbench.application().getContext().get(EModelService.class);
        MPart part = (MPart) models.find(partId, workbench.application());
        return part != null && part.getWidget() instanceof Composite composite && !composite.isDisposed()
                && part.getObject() != null ? composite : null;
    }

    @SuppressWarnings("unchecked")
    static <T extends Control> T byId(Composite root, String id) {
        return (T) find(root, Control.class, control -> id.equals(control.getData(ID)));
    }

    /** The first control of the type that matches, depth first, or null. */
    static <T extends Control> T find(Composite root, Class<T> type, Predicate<T> which) {
        if (type.isInstance(root) && which.test(type.cast(root))) {
            return type.cast(root);
        }
        for (Control child : root.getChildren()) {
            if (type.isInstance(child) && which.test(type.cast(child))) {
                return type.cast(child);
            }
            if (child instanceof Composite composite) {
                T found = find(composite, type, which);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The button whose label, without its mnemonic, reads so. */
    static Button button(Composite root, String label) {
        return find(root, Button.class, b -> label.equals(b.getText().replace("&", "")));
    }

    /** What a click does: check boxes and radio buttons change, then the button is selected. */
    static void click(Button button) {
        if ((button.getStyle() & SWT.CHECK) != 0) {
            button.setSelection(!button.getSelection());
        } else if ((button.getStyle() & SWT.RADIO) != 0) {
            for (Control sibling : button.getParent().getChildren()) {
                if (sibling instanceof Button other && (other.getStyle() & SWT.RADIO) != 0 && other != button) {
                    other.setSelection(false);
                }
            }
            button.setSelection(true);
        }
        notify(button, SWT.Selection);
    }

    /** Types into a field: its text is replaced, which sends Modify as typing would. */
    static void type(Text text, String value) {
        text.setFocus();
        text.setText(value);
    }

    static void select(Combo combo, String item) {
        int index = Arrays.asList(combo.getItems()).indexOf(item);
        if (index < 0) {
            throw new AssertionError("'" + item + "' is not among " + Arrays.toString(combo.getItems()));
        }
        combo.select(index);
        notify(combo, SWT.Selection);
    }

    /** Picks the tab whose title, without its mnemonic, reads so. */
    static void select(CTabFolder folder, String title) {
        CTabItem item = Arrays.stream(folder.getItems()).filter(i -> title.equals(i.getText().replace("&", "")))
                .findFirst().orElseThrow(() -> new AssertionError("no tab '" + title + "'"));
        folder.setSelection(item);
        Event event = new Event();
        event.item = item;
        folder.notifyListeners(SWT.Selection, event);
    }

    /** Sets a spinner's value as typing it does, which the spinner's listeners hear as a modification. */
    static void spin(Spinner spinner, int value) {
        spinner.setFocus();
        spinner.setSelection(value);
        notify(spinner, SWT.Modify);
    }

    static void select(Table table, int... rows) {
        table.setSelection(rows);
        notify(table, SWT.Selection);
    }

    /** Ticks or clears a row's check box in an SWT.CHECK table, telling the table's listeners as a click does. */
    static void check(Table table, int row, boolean checked) {
        TableItem item = table.getItem(row);
        item.setChecked(checked);
        Event event = new Event();
        event.item = item;
        event.detail = SWT.CHECK;
        table.notifyListeners(SWT.Selection, event);
    }

    /** Presses Enter on a table's selection, or double-clicks it: the default action. */
    static void open(Table table) {
        Event event = new Event();
        event.item = table.getSelection().length > 0 ? table.getSelection()[0] : null;
        table.notifyListeners(SWT.DefaultSelection, event);
    }

    /** The cells of every row, as a person reads them (a virtual table's rows are read in). */
    static List<List<String>> cells(Table table) {
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < table.getItemCount(); row++) {
            rows.add(row(table, row));
        }
        return rows;
    }

    static List<String> row(Table table, int row) {
        TableItem item = table.getItem(row);
        List<String> cells = new ArrayList<>();
        for (int column = 0; column < Math.max(1, table.getColumnCount()); column++) {
            cells.add(item.getText(column));
        }
        return cells;
    }

    /** The visible items of a tree, expanded ones' children indented by two spaces, cells joined by " | ". */
    static List<String> texts(Tree tree) {
        List<String> lines = new ArrayList<>();
        for (TreeItem item : tree.getItems()) {
            texts(tree, item, "", lines);
        }
        return lines;
    }

    private static void texts(Tree tree, TreeItem item, String indent, List<String> lines) {
        List<String> cells = new ArrayList<>();
        for (int column = 0; column < Math.max(1, tree.getColumnCount()); column++) {
            cells.add(item.getText(column));
        }
        lines.add(indent + String.join(" | ", cells));
        if (item.getExpanded()) {
            for (TreeItem child : item.getItems()) {
                texts(tree, child, indent + "  ", lines);
            }
        }
    }

    /** Waits for an open, visible shell whose title starts so. */
    static Shell shell(RunningWorkbench workbench, String titleStart) throws InterruptedException {
        workbench.await("a window titled '" + titleStart + "\u2026'", () -> openShell(titleStart) != null);
        return workbench.onUi(() -> openShell(titleStart));
    }

    private static Shell openShell(String titleStart) {
        return Arrays.stream(Display.getCurrent().getShells())
                .filter(s -> !s.isDisposed() && s.isVisible() && s.getText().startsWith(titleStart)).findFirst()
                .orElse(null);
    }

    static void close(Shell shell) {
        if (!shell.isDisposed()) {
            shell.close();
        }
    }

    private static void notify(Widget widget, int type) {
        Objects.requireNonNull(widget, "no such widget");
        widget.notifyListeners(type, new Event());
    }
}
