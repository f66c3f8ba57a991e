package org.ledgerport.ui;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Problem;

/**
 * The connection the workstation works with and what is known of every connection's sign-in, as the status
 * bar, the Export view and the Connections view show it. One per workbench, kept in the application's context;
 * every change is posted as {@link UiTopics#CONNECTION_STATE} or {@link UiTopics#ACTIVE_CONNECTION}.
 */
public final class ConnectionStatus {

    /** The code of the problem a connector reports when its sign-in died. */
    public static final String RECONNECT_NEEDED_CODE = "connection.reconnect-needed";

    /** What is known of a connection's sign-in. */
    public enum State {
        UNKNOWN("Not checked yet"),
        CHECKING("Checking\u2026"),
        CONNECTED("Connected"),
        RECONNECT_NEEDED("Reconnect needed"),
        /** Signed in, but a setting is wrong or missing (an organisation to choose, say). */
        SETTINGS_NEEDED("Check its settings"),
        UNREACHABLE("Cannot be reached");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A connection's state, with the reason in the user's words when it is not connected. */
    public record Report(long connectionId, State state, String detail) {
        public Report {
            detail = detail == null ? "" : detail;
        }
    }

    private final ConnectorRegistry connectors;
    private final CredentialStore credentials;
    private final IEventBroker events;
    private final Map<Long, Report> reports = new ConcurrentHashMap<>();
    private final AtomicReference<Connection> active = new AtomicReference<>();

    public ConnectionStatus(ConnectorRegistry connectors, CredentialStore credentials, IEventBroker events) {
        this.connectors = connectors;
        this.credentials = credentials;
        this.events = events;
    }

    public Optional<Connection> active() {
        return Optional.ofNullable(active.get());
    }

    /** Makes this the connection the workstation works with, and checks it when its state is not known yet. */
    public void activate(Connection connection) {
        Connection previous = active.getAndSet(connection);
        if (previous == null || previous.id() != connection.id() || previous.version() != connection.version()) {
            events.post(UiTopics.ACTIVE_CONNECTION, connection.id());
        }
        if (state(connection.id()) == State.UNKNOWN) {
            check(connection);
        }
    }

    /** Forgets a removed connection. */
    public void forget(long connectionId) {
        reports.remove(connectionId);
        Connection current = active.get();
        if (current != null && current.id() == connectionId && active.compareAndSet(current, null)) {
            events.post(UiTopics.ACTIVE_CONNECTION, -1L);
        }
    }

    public State state(long connectionId) {
        return report(connectionId).state();
    }

    public Report report(long connectionId) {
        return reports.getOrDefault(connectionId, new Report(connectionId, State.UNKNOWN, ""));
    }

    public void report(long connectionId, State state, String detail) {
        Report report = new Report(connectionId, state, detail);
        if (!report.equals(reports.put(connectionId, report))) {
            events.post(UiTopics.CONNECTION_STATE, report);
        }
    }

    /** Reports what a connector's problem says of the connection: its sign-in no longer works, or it is unreachable. */
    public void report(long connectionId, Problem problem) {
        State state = switch (problem.code()) {
            case RECONNECT_NEEDED_CODE, "connection.not-connected", "connection.sign-in-failed" -> State.RECONNECT_NEEDED;
            default -> problem.code().startsWith("connection.") ? State.SETTINGS_NEEDED : State.UNREACHABLE;
        };
        report(connectionId, state, problem.message());
    }

    /** Tests the connection in the background (it may take the network) and reports what came of it. */
    public void check(Connection connection) {
        Optional<Connector> connector = connectors.find(connection.connectorId());
        if (connector.isEmpty()) {
            report(connection.id(), State.UNREACHABLE, "Its connector '" + connection.connectorId()
                    + "' is not installed. Install it or drop it into the dropins folder.");
            return;
        }
        report(connection.id(), State.CHECKING, "");
        Job job = Job.create("Checking the connection " + connection.name(), monitor -> {
            try {
                connector.get().test(new ConnectionContext(connection, credentials.forConnection(connection.uid())));
                report(connection.id(), State.CONNECTED, "");
            } catch (ConnectorException e) {
                report(connection.id(), e.problem());
            } catch (RuntimeException e) {
                report(connection.id(), State.UNREACHABLE, "The connection could not be checked (" + e.getMessage()
                        + "). Test it from the Connections view; if that fails too, remove and add it again.");
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }
}
