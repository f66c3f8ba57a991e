package org.ledgerport.connector.file.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.connector.file.tests.Fixtures.CONSULTING;
import static org.ledgerport.connector.file.tests.Fixtures.GBP;
import static org.ledgerport.connector.file.tests.Fixtures.GUIDE;
import static org.ledgerport.connector.file.tests.Fixtures.USD;
import static org.ledgerport.connector.file.tests.Fixtures.connector;
import static org.ledgerport.connector.file.tests.Fixtures.context;
import static org.ledgerport.connector.file.tests.Fixtures.customer;
import static org.ledgerport.connector.file.tests.Fixtures.exemptCustomer;
import static org.ledgerport.connector.file.tests.Fixtures.iifMappings;
import static org.ledgerport.connector.file.tests.Fixtures.iifSettings;
import static org.ledgerport.connector.file.tests.Fixtures.line;
import static org.ledgerport.connector.file.tests.Fixtures.outgoing;
import static org.ledgerport.connector.file.tests.Fixtures.sampleInvoice;
import static org.ledgerport.connector.file.tests.Fixtures.with;
import static org.ledgerport.connector.file.tests.Fixtures.xeroMappings;
import static org.ledgerport.connector.file.tests.Fixtures.xeroSettings;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.connector.PushResult;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.Severity;
import org.ledgerport.core.model.TaxMode;

/** Each rule a layout imposes, as a problem with a stable code, the field, and what to do about it. */
class ValidationTest {

    private final Customer okeefe = customer(7, "O'Keefe & Søn Ltd", GBP);
    private final Customer acme = customer(8, "Acme Tool & Die", USD);

    @TempDir
    Path temp;

    private Path folder() {
        return temp.resolve("exports");
    }

    @Test
    void aSoundInvoicePassesEitherLayoutWithoutTouchingTheFolder() throws Exception {
        assertEquals(List.of(), problems(xero(), outgoing(sampleInvoice(1, "1001", okeefe), okeefe, "1001")));
        assertEquals(List.of(), problems(iif(), outgoing(sampleInvoice(1, "1001", acme), acme, "1001")));
        Customer church = exemptCustomer(9, "Église Saint-Étienne", GBP);
        assertEquals(List.of(), problems(xero(), outgoing(sampleInvoice(2, "1002", church), church, "1002")));
        assertFalse(Files.exists(folder()), "validation does no I/O: the folder was never created");
    }

    @Test
    void everyTaxCodeThatCarriesTaxMustBeMapped() throws Exception {
        Connection unmapped = Fixtures.connection(xeroSettings(folder()),
                Map.of(MappingKind.TAX_CODE, Map.of("VAT20", "20% (VAT on Income)"), MappingKind.INCOME_ACCOUNT,
                        Map.of("Consulting income", "200", "Book sales", "210")),
                NumberingPolicy.OURS);
        OutgoingInvoice twoBooks = outgoing(Fixtures.invoice(1, "1001", okeefe, TaxMode.PER_LINE,
                List.of(line(CONSULTING, "1", "100.00", GBP, "0"), line(GUIDE, "1", "24.99", GBP, "0"),
                        line(GUIDE, "2", "24.99", GBP, "0")),
                List.of()), okeefe, "1001");

        Problem problem = only(problems(unmapped, twoBooks), "file.taxCode.unmapped");

        assertEquals("lines[2].taxCode", problem.field(), "the first line that uses it");
        assertTrue(problem.message().contains("RED5") && problem.message().contains("Xero tax rate")
                && problem.message().contains("tax code mappings"), problem.message());
        Customer exempt = exemptCustomer(9, "Église Saint-Étienne", GBP);
        assertEquals(List.of(), problems(unmapped, outgoing(sampleInvoice(2, "1002", exempt), exempt, "1002")),
                "a tax-exempt customer's codes carry no tax and need no mapping");
    }

