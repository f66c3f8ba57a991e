package org.ledgerport.connector.file.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.connector.file.tests.Fixtures.GBP;
import static org.ledgerport.connector.file.tests.Fixtures.USD;
import static org.ledgerport.connector.file.tests.Fixtures.created;
import static org.ledgerport.connector.file.tests.Fixtures.customer;
import static org.ledgerport.connector.file.tests.Fixtures.files;
import static org.ledgerport.connector.file.tests.Fixtures.outgoing;
import static org.ledgerport.connector.file.tests.Fixtures.push;
import static org.ledgerport.connector.file.tests.Fixtures.sampleInvoice;
import static org.ledgerport.connector.file.tests.Fixtures.with;
import static org.ledgerport.connector.file.tests.Fixtures.xeroMappings;
import static org.ledgerport.connector.file.tests.Fixtures.xeroSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.connector.PushResult;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.NumberingPolicy;

/** Who numbers the invoices in a file: the connection's policy decides, and the folder keeps the sequence. */
class NumberingTest {

    private final Customer customer = customer(7, "O'Keefe & Søn Ltd", GBP);

    @TempDir
    Path folder;

    @Test
    void numbersInvoicesFromASequenceThatCarriesOnInTheNextSession() throws Exception {
        Connection connection = connection(xeroSettings(folder), NumberingPolicy.VENDOR_ASSIGNS);

        List<PushResult> first = push(connection, invoice(1), invoice(2));
        List<PushResult> second = push(connection, invoice(3));

        assertEquals("INV-0001", created(first, "LP-1").external().number());
        assertEquals("INV-0002", created(first, "LP-2").external().number());
        assertEquals("INV-0003", created(second, "LP-3").external().number(), "a new session carries on");
        List<String> written = new ArrayList<>();
        for (Path file : files(folder, ".csv")) {
            XeroCsvFileTest.rows(file).stream().skip(1).map(row -> row[10]).distinct().forEach(written::add);
        }
        assertEquals(List.of("INV-0001", "INV-0002", "INV-0003"), written, "the numbers are the ones in the files");
        assertTrue(files(folder, ".csv").get(0).getFileName().toString().startsWith("xero-invoices-"));
        assertTrue(files(folder, ".csv").get(0).getFileName().toString().endsWith("-INV-0001.csv"),
                "a file is named after its first invoice: " + files(folder, ".csv"));
    }

    @Test
    void startsTheSequenceAtTheFirstNumberAndJumpsForwardWhenItIsRaised() throws Exception {
        Map<String, String> settings = with(xeroSettings(folder), "numberPrefix", "SI/", "firstNumber", "250");
        assertEquals("SI/0250", created(push(connection(settings, NumberingPolicy.VENDOR_ASSIGNS), invoice(1)),
                "LP-1").external().number());
        assertEquals("SI/0251", created(push(connection(settings, NumberingPolicy.VENDOR_ASSIGNS), invoice(2)),
                "LP-2").external().number());

        Map<String, String> raised = with(settings, "firstNumber", "10000");
        assertEquals("SI/10000", created(push(connection(raised, NumberingPolicy.VENDOR_ASSIGNS), invoice(3)),
                "LP-3").external().number(), "raising the first number skips ahead; digits grow past four");
        assertEquals("SI/10001", created(push(connection(settings, NumberingPolicy.VENDOR_ASSIGNS), invoice(4)),
                "LP-4").external().number(), "lowering it again never goes back");
        assertEquals(4, files(folder, ".csv").size(), "the slash in the prefix did not end up in a file name");
    }

    @Test
    void sendsTheNumberTheEngineGivesWhenOurNumbersAreUsed() throws Exception {
        Connection connection = connection(xeroSettings(folder), NumberingPolicy.OURS);

        List<PushResult> results = push(connection, outgoing(sampleInvoice(1, "2026-0042", customer), customer,
                "2026-0042"));

        assertEquals("2026-0042", created(results, "LP-1").external().number());
        assertEquals("2026-0042", XeroCsvFileTest.rows(files(folder, ".csv").get(0)).get(1)[10]);
        assertTrue(files(folder, "sequence").isEmpty(), "no sequence is kept when nothing is numbered here");
    }

    @Test
    void twoSessionsWritingTheSameFolderAtOnceNeverShareANumber() throws Exception {
        Connection connection = connection(xeroSettings(folder), NumberingPolicy.VENDOR_ASSIGNS);
        int perSession = 15;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (ConnectorSession one = Fixtures.connector().openSession(Fixtures.context(connection));
                ConnectorSession two = Fixtures.connector().openSession(Fixtures.context(connection))) {
            List<Future<List<String>>> numbers = List.of(pool.submit(exporter(one, 100, perSession)),
                    pool.submit(exporter(two, 200, perSession)));
            List<String> all = new ArrayList<>();
            for (Future<List<String>> session : numbers) {
                all.addAll(session.get());
            }
            assertEquals(2 * perSession, new HashSet<>(all).size(), "every number once: " + all);
            assertEquals(2 * perSession, files(folder, ".csv").size(), "one file per batch");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keepsTheSequenceInTheFolderWhateverTheLayout() throws Exception {
        Customer american = customer(8, "Acme Tool & Die", USD);
        Connection iif = Fixtures.connection(Fixtures.iifSettings(folder), Fixtures.iifMappings(),
                NumberingPolicy.VENDOR_ASSIGNS);

        List<PushResult> results = push(iif, outgoing(sampleInvoice(1, "A-1", american), american, ""));

        assertEquals("INV-0001", created(results, "LP-1").external().number());
        assertEquals("INV-0001", IifFileTest.rows(files(folder, ".iif").get(0)).get(3).get(7), "DOCNUM");
        assertEquals(1, files(folder, "sequence").size());
    }

    private Callable<List<String>> exporter(ConnectorSession session, int firstId, int batches) {
        return () -> {
            List<String> numbers = new ArrayList<>();
            for (int id = firstId; id < firstId + batches; id++) {
                numbers.add(created(session.push(List.of(invoice(id))), "LP-" + id).external().number());
            }
            return numbers;
        };
    }

    private Connection connection(Map<String, String> settings, NumberingPolicy numbering) {
        return Fixtures.connection(settings, xeroMappings(), numbering);
    }

    private OutgoingInvoice invoice(long id) {
        return outgoing(sampleInvoice(id, "L-" + id, customer), customer, "");
    }
}
