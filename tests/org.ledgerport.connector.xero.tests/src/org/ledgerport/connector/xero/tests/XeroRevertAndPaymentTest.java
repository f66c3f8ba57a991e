package org.ledgerport.connector.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.connector.xero.tests.XeroWorld.created;
import static org.ledgerport.connector.xero.tests.XeroWorld.customer;
import static org.ledgerport.connector.xero.tests.XeroWorld.invoice;
import static org.ledgerport.connector.xero.tests.XeroWorld.outgoing;
import static org.ledgerport.connector.xero.tests.XeroWorld.reference;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.connector.ExternalPayment;
import org.ledgerport.core.connector.OutgoingPayment;
import org.ledgerport.core.connector.ReferenceEntry;
import org.ledgerport.core.connector.VendorStatus;
import org.ledgerport.core.connector.Withdrawal;
import org.ledgerport.core.connector.WithdrawalPlan;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.simulator.xero.Account;
import org.ledgerport.simulator.xero.AccountType;
import org.ledgerport.simulator.xero.InvoiceStatus;
import org.ledgerport.simulator.xero.Organisation;

/** What withdrawing would do in Xero, said before anything changes; and payments sent to Xero. */
class XeroRevertAndPaymentTest {

    private static final LocalDate PAID_ON = LocalDate.of(2026, 11, 20);

    /** The standard organisation, with an owner's funds account that takes payments though it is no bank account. */
    private static XeroWorld start() throws Exception {
        return XeroWorld.start(options -> options.withOrganisations(Organisation.standard("Tasman Joinery Ltd")
                .withAccount(Account.of("970", "Owner A Funds Introduced", AccountType.EQUITY, "NONE")
                        .withPaymentsEnabled())));
    }

    @Test
    void planningFollowsXerosRulesAndChangesNothing() throws Exception {
        try (XeroWorld world = start()) {
            Connection approving = world.connected(NumberingPolicy.VENDOR_ASSIGNS);
            Customer customer = customer("Tui Timber");
            try (ConnectorSession session = world.session(approving);
                    ConnectorSession drafts = world.session(XeroWorld.variant(approving, "statusOnExport", "DRAFT"));
                    ConnectorSession submits = world.session(XeroWorld.variant(approving, "statusOnExport",
                            "SUBMITTED"))) {
                String contact = XeroWorld.contacts(session, List.of(customer)).get(customer.id());
                ExternalInvoice draft = push(drafts, customer, contact, "10.00");
                ExternalInvoice submitted = push(submits, customer, contact, "20.00");
                ExternalInvoice approved = push(session, customer, contact, "30.00");
                ExternalInvoice partlyPaid = push(session, customer, contact, "40.00");
                ExternalInvoice paid = push(session, customer, contact, "50.00");
                world.simulator.pay(world.tenant(), id(partlyPaid), new BigDecimal("10.00"), PAID_ON);
                world.simulator.payInFull(world.tenant(), id(paid), PAID_ON);
                long writes = invoiceUpdates(world);

                WithdrawalPlan deleteDraft = session.planWithdrawal(draft);
                assertEquals(Withdrawal.DELETED, deleteDraft.action());
                assertFalse(deleteDraft.numberKept(), "a deleted draft's number can be used again");
                WithdrawalPlan deleteSubmitted = session.planWithdrawal(submitted);
                assertEquals(Withdrawal.DELETED, deleteSubmitted.action());
                assertTrue(deleteSubmitted.explanation().contains("awaiting approval"), deleteSubmitted.explanation());
                WithdrawalPlan voidApproved = session.planWithdrawal(approved);
                assertEquals(Withdrawal.VOIDED, voidApproved.action());
                assertTrue(voidApproved.numberKept(), "Xero keeps an approved invoice's number once voided");
                assertTrue(voidApproved.explanation().contains(approved.number())
                        && voidApproved.explanation().contains("needs another number"), voidApproved.explanation());
                for (ExternalInvoice withPayments : List.of(partlyPaid, paid)) {
                    ConnectorException refused = assertThrows(ConnectorException.class,
                            () -> session.planWithdrawal(withPayments));
                    assertEquals("invoice.has-payments", refused.problem().code());
                    assertTrue(refused.problem().message().contains("remove the payments"),
                            refused.problem().message());
                }
                assertEquals(writes, invoiceUpdates(world), "planning reads only");
                assertEquals(InvoiceStatus.AUTHORISED, xero(world, approved).status());
                assertEquals(InvoiceStatus.DRAFT, xero(world, draft).status());

                world.simulator.voidInvoice(world.tenant(), id(approved));
                world.simulator.deleteInvoice(world.tenant(), id(draft));
                WithdrawalPlan alreadyVoid = session.planWithdrawal(approved);
                assertEquals(Withdrawal.VOIDED, alreadyVoid.action());
                assertTrue(alreadyVoid.numberKept() && alreadyVoid.explanation().contains("already void"),
                        alreadyVoid.explanation());
                WithdrawalPlan alreadyDeleted = session.planWithdrawal(draft);
                assertEquals(Withdrawal.DELETED, alreadyDeleted.action());
                assertTrue(alreadyDeleted.explanation().contains("already deleted"), alreadyDeleted.explanation());
                assertEquals(Withdrawal.DELETED, session.withdraw(draft), "withdrawing what is gone changes nothing");
                assertEquals(writes, invoiceUpdates(world));
            }
        }
    }

