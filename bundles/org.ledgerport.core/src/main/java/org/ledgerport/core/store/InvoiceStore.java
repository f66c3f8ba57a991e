package org.ledgerport.core.store;

import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceSummary;
import org.ledgerport.core.model.NewInvoice;

/**
 * The firm's customers and invoices, kept in the local database. Every method may touch the disk: call it
 * from a background job, never from the UI thread.
 */
public interface InvoiceStore {

    /**
     * Event Admin topic posted after invoices were written through this store, so open views can reload.
     * Writes made by another system straight into a shared database post nothing.
     */
    String TOPIC_INVOICES_CHANGED = "org/ledgerport/store/invoices/CHANGED";

    Customer createCustomer(String name, String email, Currency currency);

    List<Customer> listCustomers();

    /** Stores a new invoice as a draft; its number must not be in use yet. */
    Invoice createInvoice(NewInvoice invoice);

    Optional<Invoice> findInvoice(long id);

    /** All invoices, newest issue date first, for the invoice list. */
    List<InvoiceSummary> listInvoices();
}
