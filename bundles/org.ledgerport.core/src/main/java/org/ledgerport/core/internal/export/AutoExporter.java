package org.ledgerport.core.internal.export;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.export.AutoExportQueue;
import org.ledgerport.core.export.ExportListener;
import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.export.ExportRequest;
import org.ledgerport.core.export.ExportService;
import org.ledgerport.core.export.InvoiceResult;
import org.ledgerport.core.export.QueuedExport;
import org.ledgerport.core.export.StatusService;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.ExportJournal;
import org.ledgerport.core.store.InvoiceStore;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Exports finalized invoices on their own for connections set to, and refreshes the status of connections set to
 * refresh every few minutes, on one background thread. Nothing is kept only here: the queue is the finalized
 * invoices not exported yet, so what waits survives a restart; only the pause before the next try is forgotten.
 * Automatic work is done as the workstation's user, whose role must allow it.
 */
@Component(service = { AutoExportQueue.class, EventHandler.class }, immediate = true, property = {
        EventConstants.EVENT_TOPIC + "=" + InvoiceStore.TOPIC_INVOICES_CHANGED,
        EventConstants.EVENT_TOPIC + "=" + ConnectionStore.TOPIC_CONNECTIONS_CHANGED })
public final class AutoExporter implements AutoExportQueue, EventHandler {

    /** Framework property: the first pause before a failed automatic export is tried again, in milliseconds. */
    static final String RETRY_PROPERTY = "ledgerport.autoexport.retryMillis";
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(5);
    /** How often the queues are looked at when nothing woke the thread, so a missed event delays, never loses. */
    private static final Duration SAFETY_LOOK = Duration.ofMinutes(1);
    private static final long TICK_MILLIS = 500;

