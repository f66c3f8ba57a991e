package org.ledgerport.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.access.Role;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;
import org.ledgerport.ui.CommandIds;

/**
 * Users and Roles, worked by the owner of the test database: they make a colleague an owner too, then make
 * themselves a biller, after which the dialog, the status bar and the Export view refuse them export, naming the
 * exporter role it needs.
 */
class UsersAndRolesTest {

    private static final String EXPORT_COMMAND = "org.ledgerport.ui.command.export.run";

    @Test
    void anOwnerGivesRolesAndABillerIsRefusedExportWithTheRoleItNeeds(@TempDir Path folder) throws Exception {
        AccessControl access = Osgi.service(AccessControl.class);
        String me = access.currentUser();
        String colleague = Firm.unique("deputy").replace(' ', '-').toLowerCase();
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        Firm firm = new Firm(store, "URB");
        Invoice ready = firm.finalized(firm.customer("Lighthouse Café"), "30.00");
        Connection connection = fileConnection(me, folder);
        assertEquals(Role.OWNER, access.roleOf(me), "the first user of the test database is its owner");
        try (RunningWorkbench workbench = RunningWorkbench.start()) {
            Label user = workbench.onUi(() -> Ui.byId((Shell) workbench.window().getWidget(), "status.user"));
            assertNotNull(user, "the status bar shows the user");
            workbench.await("the status bar to show the owner", () -> user.getText().equals(me + " (Owner)"));

            workbench.execute(CommandIds.USERS_AND_ROLES, Map.of());
            Shell dialog = Ui.shell(workbench, "Users and Roles");
            Label current = workbench.onUi(() -> Ui.byId(dialog, "users.current"));
            Table users = workbench.onUi(() -> Ui.byId(dialog, "users.table"));
            Text name = workbench.onUi(() -> Ui.byId(dialog, "users.name"));
            Combo role = workbench.onUi(() -> Ui.byId(dialog, "users.role"));
            Button assign = workbench.onUi(() -> Ui.byId(dialog, "users.assign"));
            workbench.await("the dialog to know who you are",
                    () -> current.getText().equals("You are " + me + ", an owner at this workstation."));
            workbench.await("the dialog to take changes", name::isEnabled);

            workbench.onUi(() -> {
                Ui.type(name, colleague);
                Ui.select(role, "Owner");
                Ui.click(assign);
                return null;
            });
            workbench.await(() -> colleague + " listed as an owner; the table has " + workbench.onUi(() -> Ui.cells(
                    users)), () -> roleListed(users, colleague).equals("Owner"));

            workbench.await("the dialog to be ready for the next change", assign::isEnabled);
            workbench.onUi(() -> {
                Ui.select(users, rowOf(users, me + " (you)"));
                Ui.select(role, "Biller");
                Ui.click(assign);
                return null;
            });
            workbench.await(() -> "you listed as a biller; the table has " + workbench.onUi(() -> Ui.cells(users)),
                    () -> roleListed(users, me + " (you)").equals("Biller"));
            workbench.await("the dialog to say what a biller may not",
                    () -> current.getText().startsWith("You are " + me + ", a biller at this workstation. Only a "
                            + "user with the owner role may manage users and their roles"));
            assertFalse(workbench.onUi(assign::isEnabled), "a biller gives no roles");
            workbench.screenshot(dialog, "users-and-roles");
            workbench.onUi(() -> {
                Ui.click(Ui.button(dialog, "Close"));
                return null;
            });

            workbench.await("the status bar to show the biller", () -> user.getText().equals(me + " (Biller)"));
            ExportView export = ExportView.open(workbench);
            export.choose(connection.name());
            export.awaitReady(List.of(ready));
            Button exportButton = export.control("export.run");
            Label refusal = export.control("export.refusal");
            String needed = "Only a user with the exporter role may export invoices; " + me + " is a biller.";
            workbench.await("Export to be off, saying why", () -> !exportButton.isEnabled()
                    && exportButton.getToolTipText().startsWith(needed) && refusal.isVisible()
                    && refusal.getText().startsWith(needed));
            assertFalse(workbench.onUi(() -> canExecute(workbench, EXPORT_COMMAND)), "Export > Export is off too");
            assertFalse(workbench.onUi(() -> canExecute(workbench, CommandIds.USERS_AND_ROLES)),
                    "only owners open Users and Roles");
            workbench.screenshot(export.shell(), "export-view-biller");
        } finally {
            access.assign(colleague, me, Role.OWNER);
            access.remove(me, colleague);
        }
    }

    private static String roleListed(Table users, String who) {
        int row = rowOf(users, who);
        return row < 0 ? "" : Ui.row(users, row).get(1);
    }

    private static int rowOf(Table users, String who) {
        return WizardWindow.row(users, who);
    }

    private static boolean canExecute(RunningWorkbench workbench, String commandId) {
        IEclipseContext context = workbench.window().getContext();
        ParameterizedCommand command = context.get(ECommandService.class).createCommand(commandId, Map.of());
        return context.get(EHandlerService.class).canExecute(command);
    }

    private static Connection fileConnection(String me, Path folder) throws InterruptedException {
        ConnectorRegistry registry = Osgi.service(ConnectorRegistry.class);
        Osgi.await("the file connector", () -> registry.find("file-export").isPresent());
        return Osgi.service(ConnectionStore.class).createConnection(me, "file-export",
                Firm.unique("Roles export folder"), Map.of("folder", folder.toString(), "layout", "xero-csv",
                        "incomeAccount", "200", "xeroUntaxedRate", "No VAT"),
                Map.of(MappingKind.TAX_CODE, Map.of(Firm.STANDARD.code(), "20% (VAT on Income)")),
                NumberingPolicy.OURS);
    }
}
