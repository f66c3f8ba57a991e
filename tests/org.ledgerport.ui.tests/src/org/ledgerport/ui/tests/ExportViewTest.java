package org.ledgerport.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;
import org.ledgerport.ui.ConnectionStatus;
import org.ledgerport.ui.parts.ErrorPart;
import org.ledgerport.ui.parts.ExportPart;
import org.ledgerport.ui.parts.ProcessLogPart;

/**
 * Exports a selection through the Export view with the real store and export engine, first to the offline file
 * connector and then to the QuickBooks Online simulator: each row's status shows its result as it arrives, the
 * Errors view explains the failures with the accounting package's own words, and the Process Log records the run.
 */
class ExportViewTest {

    private static final String FILE_CONNECTOR = "file-export";

    @Test
    void exportsASelectionAsImportFilesAndShowsResultsProblemsAndTheRun(@TempDir Path folder) throws Exception {
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        Firm firm = new Firm(store, "EXF");
        TaxCode unmapped = store.saveTaxCode(new TaxCode("EXF7", "Reduced 7 %", new BigDecimal("7")));
        Customer customer = firm.customer("Quayside Café");
        Invoice first = firm.finalized(customer, "120.00");
        Invoice second = firm.finalized(customer, "80.00", "15.50");
        Invoice failing = finalized(store, firm, customer, unmapped);
        List<Invoice> ours = List.of(first, second, failing);
        Connection connection = fileConnection(folder);

        try (RunningWorkbench workbench = RunningWorkbench.start()) {
            ExportView export = ExportView.open(workbench);
            export.choose(connection.name());
            export.awaitReady(ours);
            Label counts = export.control("export.counts");
            workbench.await("the counts of the pre-flight", () -> counts.getText().contains("customers:"));

            export.select(ours);
            String question = export.exportConfirmed();
            assertTrue(question.startsWith("Export 3 invoices to '" + connection.name() + "'"), question);

            Map<String, String> statuses = export.awaitResults(ours);
            assertTrue(statuses.get(first.number()).matches("Exported as EXF-\\d{4}"), statuses::toString);
            assertTrue(statuses.get(second.number()).matches("Exported as EXF-\\d{4}"), statuses::toString);
            String failed = statuses.get(failing.number());
            assertTrue(failed.startsWith("Failed: ") && failed.contains("tax code EXF7"), failed);
            assertEquals("Exported 2 of 3 \u00b7 1 failed: <a>see the Errors view</a>", export.awaitSummary());
            try (Stream<Path> written = Files.list(folder)) {
                assertTrue(written.anyMatch(file -> file.toString().endsWith(".csv")),
                        "the import file is in the export folder");
            }
            workbench.screenshot(export.shell(), "export-view-mixed-run");

            Composite errors = Ui.part(workbench, ErrorPart.ID);
            Tree tree = workbench.onUi(() -> Ui.byId(errors, "errors.tree"));
            workbench.await("the failing invoice in the Errors view", () -> Ui.texts(tree).stream()
                    .anyMatch(line -> line.startsWith("Invoice " + failing.number() + " | ")));
            List<String> lines = workbench.onUi(() -> Ui.texts(tree));
            assertEquals(List.of("Invoice " + failing.number() + " | " + customer.name() + " | Failed"),
                    lines.stream().filter(line -> !line.startsWith(" ")).toList(), "only the failing invoice");
            assertTrue(lines.stream().anyMatch(line -> line.startsWith("  Line 1 of invoice " + failing.number()
                    + " uses tax code EXF7") && line.endsWith(" | Error")), lines::toString);
            Combo run = workbench.onUi(() -> Ui.byId(errors, "errors.run"));
            String runTitle = workbench.onUi(run::getText);
            assertTrue(runTitle.startsWith("Run ") && runTitle.contains(connection.name())
                    && runTitle.endsWith("1 failed"), runTitle);

            Text detail = workbench.onUi(() -> Ui.byId(errors, "errors.detail"));
            select(workbench, tree, "Invoice " + failing.number());
            assertTrue(workbench.onUi(detail::getText).startsWith("Invoice " + failing.number() + " ("
                    + customer.name() + "): Failed"), () -> workbench.onUi(detail::getText));
            select(workbench, tree, "  Line 1 of invoice " + failing.number());
            String explained = workbench.onUi(detail::getText);
            assertTrue(explained.startsWith("Line 1 of invoice " + failing.number() + " uses tax code EXF7"),
                    explained);
            assertTrue(explained.contains("Field: lines[1].taxCode"), explained);
            assertTrue(explained.contains("Problem code: file.taxCode.unmapped"), explained);
            assertTrue(explained.contains("Trying again will not help until the cause is fixed."), explained);
            assertTrue(explained.contains("To fix it: Open the connection's settings and mappings"), explained);
            workbench.screenshot(export.shell(), "error-view");

            Composite log = Ui.part(workbench, ProcessLogPart.ID);
            Table runs = workbench.onUi(() -> Ui.byId(log, "log.runs"));
            Table results = workbench.onUi(() -> Ui.byId(log, "log.results"));
            workbench.await("the run at the top of the Process Log", () -> runs.getItemCount() > 0
                    && Ui.row(runs, 0).get(3).equals(connection.name()));
            List<String> newest = workbench.onUi(() -> Ui.row(runs, 0));
            assertEquals(System.getProperty("user.name"), newest.get(1), "who ran it");
            assertEquals(List.of("3", "2", "1", "0", "0"), newest.subList(4, 9),
                    "selected, exported, failed, skipped, not confirmed");
            assertEquals("Completed with problems", newest.get(10));
            workbench.await("the run's three results below it", () -> results.getItemCount() == 3);
            List<List<String>> perInvoice = workbench.onUi(() -> Ui.cells(results));
            for (List<String> row : perInvoice) {
                if (row.get(0).equals(failing.number())) {
                    assertEquals("Failed", row.get(1));
                    assertEquals("", row.get(2), "no number in the package");
                    assertTrue(row.get(3).contains("tax code EXF7"), row::toString);
                } else {
                    assertEquals("Exported", row.get(1));
                    assertEquals(statuses.get(row.get(0)), "Exported as " + row.get(2));
                }
            }
            workbench.screenshot(export.shell(), "process-log");

            // Opening a run shows its problems in the Errors view.
            workbench.onUi(() -> {
                Ui.open(runs);
                return null;
            });
            workbench.await("the Errors view to be the active part", () -> {
                MPart active = workbench.parts()
                        .getActivePart();
                return active != null && ErrorPart.ID.equals(active.getElementId());
            });

            // Exported invoices stay listed with their numbers until the list is read again.
            Ui.part(workbench, ExportPart.ID);
            assertEquals(statuses, workbench.onUi(() -> export.statuses(ours)));
            workbench.onUi(() -> {
                Ui.click(Ui.button(export.content(), "Refresh"));
                return null;
            });
            workbench.await("only the failed invoice left, with how its last export ended", () -> {
                Map<String, String> left = export.statuses(ours);
                return left.size() == 1 && left.getOrDefault(failing.number(), "").startsWith("Failed (");
            });
        }
    }

