package org.ledgerport.store.derby.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.ledgerport.core.access.Role;
import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.export.RunOutcome;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.ExportJournal;
import org.ledgerport.core.store.ExportJournal.Attempt;
import org.ledgerport.core.store.ExportJournal.Claim;
import org.ledgerport.core.store.ExportJournal.Confirmation;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.UserRoles;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

/**
 * The workstation's books after an export, through the store's services: the OS user as the owner, connections,
 * and invoices exported through the journal as the export engine does it.
 */
final class Books {

    private Books() {
    }

    /** The user running the tests, made an owner of the workstation's database. */
    static String owner() throws InterruptedException {
        String user = System.getProperty("user.name");
        Osgi.service(UserRoles.class).assign(user, Role.OWNER);
        return user;
    }

    static Connection connection(String name) throws InterruptedException {
        return Osgi.service(ConnectionStore.class).createConnection(owner(), "scripted", Firm.unique(name), Map.of(),
                Map.of(), NumberingPolicy.OURS);
    }

    /** Finalizes and exports a new invoice to the connection, where it gets the vendor's number given. */
    static Invoice exported(Firm firm, Customer customer, Connection connection, String vendorNumber)
            throws InterruptedException {
        Invoice finalized = firm.finalized(customer, "100.00");
        ExportJournal journal = Osgi.service(ExportJournal.class);
        long run = journal.startRun(connection.id(), owner(), "test desk", "test engine", 1, false);
        List<Attempt> attempts = journal.claim(run, connection.id(), List.of(new Claim(finalized,
                "LP-" + finalized.id(), connection.uid() + "/" + finalized.id())));
        assertEquals(List.of(true), journal.confirm(List.of(new Confirmation(attempts.get(0), new ExternalInvoice(
                "ext-" + finalized.id(), vendorNumber, finalized.issueDate(), "0", "")))));
        journal.finishRun(run, RunOutcome.COMPLETED);
        Invoice exported = Osgi.service(InvoiceStore.class).findInvoice(finalized.id()).orElseThrow();
        assertEquals(InvoiceStatus.EXPORTED, exported.status());
        return exported;
    }
}
