package org.ledgerport.store.derby.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.derby.drda.NetworkServerControl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceRules;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.store.ExportJournal.Attempt;
import org.ledgerport.core.store.ExportJournal.Claim;
import org.ledgerport.core.store.ExportJournal.Confirmation;
import org.ledgerport.store.derby.internal.DerbyConnectionStore;
import org.ledgerport.store.derby.internal.DerbyDatabase;
import org.ledgerport.store.derby.internal.DerbyExportJournal;
import org.ledgerport.store.derby.internal.DerbyInvoiceStore;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

/**
 * Two workstations on one Derby network server: the schema is shared, an invoice another system writes with
 * plain SQL is read like any other, and the journal's claim lets only one of them send an invoice.
 */
class SharedDatabaseTest {

    @TempDir
    static Path serverHome;
    private static NetworkServerControl server;
    private static String url;

    @BeforeAll
    static void startServer() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        server = new NetworkServerControl(InetAddress.getByName("127.0.0.1"), port);
        server.start(new PrintWriter(new StringWriter()));
        for (int i = 0; i < 100; i++) {
            try {
                server.ping();
                break;
            } catch (Exception notYet) {
                Thread.sleep(100);
            }
        }
        url = "jdbc:derby://127.0.0.1:" + port + "/" + serverHome.resolve("ledgerport").toAbsolutePath();
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.shutdown();
    }

    private record Workstation(DerbyDatabase database, DerbyInvoiceStore invoices, DerbyExportJournal journal) {
        static Workstation open() {
            DerbyDatabase database = DerbyDatabase.network(url);
            return new Workstation(database, new DerbyInvoiceStore(database), new DerbyExportJournal(database));
        }
    }

    @Test
    void twoWorkstationsNeverClaimTheSameInvoice() throws Exception {
        Workstation first = Workstation.open();
        Workstation second = Workstation.open();
        assertTrue(first.journal().shared(), "a network database is shared");
        Firm firm = new Firm(first.invoices(), "NS");
        var customer = firm.customer("Shared & Co");
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            invoices.add(firm.finalized(customer, "10.00"));
        }
        // Roles are checked in the workstation's own database, where the test's user is an owner.
        Connection connection = new DerbyConnectionStore(first.database(), Osgi.service(AccessControl.class))
                .createConnection(Books.owner(), "scripted", Firm.unique("Shared company"), Map.of(), Map.of(),
                        NumberingPolicy.OURS);
        long runA = first.journal().startRun(connection.id(), "anna", "desk-a", "engine-a", 40, false);
        long runB = second.journal().startRun(connection.id(), "ben", "desk-b", "engine-b", 40, false);

        ConcurrentLinkedQueue<Attempt> claimed = new ConcurrentLinkedQueue<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (var ws : List.of(Map.entry(first, runA), Map.entry(second, runB))) {
            done.add(pool.submit(() -> {
                go.await();
                for (Invoice invoice : invoices) {
                    claimed.addAll(ws.getKey().journal().claim(ws.getValue(), connection.id(),
                            List.of(new Claim(invoice, "LP-" + invoice.id(), "k"))));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertEquals(40, claimed.size(), "each invoice claimed exactly once between the two");
        assertEquals(40, claimed.stream().mapToLong(Attempt::invoiceId).distinct().count());

        Attempt attempt = claimed.peek();
        Invoice invoice = invoices.stream().filter(i -> i.id() == attempt.invoiceId()).findFirst().orElseThrow();
        Workstation owner = attempt.runId() == runA ? first : second;
        Workstation other = owner == first ? second : first;
        assertEquals(List.of(true), owner.journal().confirm(List.of(new Confirmation(attempt,
                new ExternalInvoice("X1", invoice.number(), invoice.issueDate(), "0", "")))));
        assertEquals(List.of(), other.journal().claim(attempt.runId() == runA ? runB : runA, connection.id(),
                List.of(new Claim(invoice, "LP-" + invoice.id(), "k"))), "an exported invoice is not claimed again");
        assertEquals(InvoiceStatus.EXPORTED, other.invoices().findInvoice(invoice.id()).orElseThrow().status());
        assertEquals(39, other.journal().openAttempts(connection.id()).size());
        assertFalse(other.journal().openAttempts(connection.id()).get(0).runFinished());
    }

    @Test
    void anInvoiceWrittenWithPlainSqlByAnotherSystemIsReadLikeAnyOther() throws Exception {
        Workstation workstation = Workstation.open();
        Firm firm = new Firm(workstation.invoices(), "SQ");
        var customer = firm.customer("Billing System Client");
        String number = firm.number();
        long id = workstation.database().write(null, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO invoice (number, customer_id, issue_date, "
                    + "due_date, currency, memo, status, version) VALUES (?, ?, ?, ?, 'EUR', 'from billing', "
                    + "'FINALIZED', 1)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, number);
                insert.setLong(2, customer.id());
                insert.setDate(3, Date.valueOf(LocalDate.of(2026, 9, 1)));
                insert.setDate(4, Date.valueOf(LocalDate.of(2026, 9, 30)));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    long invoiceId = keys.getLong(1);
                    try (PreparedStatement line = c.prepareStatement("INSERT INTO invoice_line (invoice_id, line_no, "
                            + "description, quantity, unit_price, amount, tax_code) VALUES (?, 1, 'Hosting', 3, 19.99, "
                            + "59.97, ?)")) {
                        line.setLong(1, invoiceId);
                        line.setString(2, Firm.STANDARD.code());
                        line.executeUpdate();
                    }
                    return invoiceId;
                }
            }
        });

        Invoice read = workstation.invoices().findInvoiceByNumber(number).orElseThrow();
        assertEquals(id, read.id());
        assertEquals(InvoiceStatus.FINALIZED, read.status());
        assertEquals(Money.of("59.97", "EUR"), read.net());
        assertEquals(new BigDecimal("3"), read.lines().get(0).quantity());
        assertEquals("", read.lines().get(0).itemCode(), "columns the other system left out take their defaults");
        assertEquals(List.of(), InvoiceRules.check(read, customer, Map.of(Firm.STANDARD.code(), Firm.STANDARD), Map.of()));
        assertTrue(workstation.invoices().invoiceIds(InvoiceStatus.FINALIZED).contains(id), "ready for export");
    }
}
