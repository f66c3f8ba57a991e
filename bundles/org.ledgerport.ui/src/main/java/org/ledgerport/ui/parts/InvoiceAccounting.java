package org.ledgerport.ui.parts;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.eclipse.e4.core.di.annotations.Creatable;
import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.access.Permission;
import org.ledgerport.core.access.Role;
import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.ReferenceEntry;
import org.ledgerport.core.connector.VendorStatus;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.export.ExportState;
import org.ledgerport.core.export.PaymentService;
import org.ledgerport.core.export.RevertPlan;
import org.ledgerport.core.export.RevisionService;
import org.ledgerport.core.export.StatusService;
import org.ledgerport.core.export.VendorState;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.HistoryEntry;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.Payment;
import org.ledgerport.core.model.PaymentDraft;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.InvoiceHistory;

import jakarta.inject.Inject;

/**
 * What happens to an invoice after it was exported, as the editor reads and does it: its history, its state at
 * each accounting package, its payments, reverting it and what the user's role allows. Every method may touch the
 * database or the network: call them from a job, never from the UI thread.
 */
@Creatable
public final class InvoiceAccounting {

    /** The permissions the editor's actions need; the editor asks for them all at once. */
    private static final Set<Permission> ASKED = EnumSet.of(Permission.RECORD_PAYMENTS, Permission.REVERT_EXPORTED);

    private final InvoiceHistory history;
    private final StatusService status;
    private final RevisionService revisions;
    private final PaymentService payments;
    private final AccessControl access;
    private final ConnectionStore connections;
    private final ConnectorRegistry connectors;
    private final CredentialStore credentials;

    @Inject
    public InvoiceAccounting(InvoiceHistory history, StatusService status, RevisionService revisions,
            PaymentService payments, AccessControl access, ConnectionStore connections, ConnectorRegistry connectors,
            CredentialStore credentials) {
        this.history = history;
        this.status = status;
        this.revisions = revisions;
        this.payments = payments;
        this.access = access;
        this.connections = connections;
        this.connectors = connectors;
        this.credentials = credentials;
    }

    /**
     * Where the invoice stands after its export, as one read.
     *
     * @param history        what happened to it, oldest first
     * @param vendorStates   its latest state at each connection the status was pulled from
     * @param packageNames   the accounting package behind each of its connections, by connection id
     * @param payments       the payments recorded here, oldest first
     * @param paymentTargets the connections a payment can be sent to now
     * @param rights         what the user's role allows of the editor's actions
     */
    record Standing(List<HistoryEntry> history, List<VendorState> vendorStates, Map<Long, String> packageNames,
            List<Payment> payments, List<PaymentTarget> paymentTargets, Rights rights) {

        static final Standing NONE = new Standing(List.of(), List.of(), Map.of(), List.of(), List.of(),
                Rights.NOBODY);

        Standing {
            history = List.copyOf(history);
            vendorStates = List.copyOf(vendorStates);
            packageNames = Map.copyOf(packageNames);
            payments = List.copyOf(payments);
            paymentTargets = List.copyOf(paymentTargets);
        }

        /** The accounting package's name behind the connection, as a bookkeeper knows it. */
        String packageName(long connectionId) {
            return packageNames.getOrDefault(connectionId, "the accounting package");
        }

        Optional<VendorState> vendorState(long connectionId) {
            return vendorStates.stream().filter(s -> s.connectionId() == connectionId).findFirst();
        }

        List<VendorState> needingAttention() {
            return vendorStates.stream().filter(VendorState::needsAttention).toList();
        }
    }

    /** A connection the invoice is exported to whose package takes payments from Ledgerport. */
    record PaymentTarget(long connectionId, String connectionName, String packageName) {

        /** How the payment dialog lists it. */
        String label() {
            return connectionName + " (" + packageName + ")";
        }
    }

    /** Who is at the workstation, and which of the editor's actions their role allows. */
    record Rights(String user, Role role, Set<Permission> allowed) {

        static final Rights NOBODY = new Rights("", Role.BILLER, Set.of());

        Rights {
            allowed = Set.copyOf(allowed);
        }

        boolean allows(Permission permission) {
            return allowed.contains(permission);
        }