    private final Accounts accounts;
    private final ExportService exports;
    private final StatusService status;
    private final InvoiceStore invoices;
    private final ExportJournal journal;
    private final AccessControl access;
    private final BundleContext context;
    private final Clock clock = Clock.systemUTC();
    private final Map<Long, Queue> queues = new ConcurrentHashMap<>();
    private final AtomicBoolean woken = new AtomicBoolean(true);
    /**
     * The connections that export or refresh by themselves, read again when connections change here, and at least
     * once a minute for changes made at another workstation, rather than at every tick.
     */
    private final AtomicBoolean connectionsChanged = new AtomicBoolean(true);
    private List<Connection> automated = List.of();
    private Instant automatedReadAt = Instant.EPOCH;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("Ledgerport: export on finalize").daemon().factory());

    /** One connection's queue: how often it failed in a row, when it is tried next, and why it did not go. */
    private static final class Queue {
        volatile int attempts;
        volatile Instant nextTry = Instant.EPOCH;
        volatile Instant lastLook = Instant.EPOCH;
        volatile Instant lastRefresh = Instant.EPOCH;
        final Map<Long, String> problems = new ConcurrentHashMap<>();
        /** Invoices the package refused for a reason trying again cannot fix, by the version refused. */
        final Map<Long, Integer> refused = new ConcurrentHashMap<>();
    }

    @Activate
    public AutoExporter(@Reference ConnectorRegistry connectors, @Reference ConnectionStore connections,
            @Reference CredentialStore credentials, @Reference ExportService exports, @Reference StatusService status,
            @Reference InvoiceStore invoices, @Reference ExportJournal journal, @Reference AccessControl access,
            BundleContext context) {
        this.accounts = new Accounts(connectors, connections, credentials);
        this.exports = exports;
        this.status = status;
        this.invoices = invoices;
        this.journal = journal;
        this.access = access;
        this.context = context;
        thread.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        thread.shutdownNow();
        thread.awaitTermination(30, TimeUnit.SECONDS);
    }

    @Override
    public void handleEvent(Event event) {
        if (ConnectionStore.TOPIC_CONNECTIONS_CHANGED.equals(event.getTopic())) {
            // A changed connection (new mappings, settings) may accept what it refused, and a removed one has no
            // queue any more.
            queues.clear();
            connectionsChanged.set(true);
        }
        woken.set(true);
    }

    @Override
    public List<QueuedExport> queued(long connectionId) {
        Connection connection = accounts.connection(connectionId);
        if (!connection.exportsOnFinalize()) {
            return List.of();
        }
        Queue queue = queue(connectionId);
        List<QueuedExport> queued = new ArrayList<>();
        for (Invoice invoice : invoices.loadInvoices(waiting(connectionId, queue))) {
            queued.add(new QueuedExport(invoice.id(), invoice.number(), queue.attempts, queue.nextTry,
                    queue.problems.get(invoice.id())));
        }
        return queued;
    }

    @Override
    public void retryNow(long connectionId) {
        queue(connectionId).nextTry = Instant.EPOCH;
        woken.set(true);
    }

    private Queue queue(long connectionId) {
        return queues.computeIfAbsent(connectionId, id -> new Queue());
    }

    private List<Long> waiting(long connectionId, Queue queue) {
        List<Long> ready = ExportEngine.readyIds(invoices, journal, connectionId);
        if (queue.refused.isEmpty()) {
            return ready;
        }
        Map<Long, Integer> versions = new HashMap<>();
        invoices.loadInvoices(ready).forEach(i -> versions.put(i.id(), i.version()));
        return ready.stream().filter(id -> !Objects.equals(versions.get(id), queue.refused.get(id))).toList();
    }

    private void tick() {
        try {
            boolean look = woken.getAndSet(false);
            Instant now = clock.instant();
            if (connectionsChanged.getAndSet(false) || now.isAfter(automatedReadAt.plus(SAFETY_LOOK))) {
                automated = accounts.automated();
                automatedReadAt = now;
            }
            for (Connection connection : automated) {
                Queue queue = queue(connection.id());
                if (connection.exportsOnFinalize() && !now.isBefore(queue.nextTry)
                        && (look || queue.attempts > 0 || now.isAfter(queue.lastLook.plus(SAFETY_LOOK)))) {
                    queue.lastLook = now;
                    exportQueue(connection, queue);
                }
                if (connection.refreshMinutes() > 0
                        && now.isAfter(queue.lastRefresh.plus(Duration.ofMinutes(connection.refreshMinutes())))) {
                    queue.lastRefresh = now;
                    refresh(connection);
                }
            }
        } catch (RuntimeException e) {
            // The thread must survive whatever one look ran into; the next look tries again.
            System.err.println("Ledgerport: the automatic export could not look at its queues: " + e.getMessage());
        }
    }

    private void exportQueue(Connection connection, Queue queue) {
        List<Long> ids = waiting(connection.id(), queue);
        if (ids.isEmpty()) {
            queue.attempts = 0;
            queue.problems.clear();
            return;
        }
        List<InvoiceResult> results = new ArrayList<>();
        boolean tryAgain;
        try {
            exports.export(new ExportRequest(connection.id(), ids, access.currentUser(), false), new ExportListener() {
                @Override
                public void invoiceDone(InvoiceResult result) {
                    results.add(result);
                }
            });
            // The same problem for every invoice is the package's or the connection's, not the invoices': tried again.
            boolean runWide = results.size() > 1
                    && results.stream().map(AutoExporter::failure).distinct().count() == 1
                    && !failure(results.get(0)).isEmpty();
            tryAgain = runWide;
            for (InvoiceResult result : results) {
                queue.problems.remove(result.invoiceId());
                if (result.outcome() == ExportOutcome.FAILED || result.outcome() == ExportOutcome.UNCONFIRMED) {
                    queue.problems.put(result.invoiceId(), result.reason());
                    if (runWide || result.outcome() == ExportOutcome.UNCONFIRMED
                            || result.problems().stream().anyMatch(p -> p.retryable())) {
                        tryAgain = true;
                    } else {
                        invoices.findInvoice(result.invoiceId()).ifPresent(i -> queue.refused.put(i.id(), i.version()));
                    }
                }
            }
        } catch (RuntimeException e) {
            ids.forEach(id -> queue.problems.put(id, String.valueOf(e.getMessage())));
            tryAgain = true;
        }
        if (tryAgain) {
            queue.attempts++;
            queue.nextTry = clock.instant().plus(pause(queue.attempts));
        } else {
            queue.attempts = 0;
            queue.nextTry = Instant.EPOCH;
        }
    }

    /** The code of the invoice's first problem when it failed, else empty. */
    private static String failure(InvoiceResult result) {
        return result.outcome() == ExportOutcome.FAILED && !result.problems().isEmpty()
                ? result.problems().get(0).code() : "";
    }

    private void refresh(Connection connection) {
        try {
            status.refresh(connection.id(), access.currentUser());
        } catch (RuntimeException e) {
            // A refresh that could not reach the package is tried again at its next turn; the Export view's own
            // refresh reports the reason to the user.
            System.err.println("Ledgerport: the automatic status refresh of '%s' failed: %s"
                    .formatted(connection.name(), e.getMessage()));
        }
    }

    /** Doubles from the first pause with each failure in a row, up to five minutes. */
    private Duration pause(int attempts) {
        String configured = context.getProperty(RETRY_PROPERTY);
        Duration first = configured == null ? FIRST_RETRY : Duration.ofMillis(Long.parseLong(configured.strip()));
        Duration pause = first.multipliedBy(1L << Math.min(attempts - 1, 16));
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }
}
