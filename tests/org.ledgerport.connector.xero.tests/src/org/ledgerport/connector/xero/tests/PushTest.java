package org.ledgerport.connector.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.connector.xero.tests.XeroWorld.EXEMPT;
import static org.ledgerport.connector.xero.tests.XeroWorld.GST;
import static org.ledgerport.connector.xero.tests.XeroWorld.ISSUED;
import static org.ledgerport.connector.xero.tests.XeroWorld.created;
import static org.ledgerport.connector.xero.tests.XeroWorld.customer;
import static org.ledgerport.connector.xero.tests.XeroWorld.invoice;
import static org.ledgerport.connector.xero.tests.XeroWorld.line;
import static org.ledgerport.connector.xero.tests.XeroWorld.outgoing;
import static org.ledgerport.connector.xero.tests.XeroWorld.reference;
import static org.ledgerport.connector.xero.tests.XeroWorld.rejected;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.connector.PushResult;
import org.ledgerport.core.model.Charge;
import org.ledgerport.core.model.ChargeKind;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.TaxMode;
import org.ledgerport.simulator.xero.InvoiceStatus;
import org.ledgerport.simulator.xero.LineItem;

/** Invoices sent to Xero: in batches, each refused or created on its own, numbered by the connection's policy. */
class PushTest {

    @Test
    void fiftyInvoicesGoInOneCallAndAnInvalidOneFailsAlone() throws Exception {
        try (XeroWorld world = XeroWorld.start()) {
            Connection connection = world.connected(NumberingPolicy.OURS);
            Customer customer = customer("Kowhai Kitchens");
            try (ConnectorSession session = world.session(connection)) {
                String contact = XeroWorld.contacts(session, List.of(customer)).get(customer.id());
                Invoice first = invoice(customer, "80.00");
                created(session.push(List.of(outgoing(first, customer, contact, "TJ-1001"))), reference(first));
                List<OutgoingInvoice> batch = new ArrayList<>();
                for (int i = 0; i < 49; i++) {
                    Invoice invoice = invoice(customer, (100 + i) + ".00");
                    batch.add(outgoing(invoice, customer, contact, "TJ-" + (2000 + i)));
                }
                Invoice clash = invoice(customer, "55.00");
                batch.add(25, outgoing(clash, customer, contact, "TJ-1001"));
                long putsBefore = world.calls("PUT", "/Invoices");

                List<PushResult> results = session.push(batch);

                assertEquals(putsBefore + 1, world.calls("PUT", "/Invoices"), "one call for the batch of 50");
                assertEquals(50, results.size());
                assertEquals(49, results.stream().filter(PushResult.Created.class::isInstance).count());
                Problem duplicate = rejected(results, reference(clash)).problems().get(0);
                assertEquals("invoice.duplicate-number", duplicate.code());
                assertTrue(duplicate.message().contains("TJ-1001") && duplicate.message().contains(
                        "another number"), duplicate.message());
                assertEquals("Invoice # must be unique.", duplicate.vendorMessage());
                assertEquals(50, world.simulator.invoices(world.tenant()).size(), "the first and the 49 others");
                ExternalInvoice sent = created(results, batch.get(0).ourReference()).external();
                assertEquals("TJ-2000", sent.number(), "our number was used");
            }
        }
    }

    @Test
    void xeroNumbersTheInvoiceWhenAskedAndItsNumberAndDateComeBack() throws Exception {
        try (XeroWorld world = XeroWorld.start()) {
            Connection connection = world.connected(NumberingPolicy.VENDOR_ASSIGNS);
            Customer customer = customer("Manuka Honey Co");
            try (ConnectorSession session = world.session(connection)) {
                String contact = XeroWorld.contacts(session, List.of(customer)).get(customer.id());
                Invoice invoice = invoice(customer, "240.00");

                PushResult.Created result = created(session.push(List.of(outgoing(invoice, customer, contact, ""))),
                        reference(invoice));

                ExternalInvoice external = result.external();
                assertEquals("INV-0001", external.number(), "the organisation's own sequence");
                assertEquals(ISSUED, external.date());
                assertTrue(external.location().contains("InvoiceID=" + external.externalId()), external.location());
                assertTrue(!external.syncToken().isEmpty(), "Xero's UpdatedDateUTC");
                assertEquals(List.of(), result.warnings(), "Xero's total is the one billed");
                var inXero = world.invoiceWithReference(reference(invoice));
                assertEquals(InvoiceStatus.AUTHORISED, inXero.status(), "the connection's default status");
                assertEquals(new BigDecimal("276.00"), inXero.total());
            }
        }
    }

