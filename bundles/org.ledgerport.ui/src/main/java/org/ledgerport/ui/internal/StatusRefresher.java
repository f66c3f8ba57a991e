package org.ledgerport.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobFunction;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.ledgerport.core.access.AccessDeniedException;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.export.StatusRefresh;
import org.ledgerport.core.export.StatusService;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.ui.ConnectionStatus;
import org.ledgerport.ui.CurrentUser;

/**
 * Asks the accounting packages what became of the invoices exported to them, on Refresh Status (the connections
 * set to refresh every so many minutes are refreshed by the engine's own background component). The connections
 * are asked one after the other in a job that can be stopped between them; what each said is posted in plain
 * words ({@link #TOPIC}) for the Export view, and the invoices it changed reach the lists through the store. One
 * per workbench, in the application's context.
 */
public final class StatusRefresher {

    /** Posted as a refresh starts, moves on to the next connection and ends; data: an {@link Outcome}. */
    public static final String TOPIC = "org/ledgerport/ui/status/REFRESH";

    /**
     * Where a refresh stands, or what came of it.
     *
     * @param finished         the refresh ended; else {@code lines} says what it is doing
     * @param lines            one sentence per connection asked
     * @param needingAttention invoices the packages voided or deleted on their own, for the user to decide
     */
    public record Outcome(boolean finished, List<String> lines, long needingAttention) {
        public Outcome {
            lines = List.copyOf(lines);
        }
    }

    private final StatusService statuses;
    private final ConnectionStore connections;
    private final ConnectorRegistry connectors;
    private final ConnectionStatus connectionStatus;
    private final CurrentUser user;
    private final IEventBroker events;
    private final AtomicReference<Job> running = new AtomicReference<>();

    public StatusRefresher(StatusService statuses, ConnectionStore connections, ConnectorRegistry connectors,
            ConnectionStatus connectionStatus, CurrentUser user, IEventBroker events) {
        this.statuses = statuses;
        this.connections = connections;
        this.connectors = connectors;
        this.connectionStatus = connectionStatus;
        this.user = user;
        this.events = events;
    }

    /** Whether the connection's package can say what became of exported invoices. */
    public boolean pullsStatus(Connection connection) {
        return connectors.find(connection.connectorId()).map(c -> c.descriptor().capabilities().pullsStatus())
                .orElse(false);
    }

    public boolean running() {
        return running.get() != null;
    }

    /**
     * Refreshes the connections, or every connection whose package reports back when none is named, unless a
     * refresh runs already.
     *
     * @return whether it started
     */
    public boolean refresh(List<Long> connectionIds) {
        List<Long> ids = List.copyOf(connectionIds);
        Job[] job = new Job[1];
        job[0] = Job.create("Refreshing the status", (IJobFunction) monitor -> run(job[0], ids, monitor));
        if (!running.compareAndSet(null, job[0])) {
            return false;
        }
        job[0].setUser(true);
        job[0].schedule();
        return true;
    }

    /** Stops the refresh under way after the connection being asked. */
    public void cancel() {
        Job job = running.get();
        if (job != null) {
            job.cancel();
        }
    }

    private IStatus run(Job job, List<Long> ids, IProgressMonitor monitor) {
        List<String> lines = new ArrayList<>();
        long attention = 0;
        try {
            events.post(TOPIC, new Outcome(false, List.of("Reading your connections\u2026"), 0));
            List<Connection> targets = connections.listConnections().stream()
                    .filter(c -> ids.isEmpty() || ids.contains(c.id())).filter(this::pullsStatus).toList();
            if (targets.isEmpty()) {
                lines.add("None of these connections can say what became of exported invoices: their accounting "
                        + "packages do not report back. Check there whether the invoices were paid.");
            }
            monitor.beginTask("Refreshing the status", targets.size());
            for (int i = 0; i < targets.size(); i++) {
                Connection connection = targets.get(i);
                String where = RefreshWords.where(packageName(connection), connection.name());
                if (monitor.isCanceled()) {
                    lines.add("Stopped before " + where + " was asked.");
                    break;
                }
                monitor.subTask(where);
                events.post(TOPIC, new Outcome(false, List.of("Asking " + where + " what became of the "
                        + "exported invoices" + (targets.size() > 1 ? " (" + (i + 1) + " of " + targets.size() + ")"
                                : "") + "\u2026"), 0));
                try {
                    StatusRefresh refresh = statuses.refresh(connection.id(), user.name());
                    connectionStatus.report(connection.id(), ConnectionStatus.State.CONNECTED, "");
                    lines.add(RefreshWords.refreshed(packageName(connection), refresh));
                    attention += refresh.needingAttention();
                } catch (AccessDeniedException e) {
                    lines.add(e.getMessage());
                    user.reload();
                    break;
                } catch (RuntimeException e) {
                    lines.add(RefreshWords.failed(where, e.getMessage()));
                    // The test says whether it is the sign-in that died, and the status bar shows it.
                    connectionStatus.check(connection);
                }
                monitor.worked(1);
            }
        } catch (RuntimeException e) {
            lines.add("Your connections could not be read from Ledgerport's database: " + e.getMessage()
                    + ". Press Refresh Status (Ctrl+F5) to try again; if it keeps failing, restart Ledgerport.");
        } finally {
            monitor.done();
            running.compareAndSet(job, null);
            events.post(TOPIC, new Outcome(true, lines, attention));
        }
        return Status.OK_STATUS;
    }

    private String packageName(Connection connection) {
        return connectors.find(connection.connectorId()).map(Connector::descriptor).map(d -> d.displayName())
                .orElse(connection.connectorId());
    }
}
