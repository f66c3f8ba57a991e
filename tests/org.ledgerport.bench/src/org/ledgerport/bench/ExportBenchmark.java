package org.ledgerport.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.export.ExportListener;
import org.ledgerport.core.export.ExportRequest;
import org.ledgerport.core.export.ExportService;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.model.Address;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.model.TaxMode;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.ImportBatch;
import org.ledgerport.core.store.ImportBatch.ImportedInvoice;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.ProcessLog;
import org.ledgerport.testing.support.Osgi;

/**
 * How fast the engine exports through the offline file connector on embedded Derby, and how much heap it
 * needs. Prints its numbers (run it with bin/bench); it asserts only that every invoice was exported.
 */
class ExportBenchmark {

    private static final Currency GBP = Currency.getInstance("GBP");
    private static final TaxCode VAT = new TaxCode("B20", "Standard rate", new BigDecimal("20"));

    @TempDir
    Path exports;

    @Test
    void exportTenThousandInvoicesToXeroCsvFiles() throws Exception {
        Osgi.await("the file connector", () -> {
            try {
                return Osgi.service(ConnectorRegistry.class).find("file-export").isPresent();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        Measured small = run("B1K", 1_000, exports.resolve("1k"));
        Measured large = run("B10K", 10_000, exports.resolve("10k"));
        System.out.printf("%n[bench] export through the file connector (Xero CSV), embedded Derby, %s%n",
                Runtime.version());
        for (Measured m : List.of(small, large)) {
            System.out.printf("[bench] %,6d invoices: saved in %5.1f s; exported in %5.1f s = %,5.0f invoices/s; "
                    + "peak heap during export %,4d MB; %d files%n", m.invoices, m.saved.toMillis() / 1000.0,
                    m.exported.toMillis() / 1000.0, m.invoicesPerSecond(), m.peakHeapBytes >> 20, m.files);
        }
        System.out.printf("[bench] time per invoice at 10,000 / at 1,000: %.2f; peak heap ratio: %.2f%n%n",
                (large.exported.toNanos() / (double) large.invoices) / (small.exported.toNanos() / (double) small.invoices),
                large.peakHeapBytes / (double) small.peakHeapBytes);
    }

    private record Measured(int invoices, Duration saved, Duration exported, long peakHeapBytes, long files) {
        double invoicesPerSecond() {
            return invoices / (exported.toNanos() / 1e9);
        }
    }

    private Measured run(String prefix, int count, Path folder) throws Exception {
        InvoiceStore store = Osgi.service(InvoiceStore.class);
        long start = System.nanoTime();
        List<Customer> customers = new ArrayList<>();
        for (int c = 0; c < 200; c++) {
            customers.add(new Customer(0, prefix + " customer " + c + " & Co", "", new Address("1 High St", "",
                    "Leeds", "", "LS1 1AA", "GB"), c % 50 == 0, GBP));
        }
        List<ImportedInvoice> invoices = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<InvoiceLine> lines = List.of(
                    new InvoiceLine("", "Consulting, day rate", new BigDecimal("1.5"), Money.of("640.00", "GBP"),
                            BigDecimal.ZERO, VAT.code()),
                    new InvoiceLine("", "Travel", BigDecimal.ONE, Money.of("37.40", "GBP"), new BigDecimal("10"),
                            VAT.code()));
            InvoiceDraft draft = new InvoiceDraft(prefix + "-" + i, 0, LocalDate.of(2026, 10, 1),
                    LocalDate.of(2026, 10, 31), GBP, lines, List.of(), "", TaxMode.PER_LINE);
            invoices.add(new ImportedInvoice("#" + i, customers.get(i % customers.size()).name(), draft,
                    InvoiceStatus.FINALIZED));
        }
        List<Long> ids = store.importBatch(new ImportBatch(List.of(VAT), customers, List.of(), invoices)).invoiceIds();
        Duration saved = Duration.ofNanos(System.nanoTime() - start);

        Connection connection = Osgi.service(ConnectionStore.class).createConnection(
                System.getProperty("user.name"), "file-export", prefix + " bench folder",
                Map.of("folder", folder.toString(), "layout", "xero-csv", "incomeAccount", "200",
                        "xeroUntaxedRate", "No VAT"),
                Map.of(MappingKind.TAX_CODE, Map.of(VAT.code(), "20% (VAT on Income)")), NumberingPolicy.OURS);
        // Connecting makes the folder, as the account-connection wizard does.
        Osgi.service(ConnectorRegistry.class).find("file-export").orElseThrow().connect(new ConnectionContext(
                connection, Osgi.service(CredentialStore.class).forConnection(connection.uid())), null);
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        start = System.nanoTime();
        RunSummary run = Osgi.service(ExportService.class)
                .export(new ExportRequest(connection.id(), ids, System.getProperty("user.name"), false),
                        ExportListener.NONE);
        Duration exported = Duration.ofNanos(System.nanoTime() - start);
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        ProcessLog log = Osgi.service(ProcessLog.class);
        assertEquals(count, run.exported(), () -> "every invoice was exported; the first result: "
                + log.results(run.id()).stream().findFirst().map(Object::toString).orElse("none"));
        long files;
        try (Stream<Path> written = Files.list(folder)) {
            files = written.filter(f -> f.toString().endsWith(".csv")).count();
        }
        return new Measured(count, saved, exported, peak, files);
    }
}
