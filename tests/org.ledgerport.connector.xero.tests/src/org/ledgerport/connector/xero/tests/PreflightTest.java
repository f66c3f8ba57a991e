package org.ledgerport.connector.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.connector.xero.tests.XeroWorld.GST;
import static org.ledgerport.connector.xero.tests.XeroWorld.customer;
import static org.ledgerport.connector.xero.tests.XeroWorld.invoice;
import static org.ledgerport.connector.xero.tests.XeroWorld.itemLine;
import static org.ledgerport.connector.xero.tests.XeroWorld.line;
import static org.ledgerport.connector.xero.tests.XeroWorld.outgoing;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.connector.ReferenceData;
import org.ledgerport.core.model.Address;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.InvoiceTotals;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.Severity;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.model.TaxMode;

/**
 * Pre-flight: every invoice is checked against the organisation's lists as last read, with no call to Xero, and
 * each problem names what to change.
 */
class PreflightTest {

    @Test
    void theOrganisationsRulesAreCheckedWithoutACall() throws Exception {
        try (XeroWorld world = XeroWorld.start()) {
            Connection connection = world.connected(NumberingPolicy.OURS);
            try (ConnectorSession session = world.session(connection)) {
                ReferenceData reference = session.referenceData(false);
                assertTrue(reference.taxCode("OUTPUT").isPresent(), "Xero's tax rates, by TaxType");
                assertTrue(reference.account("200").isPresent(), "Xero's accounts, by code");
                int callsBefore = world.log().size();
                Customer customer = customer("Kahikatea Bakery");

                assertEquals(List.of(), session.validate(outgoing(invoice(customer, "100.00"), customer, "", ""),
                        reference), "a plain invoice passes");

                Customer euro = new Customer(XeroWorld.nextId(), "Euro Imports", "", Address.NONE, false,
                        Currency.getInstance("EUR"));
                Invoice inEuro = new Invoice(XeroWorld.nextId(), "E1", euro.id(), XeroWorld.ISSUED, XeroWorld.DUE,
                        euro.currency(), List.of(new InvoiceLine("", "Export", BigDecimal.ONE, Money.of("10.00", "EUR"),
                                BigDecimal.ZERO, "")), List.of(), "", TaxMode.PER_LINE, InvoiceStatus.FINALIZED, 1);
                assertCodes(session.validate(outgoing(inEuro, euro, "", ""), reference),
                        "invoice.currency-not-enabled");

                TaxCode reduced = new TaxCode("RED", "Reduced", new BigDecimal("5"));
                Invoice unmapped = invoice(customer, TaxMode.PER_LINE, List.of(line("Books", "1", "10.00",
                        reduced.code())), List.of());
                OutgoingInvoice withUnmapped = new OutgoingInvoice(unmapped, customer, "", Map.of(), Map.of(),
                        Map.of(reduced.code(), reduced), InvoiceTotals.of(unmapped, Map.of(reduced.code(), reduced),
                                false), XeroWorld.reference(unmapped), "k", "");
                List<Problem> unmappedProblems = session.validate(withUnmapped, reference);
                assertCodes(unmappedProblems, "tax.unmapped");
                assertTrue(unmappedProblems.get(0).message().contains("OUTPUT"), "the choices are named");

                String longName = "A".repeat(256);
                Customer tooLong = customer(longName);
                assertCodes(session.validate(outgoing(invoice(tooLong, "5.00"), tooLong, "", ""), reference),
                        "contact.name-invalid");

                Invoice fineQuantity = invoice(customer, TaxMode.PER_LINE, List.of(line("Timber", "0.12345", "10.00",
                        GST.code())), List.of());
                assertCodes(session.validate(outgoing(fineQuantity, customer, "", ""), reference),
                        "invoice.quantity-decimals");

                Item longCode = XeroWorld.item("HARDWOOD-DECKING-KWILA-140X19-RANDOM", "Kwila decking", "12.50");
                List<Problem> plain = session.validate(outgoing(invoice(customer, TaxMode.PER_LINE,
                        List.of(itemLine(longCode, "3")), List.of()), customer, "", List.of(longCode), Map.of(), ""),
                        reference);
                assertCodes(plain, "item.plain-line");
                assertEquals(Severity.WARNING, plain.get(0).severity(), "a plain line is still sent");

                assertEquals(callsBefore, world.log().size(), "pre-flight made no call to Xero");
            }
        }
    }

    @Test
    void mappingsToRatesAndAccountsXeroWouldRefuseAreCaught() throws Exception {
        try (XeroWorld world = XeroWorld.start()) {
            Connection connection = world.connected(NumberingPolicy.OURS);
            Customer customer = customer("Pohutukawa Press");
            Item book = new Item(XeroWorld.nextId(), "BOOK", "Field guide", Money.of("30.00", "NZD"), "Book sales",
                    GST.code());
            Invoice invoice = invoice(customer, TaxMode.PER_LINE, List.of(itemLine(book, "1")), List.of());
            OutgoingInvoice outgoing = outgoing(invoice, customer, "", List.of(book), Map.of(), "");

            assertCodes(check(world, connection, "GST15", "INPUT", "Book sales", "200", outgoing), "tax.not-for-sales");
            assertCodes(check(world, connection, "GST15", "NONE", "Book sales", "200", outgoing), "tax.rate-differs");
            assertCodes(check(world, connection, "GST15", "GONE", "Book sales", "200", outgoing), "tax.unknown");
            assertCodes(check(world, connection, "GST15", "OUTPUT", "Book sales", "205", outgoing),
                    "account.archived");
            assertCodes(check(world, connection, "GST15", "OUTPUT", "Book sales", "999", outgoing),
                    "account.unknown");
            assertCodes(check(world, connection, "GST15", "OUTPUT", "Book sales", "090", outgoing),
                    "account.not-for-sales");
            assertEquals(List.of(), check(world, connection, "GST15", "OUTPUT", "Book sales", "260", outgoing));

            Invoice untaxed = invoice(customer, TaxMode.PER_LINE, List.of(line("Postage", "1", "5.00", "")), List.of());
            try (ConnectorSession session = world.session(XeroWorld.variant(connection, "untaxedRate", "ZERO"))) {
                List<Problem> problems = session.validate(outgoing(untaxed, customer, "", ""),
                        session.referenceData(false));
                assertCodes(problems, "tax.unknown");
                assertTrue(problems.get(0).message().contains("'Tax rate for untaxed lines'"),
                        problems.get(0).message());
            }
        }
    }

    /** Validates with the tax code and the income account mapped as given. */
    private static List<Problem> check(XeroWorld world, Connection connection, String ourTax, String xeroTax,
            String ourAccount, String xeroAccount, OutgoingInvoice outgoing) throws Exception {
        Connection mapped = XeroWorld.variant(connection, Map.of(), Map.of(MappingKind.TAX_CODE,
                Map.of(ourTax, xeroTax), MappingKind.INCOME_ACCOUNT, Map.of(ourAccount, xeroAccount)));
        try (ConnectorSession session = world.session(mapped)) {
            return session.validate(outgoing, session.referenceData(false));
        }
    }

    private static void assertCodes(List<Problem> problems, String... codes) {
        assertEquals(List.of(codes), problems.stream().map(Problem::code).toList(), () -> problems.toString());
        assertTrue(problems.stream().allMatch(p -> !p.message().isBlank()));
    }
}
