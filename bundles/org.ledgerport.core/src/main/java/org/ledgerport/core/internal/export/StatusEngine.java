package org.ledgerport.core.internal.export;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.access.Permission;
import org.ledgerport.core.connector.ConnectorDescriptor;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.StatusChange;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.export.ExportException;
import org.ledgerport.core.export.StatusRefresh;
import org.ledgerport.core.export.StatusService;
import org.ledgerport.core.export.VendorState;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.HistoryEntry;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.store.Activity;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.ProcessLog;
import org.ledgerport.core.store.StatusJournal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Pulls status changes from the packages and applies them by {@link VendorNews}' rules. */
@Component(service = StatusService.class)
public final class StatusEngine implements StatusService {

    /**
     * How far back each pull reaches before the last one ended: the packages stamp changes by their own clocks, and
     * Xero's If-Modified-Since counts whole seconds. Changes seen twice are recognised and count as unchanged.
     */
    static final Duration OVERLAP = Duration.ofMinutes(5);
    /** The first pull of a connection reaches back as far as QuickBooks' change data capture does. */
    static final Duration FIRST_PULL = Duration.ofDays(30);

    private final Accounts accounts;
    private final InvoiceStore invoices;
    private final StatusJournal statusJournal;
    private final ProcessLog processLog;
    private final AccessControl access;
    private final VendorNews news;
    private final Clock clock = Clock.systemUTC();
    /** One refresh per connection at a time in this process, so the same news is not applied twice at once. */
    private final Map<Long, ReentrantLock> refreshing = new ConcurrentHashMap<>();

    @Activate
    public StatusEngine(@Reference ConnectorRegistry connectors, @Reference ConnectionStore connections,
            @Reference CredentialStore credentials, @Reference InvoiceStore invoices,
            @Reference StatusJournal statusJournal, @Reference ProcessLog processLog, @Reference AccessControl access) {
        this.accounts = new Accounts(connectors, connections, credentials);
        this.invoices = invoices;
        this.statusJournal = statusJournal;
        this.processLog = processLog;
        this.access = access;
        this.news = new VendorNews(invoices, statusJournal);
    }

    @Override
    public StatusRefresh refresh(long connectionId, String user) {
        access.check(user, Permission.REFRESH_STATUS);
        Connection connection = accounts.connection(connectionId);
        ReentrantLock lock = refreshing.computeIfAbsent(connectionId, id -> new ReentrantLock());
        lock.lock();
        StatusRefresh refresh;
        try {
            refresh = pull(connection);
        } finally {
            lock.unlock();
        }
        // A refresh that found nothing new changes nothing, so only one that did is kept in the process log.
        if (!refresh.updates().isEmpty()) {
            processLog.record(new Activity(0, clock.instant(), user, "", Activity.Kind.STATUS_REFRESH,
                    connection.name(), "", summary(refresh)));
        }
        return refresh;
    }

    private StatusRefresh pull(Connection connection) {
        ConnectorDescriptor descriptor = accounts.connector(connection).descriptor();
        if (!descriptor.capabilities().pullsStatus()) {
            throw new ExportException(("%s does not report invoices' status back to Ledgerport; look at the invoices "
                    + "there.").formatted(descriptor.displayName()));
        }
        Instant startedAt = clock.instant();
        Instant since = statusJournal.lastPull(connection.id()).map(last -> last.minus(OVERLAP))
                .orElse(startedAt.minus(FIRST_PULL));
        List<StatusChange> changes;
        try (ConnectorSession session = accounts.open(connection)) {
            changes = session.statusChangesSince(since);
        } catch (ConnectorException e) {
            throw new ExportException(e.problem());
        }
        VendorNews.Applied applied = news.apply(connection, accounts.source(connection), changes, startedAt);
        return new StatusRefresh(connection.id(), connection.name(), since, startedAt, applied.updates(),
                applied.unchanged());
    }

    private static String summary(StatusRefresh refresh) {
        List<String> lines = refresh.updates().stream().map(u -> u.invoiceNumber() + ": " + u.text()).toList();
        return "Status refreshed: " + String.join(" ", lines);
    }

    @Override
    public Map<Long, List<VendorState>> vendorStates(Collection<Long> invoiceIds) {
        return statusJournal.vendorStates(invoiceIds);
    }

    @Override
    public List<VendorState> needingAttention() {
        return statusJournal.needingAttention();
    }

    @Override
    public Invoice resolve(long invoiceId, int expectedVersion, long connectionId, Resolution resolution, String user) {
        access.check(user, Permission.REVERT_EXPORTED);
        Connection connection = accounts.connection(connectionId);
        Invoice invoice = invoices.findInvoice(invoiceId)
                .orElseThrow(() -> new IllegalArgumentException("Invoice #%d is not in the database.".formatted(invoiceId)));
        VendorState state = statusJournal.vendorStates(List.of(invoiceId)).getOrDefault(invoiceId, List.of()).stream()
                .filter(s -> s.connectionId() == connectionId && s.needsAttention()).findFirst()
                .orElseThrow(() -> new IllegalStateException(("Invoice %s has nothing waiting for a decision at %s.")
                        .formatted(invoice.number(), connection.name())));
        String what = state.status().name().toLowerCase();
        String text = resolution == Resolution.DRAFT
                ? "%s decided: the invoice %s in %s becomes a draft here, to be corrected and exported again."
                        .formatted(user, what, connection.name())
                : "%s decided: the invoice %s in %s is voided here too.".formatted(user, what, connection.name());
        Invoice resolved = statusJournal.resolve(connectionId, invoiceId, expectedVersion,
                resolution == Resolution.DRAFT ? InvoiceStatus.DRAFT : InvoiceStatus.VOID,
                new HistoryEntry(invoiceId, clock.instant(), HistoryEntry.Kind.PROBLEM_RESOLVED, HistoryEntry.LEDGERPORT,
                        user, text));
        processLog.record(new Activity(0, clock.instant(), user, "", Activity.Kind.VENDOR_PROBLEM, connection.name(),
                invoice.number(), text));
        return resolved;
    }
}
