package org.ledgerport.ui.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.access.AccessDeniedException;
import org.ledgerport.core.access.Permission;
import org.ledgerport.core.access.Role;
import org.ledgerport.core.store.StoreException;
import org.ledgerport.ui.CurrentUser;
import org.ledgerport.ui.OneAtATime;
import org.ledgerport.ui.WidgetIds;

/**
 * Users and Roles: who has which role at this workstation, and, for an owner, giving a user a role, changing it
 * and taking it away. Anyone without a role given is a biller. Reads and writes run in the background; a refusal
 * (not an owner, the last owner) is said in plain words at the top.
 */
public final class UsersAndRolesDialog extends TitleAreaDialog {

    private static final String INTRO = "Billers prepare and finalize invoices; exporters also export them, refresh "
            + "their status and record payments; owners also revert exported invoices and manage connections and "
            + "roles. Anyone not listed is a biller.";

    /** A user as the table lists them. */
    private record Row(String name, Role role, boolean given) {
    }

    /** What a read of the roles found. */
    private record Read(Map<String, Role> users, Role mine) {
    }

    private final AccessControl access;
    private final CurrentUser user;
    private final UISynchronize ui;
    /** Reads and writes one after the other, so a read never overtakes the change before it. */
    private final OneAtATime oneAtATime = new OneAtATime();

    private Label current;
    private TableViewer table;
    private Text name;
    private Combo role;
    private Button assign;
    private Button remove;
    private Map<String, Role> users = Map.of();
    private Role mine;
    private int busy;

