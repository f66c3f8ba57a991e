package org.ledgerport.connector.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.connector.xero.tests.XeroWorld.created;
import static org.ledgerport.connector.xero.tests.XeroWorld.customer;
import static org.ledgerport.connector.xero.tests.XeroWorld.invoice;
import static org.ledgerport.connector.xero.tests.XeroWorld.outgoing;
import static org.ledgerport.connector.xero.tests.XeroWorld.reference;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.connector.PushResult;
import org.ledgerport.core.connector.StatusChange;
import org.ledgerport.core.connector.VendorStatus;
import org.ledgerport.core.connector.Withdrawal;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.simulator.xero.InvoiceStatus;

/** Taking invoices back by Xero's rules, and reading back what happened to them there. */
class WithdrawAndStatusTest {

    private static final LocalDate PAID_ON = LocalDate.of(2026, 11, 20);

    @Test
    void aDraftIsDeletedFreeingItsNumberAndAnApprovedOneVoidedKeepingIt() throws Exception {
        try (XeroWorld world = XeroWorld.start()) {
            Connection approving = world.connected(NumberingPolicy.OURS);
            Connection drafting = XeroWorld.variant(approving, "statusOnExport", "DRAFT");
            Customer customer = customer("Kereru Kayaks");
            try (ConnectorSession session = world.session(approving);
                    ConnectorSession drafts = world.session(drafting)) {
                String contact = XeroWorld.contacts(session, List.of(customer)).get(customer.id());
                Invoice draft = invoice(customer, "70.00");
                ExternalInvoice inDraft = created(drafts.push(List.of(outgoing(draft, customer, contact, "KK-1"))),
                        reference(draft)).external();
                Invoice approved = invoice(customer, "90.00");
                ExternalInvoice inApproved = created(session.push(List.of(outgoing(approved, customer, contact,
                        "KK-2"))), reference(approved)).external();

                assertEquals(Withdrawal.DELETED, session.withdraw(inDraft));
                assertEquals(Withdrawal.VOIDED, session.withdraw(inApproved));

                assertEquals(InvoiceStatus.DELETED, xero(world, inDraft).status());
                var voided = xero(world, inApproved);
                assertEquals(InvoiceStatus.VOIDED, voided.status());
                assertEquals("KK-2", voided.invoiceNumber(), "voided as it was, not renamed first");
                assertEquals(Withdrawal.VOIDED, session.withdraw(inApproved), "withdrawing twice changes nothing");

                Invoice redrafted = invoice(customer, "75.00");
                ExternalInvoice reused = created(drafts.push(List.of(outgoing(redrafted, customer, contact, "KK-1"))),
                        reference(redrafted)).external();
                assertEquals("KK-1", reused.number(), "the deleted draft gave its number up");
                Invoice revised = invoice(customer, "95.00");
                PushResult.Rejected refused = XeroWorld.rejected(session.push(List.of(outgoing(revised, customer,
                        contact, "KK-2"))), reference(revised));
                assertEquals("invoice.duplicate-number", refused.problems().get(0).code(),
                        "Xero keeps the voided invoice's number; the revised one needs another");
            }
        }
    }

    @Test
    void anInvoiceWithAPaymentIsNotWithdrawnAndTheUserIsToldTheNextStep() throws Exception {
        try (XeroWorld world = XeroWorld.start()) {
            Connection connection = world.connected(NumberingPolicy.VENDOR_ASSIGNS);
            Customer customer = customer("Ruru Rentals");
            try (ConnectorSession session = world.session(connection)) {
                String contact = XeroWorld.contacts(session, List.of(customer)).get(customer.id());
                Invoice invoice = invoice(customer, "100.00");
                ExternalInvoice external = created(session.push(List.of(outgoing(invoice, customer, contact, ""))),
                        reference(invoice)).external();
                world.simulator.pay(world.tenant(), UUID.fromString(external.externalId()), new BigDecimal("40.00"),
                        PAID_ON);

                ConnectorException refused = assertThrows(ConnectorException.class, () -> session.withdraw(external));

                assertEquals("invoice.has-payments", refused.problem().code());
                String message = refused.problem().message();
                assertTrue(message.contains(external.number()) && message.contains("NZD 40.00")
                        && message.contains("remove the payments"), message);
                assertEquals(InvoiceStatus.AUTHORISED, xero(world, external).status(), "left as it was");

                world.simulator.removePayments(world.tenant(), UUID.fromString(external.externalId()));
                assertEquals(Withdrawal.VOIDED, session.withdraw(external), "once the payment is removed");
            }
        }
    }