    @Test
    void exportsToQuickBooksOnlineWithItsNumbersAndExplainsWhatItRefused() throws Exception {
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        Firm firm = new Firm(store, "EXQ");
        try (ExportQuickBooks quickBooks = ExportQuickBooks.start()) {
            Connection connection = quickBooks.connected();
            Customer bakery = firm.customer("Harbour Bakery");
            Customer clash = firm.customer("Harbour Supplies");
            quickBooks.company().addVendor(clash.name(), true);
            TaxCode unmapped = store.saveTaxCode(new TaxCode("EXQ9", "Reduced 9 %", new BigDecimal("9")));
            Invoice first = firm.finalized(bakery, "100.00");
            Invoice second = firm.finalized(bakery, "250.00", "12.00");
            Invoice refused = firm.finalized(clash, "75.00");
            Invoice notMapped = finalized(store, firm, bakery, unmapped);
            List<Invoice> ours = List.of(first, second, refused, notMapped);

            try (RunningWorkbench workbench = RunningWorkbench.start()) {
                ExportView export = ExportView.open(workbench);
                export.choose(connection.name());
                export.awaitReady(ours);
                export.select(ours);
                String question = export.exportConfirmed();
                assertTrue(question.startsWith("Export 4 invoices to '" + connection.name() + "' (QuickBooks"),
                        question);

                Map<String, String> statuses = export.awaitResults(ours);
                assertEquals("Exported as " + quickBooks.numberOf(first), statuses.get(first.number()));
                assertEquals("Exported as " + quickBooks.numberOf(second), statuses.get(second.number()));
                assertNotEquals(quickBooks.numberOf(first), quickBooks.numberOf(second));
                String clashed = statuses.get(refused.number());
                assertTrue(clashed.startsWith("Failed: ") && clashed.contains("supplier"), clashed);
                String mapping = statuses.get(notMapped.number());
                assertTrue(mapping.startsWith("Failed: ") && mapping.contains("EXQ9"), mapping);
                assertEquals("Exported 2 of 4 \u00b7 2 failed: <a>see the Errors view</a>", export.awaitSummary());
                ConnectionStatus status = workbench.onUi(() -> workbench.application().getContext()
                        .get(ConnectionStatus.class));
                assertEquals(ConnectionStatus.State.CONNECTED, status.state(connection.id()));

                Composite errors = Ui.part(workbench, ErrorPart.ID);
                Tree tree = workbench.onUi(() -> Ui.byId(errors, "errors.tree"));
                workbench.await("both failed invoices in the Errors view", () -> Ui.texts(tree).stream()
                        .filter(line -> line.startsWith("Invoice ")).count() == 2);
                List<String> groups = workbench.onUi(() -> Ui.texts(tree)).stream()
                        .filter(line -> line.startsWith("Invoice ")).toList();
                assertTrue(groups.contains("Invoice " + refused.number() + " | " + clash.name() + " | Failed"),
                        groups::toString);
                assertTrue(groups.contains("Invoice " + notMapped.number() + " | " + bakery.name() + " | Failed"),
                        groups::toString);

                Text detail = workbench.onUi(() -> Ui.byId(errors, "errors.detail"));
                select(workbench, tree, "  Customer");
                String explained = workbench.onUi(detail::getText);
                assertTrue(explained.contains("supplier"), explained);
                assertTrue(explained.contains("Problem code: customer.duplicate-name"), explained);
                assertTrue(explained.contains("QuickBooks Online's code: 6240"), explained);
                assertTrue(explained.lines().anyMatch(line -> line.startsWith("QuickBooks Online's message: ")
                        && line.length() > "QuickBooks Online's message: ".length()), explained);
                select(workbench, tree, "  Tax code EXQ9");
                assertTrue(workbench.onUi(detail::getText).contains("Problem code: tax.unmapped"),
                        () -> workbench.onUi(detail::getText));
                workbench.screenshot(export.shell(), "error-view-quickbooks");
            }
        }
    }

