package org.ledgerport.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;
import org.ledgerport.ui.parts.ProcessLogPart;

/**
 * The Process Log's Activity tab: a connection made and then removed in the Connections view are both there, each
 * with the user who did it, the workstation and the connection's name.
 */
class ProcessLogActivityTest {

    private static final String CONNECTIONS_PART = "org.ledgerport.connect.part.connections";
    private static final int WHO = 1;
    private static final int WORKSTATION = 2;
    private static final int WHAT = 3;
    private static final int CONNECTION = 4;

    @Test
    void aConnectionRemovedInTheConnectionsViewIsInTheActivityWithItsUser(@TempDir Path folder) throws Exception {
        String me = System.getProperty("user.name");
        ConnectionStore connections = Osgi.service(ConnectionStore.class);
        ConnectorRegistry registry = Osgi.service(ConnectorRegistry.class);
        Osgi.await("the file connector", () -> registry.find("file-export").isPresent());
        Connection connection = connections.createConnection(me, "file-export", Firm.unique("Leaving folder"),
                Map.of("folder", folder.toString(), "layout", "xero-csv", "incomeAccount", "200",
                        "xeroUntaxedRate", "No VAT"),
                Map.of(MappingKind.TAX_CODE, Map.of(Firm.STANDARD.code(), "20% (VAT on Income)")),
                NumberingPolicy.OURS);

        try (RunningWorkbench workbench = RunningWorkbench.start()) {
            Composite view = Ui.part(workbench, CONNECTIONS_PART);
            Table table = workbench.onUi(() -> Ui.byId(view, "connections.table"));
            workbench.await("the connection in the Connections view",
                    () -> WizardWindow.row(table, connection.name()) >= 0);
            workbench.onUi(() -> {
                Ui.select(table, WizardWindow.row(table, connection.name()));
                return null;
            });
            workbench.later(() -> Ui.click(Ui.button(view, "Remove\u2026")));
            Shell confirm = Ui.shell(workbench, "Remove connection");
            workbench.onUi(() -> {
                Ui.click(Ui.button(confirm, "Remove"));
                return null;
            });
            Osgi.await("the connection to be removed", () -> connections.findConnection(connection.id()).isEmpty());

            Composite log = Ui.part(workbench, ProcessLogPart.ID);
            workbench.onUi(() -> {
                Ui.select((CTabFolder) Ui.byId(log, "log.tabs"), "Activity");
                return null;
            });
            Table activity = workbench.onUi(() -> Ui.byId(log, "log.activity"));
            workbench.await(() -> "the removal in the Activity tab; it lists " + workbench.onUi(() -> Ui.cells(
                    activity)), () -> row(activity, "Connection removed", connection.name()).isPresent());
            List<String> removed = workbench.onUi(() -> row(activity, "Connection removed", connection.name()))
                    .orElseThrow();
            assertEquals(me, removed.get(WHO), "who removed it");
            assertFalse(removed.get(WORKSTATION).isBlank(), "from which workstation: " + removed);
            List<String> added = workbench.onUi(() -> row(activity, "Connection added", connection.name()))
                    .orElseThrow(() -> new AssertionError("the connection's making is listed too"));
            assertEquals(me, added.get(WHO), "who made it");
            assertTrue(workbench.onUi(() -> Ui.cells(activity)).indexOf(removed) < workbench.onUi(
                    () -> Ui.cells(activity)).indexOf(added), "newest first");
            workbench.screenshot(workbench.onUi(log::getShell), "process-log-activity");
        }
    }

    /** The newest row of that kind about that connection, as its cells read; call on the UI thread. */
    private static Optional<List<String>> row(Table activity, String what, String connection) {
        return Ui.cells(activity).stream()
                .filter(cells -> cells.get(WHAT).equals(what) && cells.get(CONNECTION).equals(connection))
                .findFirst();
    }
}