    @Test
    void paymentsVoidsAndDeletionsComeBackOldestFirst() throws Exception {
        try (XeroWorld world = XeroWorld.start()) {
            Connection connection = world.connected(NumberingPolicy.VENDOR_ASSIGNS);
            Connection drafting = XeroWorld.variant(connection, "statusOnExport", "DRAFT");
            Customer customer = customer("Kiwi Couriers");
            try (ConnectorSession session = world.session(connection);
                    ConnectorSession drafts = world.session(drafting)) {
                String contact = XeroWorld.contacts(session, List.of(customer)).get(customer.id());
                ExternalInvoice paid = push(session, customer, contact, "100.00");
                ExternalInvoice partly = push(session, customer, contact, "200.00");
                ExternalInvoice voided = push(session, customer, contact, "300.00");
                ExternalInvoice deleted = push(drafts, customer, contact, "400.00");
                ExternalInvoice untouched = push(session, customer, contact, "500.00");
                world.simulator.clock().advance(Duration.ofMinutes(5));
                Instant since = world.simulator.clock().instant();
                UUID tenant = world.tenant();

                world.simulator.payInFull(tenant, id(paid), PAID_ON);
                world.simulator.pay(tenant, id(partly), new BigDecimal("50.00"), PAID_ON);
                world.simulator.voidInvoice(tenant, id(voided));
                world.simulator.deleteInvoice(tenant, id(deleted));

                List<StatusChange> changes = session.statusChangesSince(since);

                Map<String, StatusChange> byId = changes.stream()
                        .collect(Collectors.toMap(StatusChange::externalId, Function.identity()));
                assertEquals(4, changes.size(), "only what changed since: " + changes);
                assertTrue(!byId.containsKey(untouched.externalId()));
                assertEquals(VendorStatus.PAID, byId.get(paid.externalId()).status());
                assertEquals(Money.of("0.00", "NZD"), byId.get(paid.externalId()).amountDue());
                assertEquals(VendorStatus.PARTLY_PAID, byId.get(partly.externalId()).status());
                assertEquals(Money.of("180.00", "NZD"), byId.get(partly.externalId()).amountDue(), "230.00 less 50");
                assertEquals(VendorStatus.VOIDED, byId.get(voided.externalId()).status());
                assertEquals(VendorStatus.DELETED, byId.get(deleted.externalId()).status());
                assertTrue(byId.get(paid.externalId()).ourReference().startsWith("LP-"), "our reference comes back");
                for (int i = 1; i < changes.size(); i++) {
                    assertTrue(!changes.get(i).changedAt().isBefore(changes.get(i - 1).changedAt()), "oldest first");
                }
                assertTrue(world.log().stream().anyMatch(r -> r.is("GET", "/Invoices") && r.query().contains(
                        "Statuses=")), "filtered by status at Xero");
            }
        }
    }

    private static ExternalInvoice push(ConnectorSession session, Customer customer, String contact, String amount)
            throws Exception {
        Invoice invoice = invoice(customer, amount);
        return created(session.push(List.of(outgoing(invoice, customer, contact, ""))), reference(invoice))
                .external();
    }

    private static UUID id(ExternalInvoice invoice) {
        return UUID.fromString(invoice.externalId());
    }

    private static org.ledgerport.simulator.xero.Invoice xero(XeroWorld world, ExternalInvoice invoice) {
        return world.simulator.invoice(world.tenant(), id(invoice));
    }
}
