package org.ledgerport.connector.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.connector.xero.tests.XeroWorld.created;
import static org.ledgerport.connector.xero.tests.XeroWorld.customer;
import static org.ledgerport.connector.xero.tests.XeroWorld.invoice;
import static org.ledgerport.connector.xero.tests.XeroWorld.itemLine;
import static org.ledgerport.connector.xero.tests.XeroWorld.outgoing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.Resolution;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.TaxMode;
import org.ledgerport.simulator.support.SimRequest;
import org.ledgerport.simulator.xero.Contact;
import org.ledgerport.simulator.xero.LineItem;
import org.ledgerport.simulator.xero.Organisation;

/** Customers become Xero contacts and items Xero items: matched first, the rest created, in few calls. */
class ContactsAndItemsTest {

    @Test
    void contactsAreMatchedByNameOrContactCodeAndTheRestCreatedInOneCall() throws Exception {
        Customer kauri = customer("kauri cafe");
        Customer renamed = customer("Rimu Traders");
        Customer archived = customer("Totara Books");
        Contact rimuInXero = new Contact(UUID.randomUUID(), "Rimu Traders Ltd", null, null, null,
                "LP-C" + renamed.id(), null, false, Instant.EPOCH);
        Organisation organisation = Organisation.standard("Tasman Joinery Ltd").withContact(Contact.named("Kauri Cafe"))
                .withContact(rimuInXero).withContact(Contact.named("Totara Books").archivedAt(Instant.EPOCH));
        try (XeroWorld world = XeroWorld.start(options -> options.withOrganisations(organisation))) {
            Connection connection = world.connected(NumberingPolicy.VENDOR_ASSIGNS);
            List<Customer> customers = new ArrayList<>(List.of(kauri, renamed, archived));
            for (int i = 0; i < 25; i++) {
                customers.add(customer("New Customer " + i + " Ltd"));
            }
            try (ConnectorSession session = world.session(connection)) {
                session.referenceData(false);
                world.simulator.server().clearRequestLog();

                Resolution<Long> found = session.resolveCustomers(customers);

                assertEquals(2, world.calls("GET", "/Contacts"), "28 customers looked up 20 to a call");
                assertEquals(1, world.calls("PUT", "/Contacts"), "25 contacts created in one call");
                assertEquals(25, found.created());
                assertEquals(27, found.resolved().size());
                assertEquals(contactId(world, "Kauri Cafe"), found.resolved().get(kauri.id()), "matched by name");
                assertEquals(rimuInXero.contactId().toString(), found.resolved().get(renamed.id()),
                        "matched by the contact code Ledgerport gave it, though renamed in Xero");
                Problem totara = found.failed().get(archived.id());
                assertEquals("contact.archived", totara.code());
                assertTrue(totara.message().contains("Restore"), totara.message());
                Contact created = world.simulator.contacts(world.tenant()).stream()
                        .filter(c -> c.name().equals("New Customer 7 Ltd")).findFirst().orElseThrow();
                assertEquals("LP-C" + customers.get(10).id(), created.contactNumber(), "a code to find it by later");
                assertEquals("accounts@example.co.nz", created.emailAddress());

                Resolution<Long> again = session.resolveCustomers(customers.subList(3, 28));
                assertEquals(0, again.created(), "found, not created twice");
                assertEquals(1, world.calls("PUT", "/Contacts"));
                assertEquals(List.of("contact.archived"), session.validate(outgoing(invoice(archived, "10.00"),
                        archived, "", ""), session.referenceData(false)).stream().map(Problem::code).toList(),
                        "the archived contact is known to pre-flight now");
            }
        }
    }

