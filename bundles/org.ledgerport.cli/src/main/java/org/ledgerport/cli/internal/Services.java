package org.ledgerport.cli.internal;

import java.util.Objects;
import java.util.Optional;

import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.connector.ConnectorRegistry;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.export.ExportService;
import org.ledgerport.core.export.PaymentService;
import org.ledgerport.core.export.RevisionService;
import org.ledgerport.core.export.StatusService;
import org.ledgerport.core.importing.InvoiceImporter;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.ProcessLog;

/**
 * The workstation's own services, which the commands work with: the same database, engine and connectors. The
 * application takes them from the framework ({@link FrameworkServices}); tests pass them too.
 *
 * @param access who the user is and what their role lets them do; every change is made in their name
 * @param demo   the demo firm, when the demo bundle is installed
 */
record Services(InvoiceStore invoices, ConnectionStore connections, CredentialStore credentials,
        ConnectorRegistry connectors, ExportService exports, StatusService status, RevisionService revisions,
        PaymentService payments, AccessControl access, ProcessLog processLog, InvoiceImporter importer,
        Optional<DemoLoader> demo) {

    Services {
        Objects.requireNonNull(invoices, "invoices");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(connectors, "connectors");
        Objects.requireNonNull(exports, "exports");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(revisions, "revisions");
        Objects.requireNonNull(payments, "payments");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(processLog, "processLog");
        Objects.requireNonNull(importer, "importer");
        Objects.requireNonNull(demo, "demo");
    }

    /** The user the command acts for, as the process log and the role checks know them. */
    String user() {
        return access.currentUser();
    }
}
