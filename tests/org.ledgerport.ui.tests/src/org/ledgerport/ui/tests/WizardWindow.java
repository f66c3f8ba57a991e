package org.ledgerport.ui.tests;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CCombo;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.ledgerport.ui.CommandIds;

/**
 * The account-connection wizard as a person works it: by the workstation's tags on its widgets and the dialog's
 * own buttons, looking only at what the page on show shows.
 */
final class WizardWindow {

    private final RunningWorkbench workbench;
    final Shell shell;

    private WizardWindow(RunningWorkbench workbench, Shell shell) {
        this.workbench = workbench;
        this.shell = shell;
    }

    /** Connections, New connection: runs the command as the menu does and waits for the wizard. */
    static WizardWindow openNew(RunningWorkbench workbench) throws InterruptedException {
        workbench.execute(CommandIds.NEW_CONNECTION, Map.of());
        return new WizardWindow(workbench, Ui.shell(workbench, "New connection"));
    }

    /** The control tagged so on the page on show, once it is there. */
    <T extends Control> T control(String id) throws InterruptedException {
        workbench.await("'" + id + "' on the wizard's page", () -> shown(id) != null);
        return workbench.onUi(() -> shown(id));
    }

    @SuppressWarnings("unchecked")
    private <T extends Control> T shown(String id) {
        return shell.isDisposed() ? null
                : (T) Ui.find(shell, Control.class, c -> id.equals(c.getData(Ui.ID)) && c.isVisible());
    }

    void choosePackage(String name) throws InterruptedException {
        Table packages = control("wizard.packages");
        workbench.await("'" + name + "' among the packages", () -> row(packages, name) >= 0);
        workbench.onUi(() -> {
            Ui.select(packages, row(packages, name));
            return null;
        });
    }

    /** The row whose first cell reads so, or -1. */
    static int row(Table table, String firstCell) {
        List<List<String>> rows = Ui.cells(table);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get(0).equals(firstCell)) {
                return i;
            }
        }
        return -1;
    }

    void type(String id, String value) throws InterruptedException {
        Text text = control(id);
        workbench.onUi(() -> {
            Ui.type(text, value);
            return null;
        });
    }

    void select(String id, String item) throws InterruptedException {
        Combo combo = control(id);
        workbench.onUi(() -> {
            Ui.select(combo, item);
            return null;
        });
    }

    void spin(String id, int value) throws InterruptedException {
        Spinner spinner = control(id);
        workbench.await("'" + id + "' to be enabled", spinner::isEnabled);
        workbench.onUi(() -> {
            Ui.spin(spinner, value);
            return null;
        });
    }

    void selectRow(String tableId, String firstCell) throws InterruptedException {
        Table table = control(tableId);
        workbench.await("'" + firstCell + "' in " + tableId, () -> row(table, firstCell) >= 0);
        workbench.onUi(() -> {
            Ui.select(table, row(table, firstCell));
            return null;
        });
    }

    void click(String id) throws InterruptedException {
        Button button = control(id);
        workbench.await("'" + id + "' to be enabled", button::isEnabled);
        workbench.onUi(() -> {
            Ui.click(button);
            return null;
        });
    }

    String text(String id) throws InterruptedException {
        Control control = control(id);
        return workbench.onUi(() -> control instanceof Label label ? label.getText() : ((Text) control).getText());
    }

    /** Waits until the label or field tagged so says something that contains the words. */
    String awaitText(String id, String words) throws InterruptedException {
        workbench.await("'" + words + "' in " + id, () -> {
            Control control = shown(id);
            return control != null && (control instanceof Label label ? label.getText()
                    : ((Text) control).getText()).contains(words);
        });
        return text(id);
    }

    /**
     * Maps one of the firm's codes to the package's in a mapping table: selects its row, opens the drop-down cell
     * with F2 and picks the package's entry, as the keyboard does.
     */
    void map(String tableId, String ours, String theirs) throws InterruptedException {
        Table table = control(tableId);
        workbench.await("'" + ours + "' in " + tableId, () -> row(table, ours) >= 0);
        workbench.onUi(() -> {
            Ui.select(table, row(table, ours));
            Event f2 = new Event();
            f2.keyCode = SWT.F2;
            table.notifyListeners(SWT.KeyDown, f2);
            CCombo cell = Ui.find(table, CCombo.class, CCombo::isVisible);
            int index = Arrays.asList(cell.getItems()).indexOf(theirs);
            if (index < 0) {
                throw new AssertionError("'" + theirs + "' is not among " + Arrays.toString(cell.getItems()));
            }
            cell.select(index);
            cell.notifyListeners(SWT.Selection, new Event());
            cell.notifyListeners(SWT.DefaultSelection, new Event());
            return null;
        });
        workbench.await("'" + ours + "' mapped to '" + theirs + "'",
                () -> Ui.row(table, row(table, ours)).contains(theirs));
    }

    void next() throws InterruptedException {
        press("Next >");
    }

    /** Finish, once the test passed; the wizard closes. */
    void finish() throws InterruptedException {
        press("Finish");
        workbench.await("the wizard to close", shell::isDisposed);
    }

    /** Cancel, which may ask first: the caller answers in the dialog. */
    void cancelLater() {
        workbench.later(() -> Ui.click(Ui.button(shell, "Cancel")));
    }

    private void press(String label) throws InterruptedException {
        workbench.await("'" + label + "' to be enabled", () -> {
            Button button = Ui.button(shell, label);
            return button != null && button.isEnabled();
        });
        workbench.onUi(() -> {
            Ui.click(Ui.button(shell, label));
            return null;
        });
    }

    /** What the wizard shows now, once its pending paints are done. */
    void screenshot(String name) throws Exception {
        workbench.onUi(() -> {
            shell.update();
            return null;
        });
        workbench.screenshot(shell, name);
    }
}