        /** Why the role does not allow it, naming the role needed; empty when it does. */
        Optional<String> refusal(Permission permission) {
            return allows(permission) ? Optional.empty() : permission.refusal(user, role);
        }
    }

    Standing standing(Invoice invoice, List<ExportState> exports) {
        long id = invoice.id();
        List<VendorState> states = status.vendorStates(List.of(id)).getOrDefault(id, List.of());
        Map<Long, String> packageNames = new HashMap<>();
        Stream.concat(states.stream().map(VendorState::connectionId), exports.stream().map(ExportState::connectionId))
                .distinct().forEach(connectionId -> connectorOf(connectionId).ifPresent(
                        connector -> packageNames.put(connectionId, connector.descriptor().displayName())));
        List<PaymentTarget> targets = new ArrayList<>();
        for (ExportState export : exports) {
            boolean settled = states.stream()
                    .anyMatch(s -> s.connectionId() == export.connectionId() && settled(s.status()));
            if (export.outcome() == ExportOutcome.EXPORTED && !settled) {
                takingPayments(export.connectionId()).ifPresent(targets::add);
            }
        }
        return new Standing(history.history(id), states, packageNames, payments.payments(id), targets, rights());
    }

    private Optional<Connector> connectorOf(long connectionId) {
        return connections.findConnection(connectionId).flatMap(c -> connectors.find(c.connectorId()));
    }

    private Optional<PaymentTarget> takingPayments(long connectionId) {
        return connections.findConnection(connectionId).flatMap(connection -> connectors
                .find(connection.connectorId())
                .filter(connector -> connector.descriptor().capabilities().receivesPayments())
                .map(connector -> new PaymentTarget(connectionId, connection.name(),
                        connector.descriptor().displayName())));
    }

    private Rights rights() {
        String user = access.currentUser();
        Set<Permission> allowed = EnumSet.noneOf(Permission.class);
        for (Permission permission : ASKED) {
            if (access.allows(user, permission)) {
                allowed.add(permission);
            }
        }
        return new Rights(user, access.roleOf(user), allowed);
    }

    RevertPlan planRevert(long invoiceId) {
        return revisions.planRevert(invoiceId, access.currentUser());
    }

    Invoice revert(long invoiceId, int expectedVersion, String newNumber) {
        return revisions.revert(invoiceId, expectedVersion, newNumber, access.currentUser());
    }

    Invoice resolve(VendorState state, int expectedVersion, StatusService.Resolution resolution) {
        return status.resolve(state.invoiceId(), expectedVersion, state.connectionId(), resolution,
                access.currentUser());
    }

    Payment record(PaymentDraft draft) {
        return payments.record(draft, access.currentUser());
    }

    /** Sends the connection's payments that did not arrive yet; the invoice's are among them. */
    List<Payment> sendPending(long connectionId) {
        return payments.sendPending(connectionId, access.currentUser());
    }

    /**
     * The accounts at the connection's package a payment can be deposited into, by name, from the reference data
     * the connector keeps (read from the package when it has none yet).
     *
     * @throws ConnectorException when the package could not be asked, with what to do
     */
    List<ReferenceEntry> depositAccounts(long connectionId) throws ConnectorException {
        Connection connection = connections.findConnection(connectionId).orElseThrow(
                () -> new IllegalStateException("The connection was removed; close this dialog."));
        Connector connector = connectors.find(connection.connectorId()).orElseThrow(
                () -> new IllegalStateException("The connector '" + connection.connectorId()
                        + "' of this connection is not installed; install it or drop it into the dropins folder."));
        try (ConnectorSession session = connector.openSession(
                new ConnectionContext(connection, credentials.forConnection(connection.uid())))) {
            Map<String, ReferenceEntry> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            session.referenceData(false).depositAccounts().stream().filter(ReferenceEntry::active)
                    .forEach(account -> byName.put(account.name() + "\u0000" + account.id(), account));
            return List.copyOf(byName.values());
        }
    }

    /** Whether the vendor state says the invoice is settled there, so nothing more can be paid there. */
    private static boolean settled(VendorStatus status) {
        return status == VendorStatus.PAID || status == VendorStatus.VOIDED || status == VendorStatus.DELETED;
    }
}
