package org.ledgerport.connector.quickbooks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.ExternalInvoice;
import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.connector.PushResult;
import org.ledgerport.core.model.Address;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.InvoiceTotals;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.model.TaxMode;

/** Invoices built and handed to a session the way the export engine does, for tests that call a session directly. */
final class SessionWork {

    private SessionWork() {
    }

    static ConnectorSession open(Connection connection) throws Exception {
        return QuickBooksAccount.connector().openSession(QuickBooksAccount.context(connection));
    }

    /** A customer of the Irish test firm, with a name unique in the run. */
    static Customer irishCustomer(String name) {
        return new Customer(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000), name + " "
                + UUID.randomUUID().toString().substring(0, 8), "", Address.NONE, false, Currency.getInstance("EUR"));
    }

    /** An invoice of one line of advice. */
    static Invoice invoice(Customer customer, String currency, String taxCode, String amount) {
        long id = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        return new Invoice(id, "S-" + id, customer.id(), LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 2),
                Currency.getInstance(currency), List.of(new InvoiceLine("", "Advice", BigDecimal.ONE,
                        Money.of(amount, currency), BigDecimal.ZERO, taxCode)), List.of(), "", TaxMode.PER_LINE,
                InvoiceStatus.FINALIZED, 1);
    }

    /** An invoice as the engine hands it over, its customer found or created first, as the engine does. */
    static OutgoingInvoice outgoing(ConnectorSession session, Customer customer, String currency, String taxCode,
            String amount) throws ConnectorException {
        TaxCode code = new TaxCode(taxCode, "Standard 20 %", new BigDecimal("20"));
        Invoice invoice = invoice(customer, currency, taxCode, amount);
        return withCustomer(session, new OutgoingInvoice(invoice, customer, "", Map.of(), Map.of(),
                Map.of(taxCode, code), InvoiceTotals.of(invoice, Map.of(taxCode, code), customer.taxExempt()),
                "LP-" + invoice.id() + "-v1", UUID.randomUUID().toString(), ""));
    }

    static OutgoingInvoice withCustomer(ConnectorSession session, OutgoingInvoice o) throws ConnectorException {
        String id = session.resolveCustomers(List.of(o.customer())).resolved().get(o.customer().id());
        return new OutgoingInvoice(o.invoice(), o.customer(), id, o.items(), o.itemExternalIds(), o.taxCodes(),
                o.totals(), o.ourReference(), o.idempotencyKey(), o.numberToSend());
    }

    /** The one invoice of the results, which must say it was created. */
    static ExternalInvoice created(List<PushResult> results) {
        assertEquals(1, results.size());
        if (results.get(0) instanceof PushResult.Created created) {
            return created.external();
        }
        throw new AssertionError("not created: " + results.get(0));
    }
}