    @Test
    void aPaymentSentTwiceWithOneKeyIsRecordedOnceAndTheInvoiceTurnsPartlyPaidThenPaid() throws Exception {
        try (XeroWorld world = start()) {
            Connection connection = world.connected(NumberingPolicy.VENDOR_ASSIGNS);
            Customer customer = customer("Weka Windows");
            try (ConnectorSession session = world.session(connection)) {
                String contact = XeroWorld.contacts(session, List.of(customer)).get(customer.id());
                ExternalInvoice invoice = push(session, customer, contact, "200.00");
                OutgoingPayment payment = new OutgoingPayment(invoice, contact, Money.of("50.00", "NZD"), PAID_ON,
                        "090", "Direct credit", connection.uid() + "/payment/1");

                ExternalPayment first = session.sendPayment(payment);
                ExternalPayment again = session.sendPayment(payment);

                assertEquals(first.externalId(), again.externalId());
                assertEquals(1, world.simulator.payments(world.tenant()).size(), "Xero answered the second with the "
                        + "first");
                assertEquals(VendorStatus.PARTLY_PAID, first.invoice().status());
                assertEquals(Money.of("180.00", "NZD"), first.invoice().amountDue(), "230.00 less 50.00");
                var recorded = world.simulator.payments(world.tenant()).get(0);
                assertEquals("090", recorded.accountCode());
                assertEquals("Direct credit", recorded.reference());
                assertEquals(PAID_ON, recorded.date());

                ExternalPayment rest = session.sendPayment(new OutgoingPayment(invoice, contact,
                        Money.of("180.00", "NZD"), PAID_ON, "Owner A Funds Introduced", "",
                        connection.uid() + "/payment/2"));
                assertEquals(VendorStatus.PAID, rest.invoice().status());
                assertEquals(Money.of("0.00", "NZD"), rest.invoice().amountDue());
                assertEquals(InvoiceStatus.PAID, xero(world, invoice).status());
                assertEquals(PAID_ON, xero(world, invoice).fullyPaidOnDate());
            }
        }
    }

