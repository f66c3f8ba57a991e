package org.ledgerport.core.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.InvoiceSummary;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.TaxCode;

/**
 * The firm's invoices, customers, items and tax codes. Every status change goes through
 * {@link org.ledgerport.core.model.InvoiceLifecycle}; every write of an invoice checks the version it was read
 * at and refuses with {@link ConcurrentChangeException} when someone saved it in between.
 */
public interface InvoiceStore {

    /** Event Admin topic posted after invoices were written. */
    String TOPIC_INVOICES_CHANGED = "org/ledgerport/store/invoices/CHANGED";

    /** Saves a new customer; its id is ignored and the saved one returned. */
    Customer createCustomer(Customer customer);

    Customer updateCustomer(Customer customer);

    Optional<Customer> findCustomer(long id);

    /** The customers, by name. */
    List<Customer> listCustomers();

    Item createItem(Item item);

    Optional<Item> findItem(String code);

    List<Item> listItems();

    /** Saves a tax code, replacing the one with the same code. */
    TaxCode saveTaxCode(TaxCode taxCode);

    List<TaxCode> listTaxCodes();

    /** Saves a new draft invoice. */
    Invoice createInvoice(InvoiceDraft draft);

    /** Changes a draft invoice read at {@code expectedVersion}. Only drafts can be changed. */
    Invoice updateInvoice(long id, int expectedVersion, InvoiceDraft draft);

    /**
     * Moves an invoice read at {@code expectedVersion} to another status, refusing with the lifecycle's reason.
     * Finalizing also checks the invoice by {@link org.ledgerport.core.model.InvoiceRules}. An invoice becomes
     * exported only through an export, and goes back from exported to draft only once it was withdrawn from
     * every accounting package it was exported to.
     */
    Invoice changeStatus(long id, int expectedVersion, InvoiceStatus target);

    Optional<Invoice> findInvoice(long id);

    Optional<Invoice> findInvoiceByNumber(String number);

    /** The invoices with these ids that exist, in the order of the ids. */
    List<Invoice> loadInvoices(Collection<Long> ids);

    /** The invoices in a status, oldest first. */
    List<Long> invoiceIds(InvoiceStatus status);

    /** Every invoice as a list row, newest first. */
    List<InvoiceSummary> listInvoices();

    /** How many invoices the query lets through. */
    int countInvoices(InvoiceQuery query);

    /**
     * One page of the invoices the query lets through, in its order: at most {@code limit} rows from row
     * {@code offset} (counted from 0). Only the page is read, so a list of a million invoices stays fast.
     */
    List<InvoiceSummary> findInvoices(InvoiceQuery query, int offset, int limit);

    /**
     * Writes a whole import in one transaction: all of it or, when any part is refused, nothing.
     *
     * @throws ImportRefusedException naming the source line of every part that was refused
     */
    ImportBatch.Saved importBatch(ImportBatch batch);

    /** Whether the database holds no customers and no invoices yet (a first start). */
    boolean isEmpty();
}