    @Test
    void everyLineNeedsAnIncomeAccountAndEveryChargeAnAccount() throws Exception {
        Connection noDefaults = Fixtures.connection(with(xeroSettings(folder()), "incomeAccount", "",
                "chargeAccount", ""),
                Map.of(MappingKind.TAX_CODE, xeroMappings().get(MappingKind.TAX_CODE), MappingKind.INCOME_ACCOUNT,
                        Map.of("Consulting income", "200")),
                NumberingPolicy.OURS);

        List<Problem> problems = problems(noDefaults, outgoing(sampleInvoice(1, "1001", okeefe), okeefe, "1001"));

        assertEquals(List.of("file.incomeAccount.missing", "file.incomeAccount.missing", "file.chargeAccount.missing"),
                problems.stream().map(Problem::code).toList());
        assertEquals(List.of("lines[2].item", "lines[3].item", "charges"),
                problems.stream().map(Problem::field).toList());
        assertTrue(problems.get(0).message().contains("'Book sales', which is not mapped"), problems.get(0).message());
        assertTrue(problems.get(1).message().contains("names no item"), problems.get(1).message());
        assertTrue(problems.get(2).message().contains("account for freight, handling and discounts"),
                problems.get(2).message());
    }

    @Test
    void xeroNeedsARateForUntaxedLines() throws Exception {
        Connection noRate = Fixtures.connection(with(xeroSettings(folder()), "xeroUntaxedRate", ""), xeroMappings(),
                NumberingPolicy.OURS);
        Customer exempt = exemptCustomer(9, "Église Saint-Étienne", GBP);

        Problem untaxedLine = only(problems(noRate, outgoing(sampleInvoice(1, "1001", okeefe), okeefe, "1001")),
                "xero.untaxedRate.missing");
        Problem exemptCustomer = only(problems(noRate, outgoing(sampleInvoice(2, "1002", exempt), exempt, "1002")),
                "xero.untaxedRate.missing");

        assertEquals("lines[3].taxCode", untaxedLine.field());
        assertEquals("customer", exemptCustomer.field());
        assertTrue(exemptCustomer.message().contains("Xero tax rate for untaxed lines"), exemptCustomer.message());
    }

    @Test
    void xeroRefusesAnInvoiceWhoseTaxItWouldRoundDifferently() throws Exception {
        List<InvoiceLine> lines = List.of(line(CONSULTING, "1", "10.03", GBP, "0"),
                line(CONSULTING, "1", "10.03", GBP, "0"));
        OutgoingInvoice perInvoice = outgoing(Fixtures.invoice(1, "1001", okeefe, TaxMode.PER_DOCUMENT, lines,
                List.of()), okeefe, "1001");

        Problem problem = only(problems(xero(), perInvoice), "xero.tax.rounding");

        assertEquals("taxMode", problem.field());
        assertTrue(problem.message().contains("GBP 4.01") && problem.message().contains("GBP 4.02"),
                problem.message());
        assertEquals(List.of(), problems(xero(), outgoing(Fixtures.invoice(2, "1002", okeefe, TaxMode.PER_LINE,
                lines, List.of()), okeefe, "1002")), "the same lines rounded per line are fine");
    }

    @Test
    void xeroLimitsNamesCodesDescriptionsAndReferences() throws Exception {
        Customer longName = customer(10, "N".repeat(256), GBP);
        assertEquals("customer.name", only(problems(xero(), outgoing(sampleInvoice(1, "1001", longName), longName,
                "1001")), "xero.contactName.tooLong").field());

        Connection longCode = Fixtures.connection(xeroSettings(folder()), withItem(xeroMappings(), "CONSULT", "C".repeat(31)),
                NumberingPolicy.OURS);
        assertEquals("lines[1].item", only(problems(longCode, outgoing(sampleInvoice(2, "1002", okeefe), okeefe,
                "1002")), "xero.itemCode.tooLong").field());

        OutgoingInvoice longText = outgoing(Fixtures.invoice(3, "1003", okeefe, TaxMode.PER_LINE,
                List.of(described("D".repeat(4001), GBP)), List.of()), okeefe, "1003");
        assertEquals("lines[1].description", only(problems(xero(), longText), "xero.description.tooLong").field());

        OutgoingInvoice sound = outgoing(sampleInvoice(4, "1004", okeefe), okeefe, "1004");
        OutgoingInvoice longReference = new OutgoingInvoice(sound.invoice(), sound.customer(),
                sound.customerExternalId(), sound.items(), sound.itemExternalIds(), sound.taxCodes(), sound.totals(),
                "R".repeat(256), sound.idempotencyKey(), sound.numberToSend());
        only(problems(xero(), longReference), "xero.reference.tooLong");
    }

