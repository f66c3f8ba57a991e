package org.ledgerport.connector.file.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.connector.file.tests.Fixtures.GBP;
import static org.ledgerport.connector.file.tests.Fixtures.USD;
import static org.ledgerport.connector.file.tests.Fixtures.connector;
import static org.ledgerport.connector.file.tests.Fixtures.context;
import static org.ledgerport.connector.file.tests.Fixtures.created;
import static org.ledgerport.connector.file.tests.Fixtures.customer;
import static org.ledgerport.connector.file.tests.Fixtures.files;
import static org.ledgerport.connector.file.tests.Fixtures.outgoing;
import static org.ledgerport.connector.file.tests.Fixtures.push;
import static org.ledgerport.connector.file.tests.Fixtures.sampleInvoice;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.connector.PushResult;
import org.ledgerport.core.connector.Resolution;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NumberingPolicy;

/**
 * What the engine's promises rest on: a file in the folder is complete, a failed write leaves nothing, and an
 * invoice written before a crash is found again by its reference.
 */
class ExportFolderTest {

    private final Customer customer = customer(7, "O'Keefe & Søn Ltd", GBP);
    private final Customer american = customer(8, "Acme Tool & Die", USD);

    @TempDir
    Path folder;

    @Test
    void findsAWrittenInvoiceByItsReferenceInTheFilesOfItsLayout() throws Exception {
        Connection xero = connection(Fixtures.xeroSettings(folder), Fixtures.xeroMappings());
        Connection iif = Fixtures.connection(Fixtures.iifSettings(folder), Fixtures.iifMappings(),
                NumberingPolicy.VENDOR_ASSIGNS);
        push(xero, invoice(1, customer), invoice(2, customer));
        List<PushResult> xeroResults = push(xero, invoice(3, customer), invoice(4, customer));
        List<PushResult> iifResults = push(iif, invoice(3, american), invoice(4, american));

        try (ConnectorSession xeroSession = connector().openSession(context(xero));
                ConnectorSession iifSession = connector().openSession(context(iif))) {
            Optional<ExternalInvoice> inXero = xeroSession.findByReference("LP-4");
            assertEquals(Optional.of(created(xeroResults, "LP-4").external()), inXero,
                    "found in the second file, exactly as the push reported it");
            assertTrue(inXero.orElseThrow().location().endsWith("rows 7-11"), inXero.orElseThrow().location());
            assertEquals(Optional.of(created(iifResults, "LP-4").external()), iifSession.findByReference("LP-4"));
            assertEquals(Optional.empty(), xeroSession.findByReference("LP-99"), "an unknown reference");
            assertEquals(Optional.empty(), xeroSession.findByReference("LP-"), "only the exact reference");
            assertEquals(Optional.empty(), iifSession.findByReference("LP-1"),
                    "only this layout's files, though the Xero file in the same folder has it");
        }
    }

