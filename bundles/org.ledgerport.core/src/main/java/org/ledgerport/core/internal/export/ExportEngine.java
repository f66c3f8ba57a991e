package org.ledgerport.core.internal.export;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.access.Permission;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.export.ExportException;
import org.ledgerport.core.export.ExportListener;
import org.ledgerport.core.export.ExportRequest;
import org.ledgerport.core.export.ExportService;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.Preflight;
import org.ledgerport.core.export.RunSummary;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.store.Activity;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.ExportJournal;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.ProcessLog;
import org.ledgerport.core.store.StatusJournal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The export engine. One run per connection at a time in this process; across processes and workstations the
 * journal's claims keep an invoice from being sent by two runs at once. When it starts it settles, in the
 * background, whatever an earlier process left unconfirmed.
 */
@Component(service = ExportService.class)
public final class ExportEngine implements ExportService {

    /** A run on another workstation that has not said it is alive for this long is taken to be dead. */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private final Accounts accounts;
    private final InvoiceStore invoices;
    private final ExportJournal journal;
    private final StatusJournal statusJournal;
    private final ProcessLog processLog;
    private final AccessControl access;
    /** Tells this engine's runs from those of earlier processes and other workstations. */
    private final String instance = UUID.randomUUID().toString();
    private final String workstation = Activity.thisWorkstation();
    private final Map<Long, ReentrantLock> runningConnections = new ConcurrentHashMap<>();
    private final Thread startupCheck;

    @Activate
    public ExportEngine(@Reference ConnectorRegistry connectors, @Reference InvoiceStore invoices,
            @Reference ConnectionStore connections, @Reference ExportJournal journal,
            @Reference StatusJournal statusJournal, @Reference ProcessLog processLog,
            @Reference CredentialStore credentials, @Reference AccessControl access) {
        this.accounts = new Accounts(connectors, connections, credentials);
        this.invoices = invoices;
        this.journal = journal;
        this.statusJournal = statusJournal;
        this.processLog = processLog;
        this.access = access;
        startupCheck = Thread.ofVirtual().name("Ledgerport: settle unconfirmed exports").start(this::settleLeftovers);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        startupCheck.interrupt();
        startupCheck.join(Duration.ofSeconds(30));
    }

    /** Settles attempts an earlier process left open, on every connection whose connector is here now. */
    private void settleLeftovers() {
        try {
            for (Connection connection : accounts.all()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                if (!journal.openAttempts(connection.id()).isEmpty() && accounts.installed(connection)) {
                    reconcile(connection.id());
                }
            }
        } catch (RuntimeException e) {
            // Stopping the engine interrupts this check; otherwise the next export on the connection settles the
            // attempts first, and nothing is sent before that.
            if (!Thread.currentThread().isInterrupted()) {
                System.err.println("Ledgerport: could not settle unconfirmed exports at start-up: " + e.getMessage());
            }
        }
    }

    @Override
    public List<Invoice> ready(long connectionId) {
        connection(connectionId);
        return invoices.loadInvoices(readyIds(connectionId));
    }

    private List<Long> readyIds(long connectionId) {
        return readyIds(invoices, journal, connectionId);
    }

    /** The finalized invoices not exported to the connection, oldest first. */
    static List<Long> readyIds(InvoiceStore invoices, ExportJournal journal, long connectionId) {
        List<Long> finalized = invoices.invoiceIds(InvoiceStatus.FINALIZED);
        Map<Long, ExportJournal.ExportReference> exported = journal.references(connectionId, finalized);
        return finalized.stream().filter(id -> !exported.containsKey(id)).toList();
    }

    @Override
    public Preflight check(long connectionId, List<Long> invoiceIds) {
        Connection connection = connection(connectionId);
        try (ExportRun run = newRun(connection, ExportListener.NONE)) {
            return run.preflight(selection(connectionId, invoiceIds));
        }
    }

    @Override
    public RunSummary export(ExportRequest request, ExportListener listener) {
        if (!request.dryRun()) {
            access.check(request.user(), Permission.EXPORT);
        }
        Connection connection = connection(request.connectionId());
        return exclusively(connection, () -> {
            List<Long> selection = selection(connection.id(), request.invoiceIds());
            long runId = journal.startRun(connection.id(), request.user(), workstation, instance, selection.size(),
                    request.dryRun());
            try (ExportRun run = newRun(connection, listener)) {
                run.export(runId, selection, request.dryRun());
            }
            return processLog.run(runId).orElseThrow();
        });
    }

    @Override
    public List<InvoiceResult> reconcile(long connectionId) {
        Connection connection = connection(connectionId);
        return exclusively(connection, () -> {
            int open = journal.openAttempts(connectionId).size();
            long runId = journal.startRun(connectionId, "Ledgerport (check of unconfirmed exports)", workstation,
                    instance, open, false);
            try (ExportRun run = newRun(connection, ExportListener.NONE)) {
                return run.reconcileOnly(runId);
            }
        });
    }

    private List<Long> selection(long connectionId, List<Long> requested) {
        return requested.isEmpty() ? readyIds(connectionId) : requested;
    }

    private ExportRun newRun(Connection connection, ExportListener listener) {
        Connector connector = accounts.connector(connection);
        return new ExportRun(accounts.context(connection), connector, invoices, journal, statusJournal, listener,
                instance, STALE_AFTER);
    }

    private Connection connection(long connectionId) {
        return accounts.connection(connectionId);
    }

    /** Runs the work once no other run on the connection is going in this process, waiting for it if needed. */
    private <T> T exclusively(Connection connection, Supplier<T> work) {
        ReentrantLock lock = runningConnections.computeIfAbsent(connection.id(), id -> new ReentrantLock());
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportException("The export to '%s' was cancelled while it waited for another run to finish."
                    .formatted(connection.name()));
        }
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