    @Test
    void aResendAfterALostAnswerIsReplayedNotDoneTwice() throws Exception {
        try (XeroWorld world = XeroWorld.start()) {
            Connection connection = world.connected(NumberingPolicy.VENDOR_ASSIGNS);
            Customer customer = customer("Pukeko Print");
            try (ConnectorSession session = world.session(connection)) {
                String contact = XeroWorld.contacts(session, List.of(customer)).get(customer.id());
                List<OutgoingInvoice> batch = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    batch.add(outgoing(invoice(customer, "1" + i + ".00"), customer, contact, ""));
                }
                world.simulator.server().dropResponseAfterCommit(
                        r -> r.method().equals("PUT") && r.path().endsWith("/Invoices"), 1);

                List<PushResult> results = session.push(batch);

                assertEquals(3, results.stream().filter(PushResult.Created.class::isInstance).count(),
                        results::toString);
                assertEquals(List.of(0, 200), world.log().stream().filter(r -> r.is("PUT", "/Invoices"))
                        .map(r -> r.status()).toList(), "the answer was lost once, then the resend was answered");
                assertEquals(3, world.simulator.invoices(world.tenant()).size(), "Xero replayed the first answer");
                for (OutgoingInvoice outgoing : batch) {
                    assertEquals(world.invoiceWithReference(outgoing.ourReference()).invoiceId().toString(),
                            created(results, outgoing.ourReference()).external().externalId());
                }
            }
        }
    }

    @Test
    void theSameBatchSentAgainLaterIsReplayedByXero() throws Exception {
        try (XeroWorld world = XeroWorld.start()) {
            Connection connection = world.connected(NumberingPolicy.VENDOR_ASSIGNS);
            Customer customer = customer("Huia Hardware");
            List<OutgoingInvoice> batch = new ArrayList<>();
            String contact;
            try (ConnectorSession session = world.session(connection)) {
                contact = XeroWorld.contacts(session, List.of(customer)).get(customer.id());
                for (int i = 0; i < 2; i++) {
                    batch.add(outgoing(invoice(customer, "2" + i + ".00"), customer, contact, ""));
                }
                world.simulator.server().dropResponseAfterCommit(
                        r -> r.method().equals("PUT") && r.path().endsWith("/Invoices"), 3);

                ConnectorException lost = assertThrows(ConnectorException.class, () -> session.push(batch));
                assertTrue(lost.mayHaveReachedVendor(), "every answer was lost: Xero may have the invoices");
            }
            try (ConnectorSession later = world.session(connection)) {
                List<PushResult> results = later.push(batch);

                assertEquals(2, results.stream().filter(PushResult.Created.class::isInstance).count());
                assertEquals(2, world.simulator.invoices(world.tenant()).size(),
                        "the same invoices give the same Idempotency-Key, and Xero answers it without redoing it");
            }
        }
    }

    @Test
    void taxRoundedPerInvoiceIsSentAsBilledAndChargesAsLines() throws Exception {
        try (XeroWorld world = XeroWorld.start()) {
            Connection connection = world.connected(NumberingPolicy.VENDOR_ASSIGNS);
            Customer customer = customer("Tui Stationery");
            try (ConnectorSession session = world.session(connection)) {
                String contact = XeroWorld.contacts(session, List.of(customer)).get(customer.id());
                // Per line Xero would charge 3 x 0.01 GST; rounded once per invoice the GST is 0.02.
                Invoice perInvoice = invoice(customer, TaxMode.PER_DOCUMENT, List.of(line("Clip", "1", "0.05",
                        GST.code()), line("Pin", "1", "0.05", GST.code()), line("Tack", "1", "0.05", GST.code()),
                        line("Postage", "1", "4.00", EXEMPT.code())), List.of(
                                new Charge(ChargeKind.FREIGHT, "Courier", Money.of("9.00", "NZD"), GST.code()),
                                new Charge(ChargeKind.DISCOUNT, "Loyalty discount", Money.of("2.00", "NZD"),
                                        GST.code())));
                OutgoingInvoice outgoing = outgoing(perInvoice, customer, contact, "");
                assertEquals(new BigDecimal("1.07"), outgoing.totals().tax().amount());

                PushResult.Created result = created(session.push(List.of(outgoing)), reference(perInvoice));

                assertEquals(List.of(), result.warnings(), "Xero's total is the one billed, to the cent");
                var inXero = world.invoiceWithReference(reference(perInvoice));
                assertEquals(0, outgoing.totals().tax().amount().compareTo(inXero.totalTax()));
                assertEquals(0, outgoing.totals().total().amount().compareTo(inXero.total()));
                List<LineItem> lines = inXero.lineItems();
                assertEquals(6, lines.size());
                assertEquals("EXEMPTOUTPUT", lines.get(3).taxType());
                assertEquals("Courier", lines.get(4).description());
                assertEquals(0, new BigDecimal("9.00").compareTo(lines.get(4).lineAmount()));
                assertEquals("Loyalty discount", lines.get(5).description());
                assertEquals(0, new BigDecimal("-2.00").compareTo(lines.get(5).lineAmount()), "a negative line");
                assertEquals("200", lines.get(5).accountCode());
            }
        }
    }

    @Test
    void anInvoiceIsFoundByOurReferenceAndNothingIsCreated() throws Exception {
        try (XeroWorld world = XeroWorld.start()) {
            Connection connection = world.connected(NumberingPolicy.VENDOR_ASSIGNS);
            Customer customer = customer("Weka Wines");
            Invoice invoice = invoice(customer, "64.00");
            String id;
            try (ConnectorSession session = world.session(connection)) {
                String contact = XeroWorld.contacts(session, List.of(customer)).get(customer.id());
                id = created(session.push(List.of(outgoing(invoice, customer, contact, ""))), reference(invoice))
                        .external().externalId();
            }
            try (ConnectorSession later = world.session(connection)) {
                long writes = world.calls("PUT", "/Invoices") + world.calls("POST", "/Invoices");

                Optional<ExternalInvoice> found = later.findByReference(reference(invoice));

                assertEquals(id, found.orElseThrow().externalId());
                assertEquals("INV-0001", found.get().number());
                assertEquals(Optional.empty(), later.findByReference("LP-1-v9"));
                assertEquals(writes, world.calls("PUT", "/Invoices") + world.calls("POST", "/Invoices"));
                assertEquals(1, world.simulator.invoices(world.tenant()).size());
            }
        }
    }
}