    @Test
    void quickBooksLimitsCustomerNamesAndItemNames() throws Exception {
        Customer longName = customer(10, "Northwestern Regional Hospitals Foundation", USD);
        Customer withColon = customer(11, "Acme: Tools", USD);
        assertEquals(42, longName.name().length(), "one character over QuickBooks' 41");

        Problem tooLong = only(problems(iif(), outgoing(sampleInvoice(1, "1001", longName), longName, "1001")),
                "iif.customerName.tooLong");
        Problem colon = only(problems(iif(), outgoing(sampleInvoice(2, "1002", withColon), withColon, "1002")),
                "iif.customerName.colon");
        Connection longItem = Fixtures.connection(iifSettings(folder()), withItem(iifMappings(), "GUIDE", "G".repeat(32)),
                NumberingPolicy.OURS);
        Problem item = only(problems(longItem, outgoing(sampleInvoice(3, "1003", acme), acme, "1003")),
                "iif.itemName.tooLong");

        assertEquals("customer.name", tooLong.field());
        assertEquals("customer.name", colon.field());
        assertTrue(colon.message().contains("customer:job"), colon.message());
        assertEquals("lines[2].item", item.field());
    }

    @Test
    void quickBooksFilesHoldOneLinePerRowInWindows1252() throws Exception {
        OutgoingInvoice arrow = outgoing(Fixtures.invoice(1, "1001", acme, TaxMode.PER_LINE,
                List.of(described("Transfer Zürich → Basel", USD)), List.of()), acme, "1001");
        Problem encoding = only(problems(iif(), arrow), "iif.text.encoding");
        assertEquals("lines[1].description", encoding.field());
        assertTrue(encoding.message().contains("→") && !encoding.message().contains("ü"),
                "names the one character that cannot be written: " + encoding.message());

        Customer polish = customer(12, "Łódź Imports", USD);
        assertEquals("customer.name", only(problems(iif(), outgoing(sampleInvoice(2, "1002", polish), polish,
                "1002")), "iif.text.encoding").field());

        OutgoingInvoice twoLines = outgoing(Fixtures.invoice(3, "1003", acme, TaxMode.PER_LINE,
                List.of(described("Survey\nand report", USD)), List.of()), acme, "1003");
        assertEquals("lines[1].description", only(problems(iif(), twoLines), "iif.text.lineBreak").field());
    }

    @Test
    void quickBooksTakesOnlyTheCompanyCurrency() throws Exception {
        Problem problem = only(problems(iif(), outgoing(sampleInvoice(1, "1001", okeefe), okeefe, "1001")),
                "iif.currency.mismatch");

        assertEquals("currency", problem.field());
        assertTrue(problem.message().contains("GBP") && problem.message().contains("USD"), problem.message());
    }

    @Test
    void quickBooksInvoiceNumbersHaveElevenCharactersAtMost() throws Exception {
        assertEquals(List.of(), problems(iif(), outgoing(sampleInvoice(1, "2026-000123", acme), acme,
                "2026-000123")), "eleven characters are fine");
        assertEquals("number", only(problems(iif(), outgoing(sampleInvoice(2, "2026-0001234", acme), acme,
                "2026-0001234")), "file.number.tooLong").field());

        Connection longPrefix = Fixtures.connection(with(iifSettings(folder()), "numberPrefix", "ACME-INV-"),
                iifMappings(), NumberingPolicy.VENDOR_ASSIGNS);
        Problem prefix = only(problems(longPrefix, outgoing(sampleInvoice(3, "3", acme), acme, "")),
                "file.numberPrefix.tooLong");
        assertTrue(prefix.message().contains("ACME-INV-"), prefix.message());
    }