    @Test
    void leavesNoTemporaryFileAndClearsAwayWhatACrashLeft() throws Exception {
        Connection connection = connection(Fixtures.xeroSettings(folder), Fixtures.xeroMappings());
        connector().connect(context(connection), null);
        Path crashed = folder.resolve(".ledgerport-4a1f.tmp");
        Files.writeString(crashed, "*ContactName,EmailAddress,POAddr", StandardCharsets.UTF_8);
        try (ConnectorSession session = connector().openSession(context(connection))) {
            assertEquals(Optional.empty(), session.findByReference("LP-1"), "a half file is never read");
        }

        push(connection, invoice(1, customer));
        push(connection, invoice(2, customer));

        assertFalse(Files.exists(crashed), "the next writer removed the half file");
        try (Stream<Path> all = Files.list(folder)) {
            List<String> names = all.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(4, names.size(), "two export files, the lock and the sequence: " + names);
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".tmp")), names.toString());
            assertTrue(names.containsAll(List.of(".ledgerport-lock", ".ledgerport-sequence")), names.toString());
        }
    }

    @Test
    void aWriteThatFailsThrowsARetryableProblemAndLeavesNoFile() throws Exception {
        Connection connection = connection(Fixtures.xeroSettings(folder), Fixtures.xeroMappings());
        connector().connect(context(connection), null);
        push(connection, invoice(1, customer));
        Path sequence = folder.resolve(".ledgerport-sequence");
        Files.writeString(sequence, "next=twelve\n", StandardCharsets.US_ASCII);

        ConnectorException failure = assertThrows(ConnectorException.class,
                () -> push(connection, invoice(2, customer)));

        assertEquals("file.write.failed", failure.problem().code());
        assertTrue(failure.problem().retryable(), "trying again once the folder is right can help");
        assertFalse(failure.mayHaveReachedVendor(), "nothing reached the folder");
        assertTrue(failure.problem().message().contains(folder.toString()), failure.problem().message());
        assertEquals(1, files(folder, ".csv").size(), "no second file");
        assertTrue(files(folder, ".tmp").isEmpty(), "no temporary file");
    }

    @Test
    void aFolderThatIsGoneFailsThePushAndTheLookUpWithoutWritingAnything() throws Exception {
        Path gone = folder.resolve("exports");
        Connection connection = connection(Fixtures.xeroSettings(gone), Fixtures.xeroMappings());
        connector().connect(context(connection), null);
        Files.delete(gone);
        Files.writeString(gone, "not a folder");

        try (ConnectorSession session = connector().openSession(context(connection))) {
            ConnectorException push = assertThrows(ConnectorException.class,
                    () -> session.push(List.of(invoice(1, customer))));
            assertEquals("file.write.failed", push.problem().code());
            assertFalse(push.mayHaveReachedVendor());
            ConnectorException lookUp = assertThrows(ConnectorException.class, () -> session.findByReference("LP-1"));
            assertEquals("file.read.failed", lookUp.problem().code());
            assertTrue(lookUp.problem().retryable());
        }
        assertEquals("not a folder", Files.readString(gone));
    }

    @Test
    void cannotTakeAnInvoiceBackAndNamesTheStepsInThePackage() throws Exception {
        Connection connection = connection(Fixtures.xeroSettings(folder), Fixtures.xeroMappings());
        ExternalInvoice written = created(push(connection, invoice(1, customer)), "LP-1").external();

        try (ConnectorSession session = connector().openSession(context(connection))) {
            ConnectorException plan = assertThrows(ConnectorException.class, () -> session.planWithdrawal(written));
            assertEquals("file.withdraw.unsupported", plan.problem().code(), "refused already when planned");
            ConnectorException refusal = assertThrows(ConnectorException.class, () -> session.withdraw(written));
            assertEquals("file.withdraw.unsupported", refusal.problem().code());
            assertFalse(refusal.problem().retryable());
            String message = refusal.problem().message();
            assertTrue(message.contains(written.location()), "says which file and rows: " + message);
            assertTrue(message.contains("void or delete invoice INV-0001 in Xero"), message);
        }
        assertEquals(1, files(folder, ".csv").size(), "the file is left as it was");
    }

    @Test
    void hasNoReferenceDataNoStatusAndMatchesByNameAndCode() throws Exception {
        Map<MappingKind, Map<String, String>> mappings = Map.of(MappingKind.ITEM, Map.of("GUIDE", "BK-FIELD"));
        Connection connection = connection(Fixtures.xeroSettings(folder), mappings);
        Customer cafe = customer(8, "Zoë's Café & Bar", GBP);
        Customer tooLong = customer(9, "A".repeat(256), GBP);
        Item other = new Item(3, "STRAP", "Strap", Money.of("5.00", "GBP"), "", "");

        try (ConnectorSession session = connector().openSession(context(connection))) {
            assertTrue(session.referenceData(true).taxCodes().isEmpty());
            assertTrue(session.referenceData(false).accounts().isEmpty());
            assertEquals(List.of(), session.statusChangesSince(Instant.EPOCH));

            Resolution<Long> customers = session.resolveCustomers(List.of(customer, cafe, tooLong));
            assertEquals(Map.of(7L, "O'Keefe & Søn Ltd", 8L, "Zoë's Café & Bar"), customers.resolved());
            assertEquals("xero.contactName.tooLong", customers.failed().get(9L).code());
            assertEquals(0, customers.created(), "nothing is created before the file is imported");

            Resolution<String> items = session.resolveItems(List.of(Fixtures.CONSULTING, Fixtures.GUIDE, other));
            assertEquals(Map.of("CONSULT", "CONSULT", "GUIDE", "BK-FIELD", "STRAP", "STRAP"), items.resolved());
            assertEquals(0, items.created());
        }
        assertTrue(files(folder, "").isEmpty(), "looking things up wrote nothing");
    }

    private Connection connection(Map<String, String> settings, Map<MappingKind, Map<String, String>> mappings) {
        return Fixtures.connection(settings, mappings, NumberingPolicy.VENDOR_ASSIGNS);
    }

    private static OutgoingInvoice invoice(long id, Customer customer) {
        return outgoing(sampleInvoice(id, "L-" + id, customer), customer, "");
    }
}