    @Test
    void aPaymentWhoseAnswerWasLostIsAnsweredByXeroWhenSentAgain() throws Exception {
        try (XeroWorld world = start()) {
            Connection connection = world.connected(NumberingPolicy.VENDOR_ASSIGNS);
            Customer customer = customer("Moa Motors");
            try (ConnectorSession session = world.session(connection)) {
                String contact = XeroWorld.contacts(session, List.of(customer)).get(customer.id());
                ExternalInvoice invoice = push(session, customer, contact, "100.00");
                world.simulator.server().dropResponseAfterCommit(r -> r.method().equals("PUT")
                        && r.path().endsWith("/Payments"), 1);

                ExternalPayment payment = session.sendPayment(new OutgoingPayment(invoice, contact,
                        Money.of("15.00", "NZD"), PAID_ON, "090", "", connection.uid() + "/payment/lost"));

                assertEquals(1, world.simulator.payments(world.tenant()).size());
                assertEquals(Money.of("100.00", "NZD"), payment.invoice().amountDue(), "115.00 less 15.00");
                assertEquals(2, world.calls("PUT", "/Payments"), "sent again with the same Idempotency-Key");
            }
        }
    }

    @Test
    void aPaymentXeroRefusesIsExplainedAndDepositAccountsAreTheOnesXeroTakes() throws Exception {
        try (XeroWorld world = start()) {
            Connection connection = world.connected(NumberingPolicy.VENDOR_ASSIGNS);
            assertTrue(world.connector.descriptor().capabilities().receivesPayments());
            Customer customer = customer("Kaka Kitchens");
            try (ConnectorSession session = world.session(connection)) {
                Set<String> codes = session.referenceData(true).depositAccounts().stream().map(ReferenceEntry::code)
                        .collect(Collectors.toSet());
                assertEquals(Set.of("090", "970"), codes, "the bank account and the one with payments enabled");
                String contact = XeroWorld.contacts(session, List.of(customer)).get(customer.id());
                ExternalInvoice invoice = push(session, customer, contact, "100.00");

                ConnectorException tooMuch = assertThrows(ConnectorException.class, () -> session.sendPayment(
                        new OutgoingPayment(invoice, contact, Money.of("500.00", "NZD"), PAID_ON, "090", "",
                                connection.uid() + "/payment/too-much")));

                assertEquals("payment.more-than-due", tooMuch.problem().code());
                assertFalse(tooMuch.problem().retryable());
                assertFalse(tooMuch.mayHaveReachedVendor());
                assertTrue(tooMuch.problem().message().contains(invoice.number())
                        && tooMuch.problem().message().contains("NZD 500.00"), tooMuch.problem().message());
                assertTrue(tooMuch.problem().vendorMessage().contains("exceeds the amount outstanding"),
                        tooMuch.problem().vendorMessage());

                ConnectorException notABank = assertThrows(ConnectorException.class, () -> session.sendPayment(
                        new OutgoingPayment(invoice, contact, Money.of("10.00", "NZD"), PAID_ON, "200", "",
                                connection.uid() + "/payment/sales")));
                assertEquals("payment.deposit-account-unknown", notABank.problem().code());
                assertTrue(notABank.problem().message().contains("090 Business Bank Account"),
                        notABank.problem().message());
                assertEquals(0, world.simulator.payments(world.tenant()).size());
                assertEquals(InvoiceStatus.AUTHORISED, xero(world, invoice).status());
            }
        }
    }

    private static ExternalInvoice push(ConnectorSession session, Customer customer, String contact, String amount)
            throws Exception {
        Invoice invoice = invoice(customer, amount);
        return created(session.push(List.of(outgoing(invoice, customer, contact, ""))), reference(invoice))
                .external();
    }

    /** How many times invoices were changed through the API (a void or delete is a POST to one invoice). */
    private static long invoiceUpdates(XeroWorld world) {
        return world.log().stream().filter(r -> r.method().equals("POST") && r.path().contains("/Invoices")).count();
    }

    private static UUID id(ExternalInvoice invoice) {
        return UUID.fromString(invoice.externalId());
    }

    private static org.ledgerport.simulator.xero.Invoice xero(XeroWorld world, ExternalInvoice invoice) {
        return world.simulator.invoice(world.tenant(), id(invoice));
    }
}
