package org.ledgerport.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.cli.internal.CommandLine.run;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ledgerport.cli.internal.CommandLine.Result;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.simulator.quickbooks.CompanySetup;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

/** From the command line: add a QuickBooks Online connection, sign it in through the browser, export to it. */
class QuickBooksCommandLineTest {

    @Test
    void connectsThroughTheBrowserAndExportsInvoices() throws Exception {
        try (QuickBooksCompany quickBooks = QuickBooksCompany.start(
                CompanySetup.uk("123146000000001", "Harbour Trading Ltd").withMultiCurrency(true))) {
            String name = Firm.unique("QuickBooks UK");
            Result added = quickBooks.add(name);
            assertEquals(ExitCode.SUCCESS, added.exitCode(), added::toString);
            assertTrue(added.out().contains("ledgerport-cli connections connect"), added::toString);

            Result connected = quickBooks.connect(name);
            assertEquals(ExitCode.SUCCESS, connected.exitCode(), connected::toString);
            assertTrue(connected.out().contains("Connected '" + name + "' to QuickBooks Online: Harbour Trading Ltd"),
                    connected::toString);
            Connection connection = Osgi.service(ConnectionStore.class).findConnectionByName(name).orElseThrow();
            assertEquals("123146000000001", connection.setting("realmId", ""));

            Firm firm = new Firm(Osgi.service(InvoiceStore.class), "CLIQB");
            Customer customer = firm.customer("Quayside Café");
            List<Invoice> invoices = List.of(firm.finalized(customer, "120.00"), firm.finalized(customer, "80.00"));
            Result exported = run("export", "--connection", name, "--invoice", invoices.get(0).number(),
                    "--invoice", invoices.get(1).number());

            assertEquals(ExitCode.SUCCESS, exported.exitCode(), exported::toString);
            assertEquals(2, quickBooks.company().invoices().size(), "each invoice is in QuickBooks once");
            invoices.forEach(quickBooks::invoiceOf);
        }
    }
}