    @Test
    void aPushRejectsTheInvalidInvoicesAndWritesTheRest() throws Exception {
        Customer withColon = customer(11, "Acme: Tools", USD);
        Connection connection = iif();
        connector().connect(context(connection), null);

        List<PushResult> results = Fixtures.push(connection, outgoing(sampleInvoice(1, "1001", acme), acme, "1001"),
                outgoing(sampleInvoice(2, "1002", withColon), withColon, "1002"));

        PushResult.Rejected rejected = assertInstanceOf(PushResult.Rejected.class,
                results.stream().filter(r -> r.ourReference().equals("LP-2")).findFirst().orElseThrow());
        assertEquals("iif.customerName.colon", rejected.problems().get(0).code());
        Fixtures.created(results, "LP-1");
        String file = Files.readString(Fixtures.onlyFile(folder(), ".iif"), Charset.forName("windows-1252"));
        assertTrue(file.contains("\tLP-1\t") && !file.contains("\tLP-2\t"), "only the sound invoice is in the file");
    }

    @Test
    void settingsThatCannotWorkStopTheSessionWithTheSettingNamed() throws Exception {
        assertSettingProblem("file.setting.missing", "folder", with(xeroSettings(folder()), "folder", ""));
        assertSettingProblem("file.setting.invalid", "folder", with(xeroSettings(folder()), "folder", "exports"));
        assertSettingProblem("file.setting.invalid", "layout", with(xeroSettings(folder()), "layout", "sage-50"));
        assertSettingProblem("file.setting.invalid", "firstNumber",
                with(xeroSettings(folder()), "firstNumber", "ten"));
        assertSettingProblem("file.setting.invalid", "currency", with(xeroSettings(folder()), "currency", "XYZ"));
        assertSettingProblem("file.setting.missing", "currency", with(iifSettings(folder()), "currency", ""));
        assertSettingProblem("file.setting.missing", "iifReceivablesAccount",
                with(iifSettings(folder()), "iifReceivablesAccount", ""));
    }

    private void assertSettingProblem(String code, String field, Map<String, String> settings) throws Exception {
        Connection connection = Fixtures.connection(settings, Map.of(), NumberingPolicy.OURS);
        ConnectorException failure = assertThrows(ConnectorException.class,
                () -> connector().openSession(context(connection)).close());
        assertEquals(code, failure.problem().code(), failure.problem().message());
        assertEquals(field, failure.problem().field());
        assertTrue(failure.problem().message().contains("Import files"), "names the connection");
        ConnectorException onTest = assertThrows(ConnectorException.class, () -> connector().test(context(connection)));
        assertEquals(code, onTest.problem().code(), "testing the connection says the same");
    }

    private Connection xero() {
        return Fixtures.connection(xeroSettings(folder()), xeroMappings(), NumberingPolicy.OURS);
    }

    private Connection iif() {
        return Fixtures.connection(iifSettings(folder()), iifMappings(), NumberingPolicy.OURS);
    }

    private static List<Problem> problems(Connection connection, OutgoingInvoice invoice) throws Exception {
        try (ConnectorSession session = connector().openSession(context(connection))) {
            List<Problem> problems = session.validate(invoice, session.referenceData(false));
            for (Problem problem : problems) {
                assertEquals(Severity.ERROR, problem.severity());
                assertFalse(problem.retryable(), "the invoice or the connection has to change first");
                assertFalse(problem.message().isBlank());
            }
            return problems;
        }
    }

    /** The one problem there is, which has the code. */
    private static Problem only(List<Problem> problems, String code) {
        assertEquals(List.of(code), problems.stream().map(Problem::code).toList(), problems.toString());
        return problems.get(0);
    }

    private static InvoiceLine described(String description, Currency currency) {
        return new InvoiceLine(CONSULTING.code(), description, BigDecimal.ONE,
                new Money(new BigDecimal("100.00"), currency), BigDecimal.ZERO, CONSULTING.taxCode());
    }

    /** The mappings with one item mapped to the package's name for it. */
    private static Map<MappingKind, Map<String, String>> withItem(Map<MappingKind, Map<String, String>> mappings,
            String code, String packageItem) {
        Map<MappingKind, Map<String, String>> copy = new EnumMap<>(mappings);
        copy.put(MappingKind.ITEM, Map.of(code, packageItem));
        return copy;
    }
}