    public UsersAndRolesDialog(Shell parent, AccessControl access, CurrentUser user, UISynchronize ui) {
        super(parent);
        this.access = access;
        this.user = user;
        this.ui = ui;
        setHelpAvailable(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Users and Roles");
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.swtDefaults().numColumns(4).applyTo(body);

        current = WidgetIds.tag(new Label(body, SWT.WRAP), "users.current");
        GridDataFactory.fillDefaults().grab(true, false).span(4, 1).hint(480, SWT.DEFAULT).applyTo(current);
        current.setText("You are " + user.name() + ".");

        Composite tableArea = new Composite(body, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).span(4, 1).hint(SWT.DEFAULT, 170).applyTo(tableArea);
        TableColumnLayout columns = new TableColumnLayout();
        tableArea.setLayout(columns);
        table = new TableViewer(tableArea, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        WidgetIds.tag(table.getTable(), "users.table");
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        table.setContentProvider(ArrayContentProvider.getInstance());
        column(columns, "User", 25, row -> row.name().equals(user.name()) ? row.name() + " (you)" : row.name());
        column(columns, "Role", 20, row -> row.given() ? row.role().label() : row.role().label() + " (no role given)");
        column(columns, "May", 55, row -> mayDo(row.role()));
        table.addSelectionChangedListener(event -> {
            if (table.getStructuredSelection().getFirstElement() instanceof Row row) {
                name.setText(row.name());
                role.select(row.role().ordinal());
            }
            enable();
        });

        new Label(body, SWT.NONE).setText("User &name:");
        name = WidgetIds.tag(new Text(body, SWT.BORDER), "users.name");
        name.setMessage("as they sign in to this computer");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(name);
        name.addListener(SWT.Modify, event -> enable());
        new Label(body, SWT.NONE).setText("&Role:");
        role = WidgetIds.tag(new Combo(body, SWT.READ_ONLY | SWT.DROP_DOWN), "users.role");
        role.setItems(Arrays.stream(Role.values()).map(Role::label).toArray(String[]::new));
        role.select(Role.EXPORTER.ordinal());

        Composite buttons = new Composite(body, SWT.NONE);
        GridDataFactory.fillDefaults().span(4, 1).align(SWT.END, SWT.CENTER).applyTo(buttons);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(buttons);
        assign = WidgetIds.tag(new Button(buttons, SWT.PUSH), "users.assign");
        assign.setText("&Give role");
        assign.setToolTipText("Give the user named above the role chosen: a new user, or another role");
        assign.addListener(SWT.Selection, event -> assign());
        remove = WidgetIds.tag(new Button(buttons, SWT.PUSH), "users.remove");
        remove.setText("Re&move role");
        remove.setToolTipText("Take the selected user's role away; they are a biller then");
        remove.addListener(SWT.Selection, event -> remove());
        return area;
    }

    private void column(TableColumnLayout columns, String title, int weight, Function<Row, String> text) {
        TableViewerColumn column = new TableViewerColumn(table, SWT.LEFT);
        column.getColumn().setText(title);
        column.setLabelProvider(ColumnLabelProvider.createTextProvider(element -> text.apply((Row) element)));
        columns.setColumnData(column.getColumn(), new ColumnWeightData(weight, 60));
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, "&Close", true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    @Override
    public void create() {
        super.create();
        setTitle("Who may do what at this workstation");
        setMessage(INTRO);
        enable();
        load(null);
    }

    /** "What a biller may, and export invoices, …": the role's own permissions after those of the role below. */
    static String mayDo(Role role) {
        String own = Arrays.stream(Permission.values()).filter(p -> p.needs() == role).map(Permission::action)
                .collect(Collectors.joining(", "));
        return role.ordinal() == 0 ? capitalized(own)
                : "What " + article(Role.values()[role.ordinal() - 1]) + " may, and " + own;
    }

    private static String article(Role role) {
        String word = role.label().toLowerCase();
        return (word.matches("[aeiou].*") ? "an " : "a ") + word;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    // ---- reading and changing, in the background

    /** Reads the roles again; {@code done} is said once they are shown. */
    private void load(String done) {
        run("Reading the users and their roles", () -> new Read(new TreeMap<>(access.users()),
                access.roleOf(user.name())), read -> {
                    users = read.users();
                    mine = read.mine();
                    show(done);
                });
    }

    private void show(String done) {
        List<Row> rows = new ArrayList<>();
        users.forEach((who, given) -> rows.add(new Row(who, given, true)));
        if (!users.containsKey(user.name())) {
            rows.add(new Row(user.name(), mine, false));
        }
        String selected = table.getStructuredSelection().getFirstElement() instanceof Row row ? row.name() : null;
        table.setInput(rows);
        rows.stream().filter(row -> row.name().equals(selected)).findFirst()
                .ifPresent(row -> table.setSelection(new StructuredSelection(row), true));
        java.util.Optional<String> refusal = Permission.MANAGE_ROLES.refusal(user.name(), mine);
        current.setText("You are %s, %s at this workstation.%s".formatted(user.name(), article(mine),
                refusal.map(reason -> " " + reason).orElse("")));
        current.getParent().layout(true, true);
        if (done != null) {
            setErrorMessage(null);
            setMessage(done);
        }
        enable();
    }

    private void assign() {
        String who = name.getText().strip();
        if (who.isEmpty()) {
            setErrorMessage("Type the user's name, as they sign in to this computer.");
            return;
        }
        Role chosen = Role.values()[role.getSelectionIndex()];
        if (users.get(who) == Role.OWNER && chosen != Role.OWNER && lastOwner(who)) {
            return;
        }
        String done = "%s is %s now.".formatted(who, article(chosen));
        change("Giving " + who + " the " + chosen.label().toLowerCase() + " role",
                () -> access.assign(user.name(), who, chosen), done);
    }

    private void remove() {
        if (!(table.getStructuredSelection().getFirstElement() instanceof Row row) || !row.given()) {
            return;
        }
        if (row.role() == Role.OWNER && lastOwner(row.name())) {
            return;
        }
        change("Taking " + row.name() + "'s role away", () -> access.remove(user.name(), row.name()),
                "%s has no role now, and is a biller.".formatted(row.name()));
    }

    /** Refuses here what the database would refuse too: the workstation always keeps an owner. */
    private boolean lastOwner(String who) {
        boolean last = users.entrySet().stream().noneMatch(e -> e.getValue() == Role.OWNER && !e.getKey().equals(who));
        if (last) {
            setErrorMessage(who + " is the last owner of this workstation. Make someone else an owner first, so "
                    + "that someone may still manage connections and roles.");
        }
        return last;
    }

    private void change(String task, Runnable work, String done) {
        setErrorMessage(null);
        setMessage(task + "\u2026");
        run(task, () -> {
            work.run();
            return null;
        }, nothing -> {
            user.reload();
            load(done);
        });
    }

    /** Runs the work in a job and hands its result to the UI thread; a refusal or failure is said at the top. */
    private <T> void run(String task, Supplier<T> work, Consumer<T> shown) {
        busy++;
        enable();
        Job job = Job.create(task, monitor -> {
            try {
                T result = work.get();
                later(() -> shown.accept(result));
            } catch (AccessDeniedException | StoreException | IllegalArgumentException e) {
                later(() -> setErrorMessage(e.getMessage()));
            } catch (RuntimeException e) {
                later(() -> setErrorMessage("Ledgerport's database did not answer: " + e.getMessage()
                        + ". Try again; if it keeps failing, restart Ledgerport."));
            } finally {
                later(() -> {
                    busy--;
                    enable();
                });
            }
            return Status.OK_STATUS;
        });
        job.setRule(oneAtATime);
        job.schedule();
    }

    private void later(Runnable update) {
        ui.asyncExec(() -> {
            if (getShell() != null && !getShell().isDisposed()) {
                update.run();
            }
        });
    }

    /** Only an owner changes roles, and only while nothing else is being read or saved. */
    private void enable() {
        if (name == null || name.isDisposed()) {
            return;
        }
        boolean owner = mine == Role.OWNER && busy == 0;
        name.setEnabled(owner);
        role.setEnabled(owner);
        assign.setEnabled(owner && !name.getText().isBlank());
        remove.setEnabled(owner && table.getStructuredSelection().getFirstElement() instanceof Row row
                && row.given());
    }
}