    @Test
    void aNameTakenInXeroMeanwhileIsExplained() throws Exception {
        try (XeroWorld world = XeroWorld.start()) {
            Connection connection = world.connected(NumberingPolicy.VENDOR_ASSIGNS);
            Customer customer = customer("Matai Motors");
            AtomicBoolean someoneElse = new AtomicBoolean(true);
            // Someone working in Xero adds the contact after Ledgerport looked and before it creates it.
            world.simulator.server().filter((request, next) -> {
                if (request.method().equals("PUT") && request.path().endsWith("/Contacts")
                        && someoneElse.getAndSet(false)) {
                    next.handle(new SimRequest("PUT", request.path(), Map.of(), Map.of(), request.headers(),
                            "{\"Contacts\":[{\"Name\":\"Matai Motors\"}]}".getBytes(StandardCharsets.UTF_8), ""));
                }
                return next.handle(request);
            });
            try (ConnectorSession session = world.session(connection)) {
                Resolution<Long> refused = session.resolveCustomers(List.of(customer));

                Problem duplicate = refused.failed().get(customer.id());
                assertEquals("contact.duplicate-name", duplicate.code());
                assertTrue(duplicate.message().contains("export again") && duplicate.message().contains(
                        "LP-C" + customer.id()) && duplicate.message().contains("rename the customer here"),
                        duplicate.message());
                assertTrue(duplicate.vendorMessage().contains("already assigned to another contact"));

                Resolution<Long> later = session.resolveCustomers(List.of(customer));
                assertEquals(contactId(world, "Matai Motors"), later.resolved().get(customer.id()),
                        "the next export finds the contact by its name");
            }
        }
    }

    @Test
    void itemsAreMatchedByCodeCreatedInOneCallOrSentAsPlainLines() throws Exception {
        try (XeroWorld world = XeroWorld.start(options -> options.withOrganisations(
                Organisation.standard("Tasman Joinery Ltd").withItem(org.ledgerport.simulator.xero.Item.of("CONSULT",
                        "Consulting", new BigDecimal("120.00"), "200"))))) {
            Connection connection = world.connected(NumberingPolicy.VENDOR_ASSIGNS);
            Item consult = XeroWorld.item("consult", "Consulting", "120.00");
            Item guide = XeroWorld.item("GUIDE", "Joinery field guide", "24.50");
            Item decking = XeroWorld.item("HARDWOOD-DECKING-KWILA-140X19-RANDOM", "Kwila decking", "12.50");
            Customer customer = customer("Harakeke Homes");
            try (ConnectorSession session = world.session(connection)) {
                session.referenceData(false);
                world.simulator.server().clearRequestLog();

                Resolution<String> items = session.resolveItems(List.of(consult, guide, decking));

                assertEquals(1, world.calls("GET", "/Items"));
                assertEquals(1, world.calls("PUT", "/Items"));
                assertEquals(1, items.created());
                assertEquals(Map.of(), items.failed());
                assertEquals(3, items.resolved().size());
                assertEquals("plain-line", items.resolved().get(decking.code()),
                        "a code longer than Xero's 30 characters goes as a plain line");

                String contact = XeroWorld.contacts(session, List.of(customer)).get(customer.id());
                var invoice = invoice(customer, TaxMode.PER_LINE, List.of(itemLine(consult, "2"), itemLine(guide, "1"),
                        itemLine(decking, "10")), List.of());
                created(session.push(List.of(outgoing(invoice, customer, contact, List.of(consult, guide, decking),
                        items.resolved(), ""))), XeroWorld.reference(invoice));
                List<LineItem> lines = world.invoiceWithReference(XeroWorld.reference(invoice)).lineItems();
                assertEquals("consult", lines.get(0).itemCode());
                assertEquals("GUIDE", lines.get(1).itemCode());
                assertNull(lines.get(2).itemCode(), "the plain line names no item");
                assertEquals("Kwila decking", lines.get(2).description());
                assertTrue(lines.stream().allMatch(l -> "200".equals(l.accountCode()) && "OUTPUT".equals(
                        l.taxType())), "every line carries its account and tax rate");
            }
        }
    }

    private static String contactId(XeroWorld world, String name) {
        return world.simulator.contacts(world.tenant()).stream().filter(c -> c.name().equals(name) && !c.archived())
                .findFirst().orElseThrow().contactId().toString();
    }
}
