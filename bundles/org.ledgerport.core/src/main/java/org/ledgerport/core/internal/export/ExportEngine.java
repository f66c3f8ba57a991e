package org.ledgerport.core.internal.export;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.ledgerport.core.connector.ConnectionContext;
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
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.ExportJournal;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.ProcessLog;
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

    private final ConnectorRegistry connectors;
    private final InvoiceStore invoices;
    private final ConnectionStore connections;
    private final ExportJournal journal;
    private final ProcessLog processLog;
    private final CredentialStore credentials;
    /** Tells this engine's runs from those of earlier processes and other workstations. */
    private final String instance = UUID.randomUUID().toString();
    private final String workstation = workstationName();
    private final Map<Long, ReentrantLock> runningConnections = new ConcurrentHashMap<>();
    private final Thread startupCheck;

    @Activate
    public ExportEngine(@Reference ConnectorRegistry connectors, @Reference InvoiceStore invoices,
            @Reference ConnectionStore connections, @Reference ExportJournal journal,
            @Reference ProcessLog processLog, @Reference CredentialStore credentials) {
        this.connectors = connectors;
        this.invoices = invoices;
        this.connections = connections;
        this.journal = journal;
        this.processLog = processLog;
        this.credentials = credentials;
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
            for (Connection connection : connections.listConnections()) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                if (!journal.openAttempts(connection.id()).isEmpty()
                        && connectors.find(connection.connectorId()).isPresent()) {
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

    private static String workstationName() {
        String name = System.getenv("COMPUTERNAME");
        if (name == null) {
            name = System.getenv("HOSTNAME");
        }
        if (name == null) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                name = "unknown workstation";
            }
        }
        return name;
    }

    @Override
    public List<Invoice> ready(long connectionId) {
        connection(connectionId);
        return invoices.loadInvoices(readyIds(connectionId));
    }

    private List<Long> readyIds(long connectionId) {
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
        Connector connector = connectors.find(connection.connectorId())
                .orElseThrow(() -> new ExportException(("Connection '%s' uses the connector '%s', which is not "
                        + "installed. Install its bundle (or drop it into the dropins folder) and try again.")
                        .formatted(connection.name(), connection.connectorId())));
        ConnectionContext context = new ConnectionContext(connection, credentials.forConnection(connection.uid()));
        return new ExportRun(context, connector, invoices, journal, listener, instance, STALE_AFTER);
    }

    private Connection connection(long connectionId) {
        return connections.findConnection(connectionId)
                .orElseThrow(() -> new ExportException("Connection #" + connectionId + " does not exist (any more)."));
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