    /** A new connection that writes Xero import files to the folder and lets the connector number invoices. */
    private static Connection fileConnection(Path folder) throws InterruptedException {
        ConnectorRegistry registry = Osgi.service(ConnectorRegistry.class);
        Osgi.await("the file connector", () -> registry.find(FILE_CONNECTOR).isPresent());
        return Osgi.service(ConnectionStore.class).createConnection(System.getProperty("user.name"), FILE_CONNECTOR,
                Firm.unique("Demo export folder"),
                Map.of("folder", folder.toString(), "layout", "xero-csv", "incomeAccount", "200",
                        "xeroUntaxedRate", "No VAT", "numberPrefix", "EXF-"),
                Map.of(MappingKind.TAX_CODE, Map.of(Firm.STANDARD.code(), "20% (VAT on Income)")),
                NumberingPolicy.VENDOR_ASSIGNS);
    }

    /** A finalized invoice with one line taxed by the code, which no test connection maps. */
    private static Invoice finalized(InvoiceStore store, Firm firm, Customer customer, TaxCode taxCode) {
        Invoice draft = store.createInvoice(InvoiceDraft.of(firm.number(), customer.id(), LocalDate.of(2026, 11, 9),
                LocalDate.of(2026, 12, 9), Firm.EUR, List.of(new InvoiceLine("", "Reduced-rate goods",
                        BigDecimal.ONE, Money.of("40.00", "EUR"), BigDecimal.ZERO, taxCode.code()))));
        return store.changeStatus(draft.id(), draft.version(), InvoiceStatus.FINALIZED);
    }

    /** Selects the first visible tree item whose line (as {@link Ui#texts} writes it) starts so, as a click does. */
    private static void select(RunningWorkbench workbench, Tree tree, String lineStart) {
        workbench.onUi(() -> {
            TreeItem item = find(tree.getItems(), "", lineStart);
            if (item == null) {
                throw new AssertionError("no line starts with '" + lineStart + "' in " + Ui.texts(tree));
            }
            tree.setSelection(item);
            Event event = new Event();
            event.item = item;
            tree.notifyListeners(SWT.Selection, event);
            return null;
        });
    }

    private static TreeItem find(TreeItem[] items, String indent, String lineStart) {
        for (TreeItem item : items) {
            if ((indent + item.getText(0)).startsWith(lineStart)) {
                return item;
            }
            if (item.getExpanded()) {
                TreeItem found = find(item.getItems(), indent + "  ", lineStart);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
