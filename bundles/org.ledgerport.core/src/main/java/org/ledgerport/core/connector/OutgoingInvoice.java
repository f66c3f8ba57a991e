package org.ledgerport.core.connector;

import java.util.Map;
import java.util.Objects;

import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceTotals;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.TaxCode;

/**
 * One invoice as the engine hands it to a connector, with everything needed to send it and nothing to look
 * up.
 *
 * @param customerExternalId the vendor's id of the customer, or empty during pre-flight
 * @param items              the items the lines name, by code
 * @param itemExternalIds    the vendor's id per item code, empty during pre-flight
 * @param taxCodes           the firm's tax codes the invoice uses, by code
 * @param ourReference       the stable reference the invoice is found by at the vendor
 * @param idempotencyKey     the same for every attempt at this version of the invoice on this connection
 * @param numberToSend       the number to give the invoice there, or empty when the vendor assigns it
 */
public record OutgoingInvoice(Invoice invoice, Customer customer, String customerExternalId,
        Map<String, Item> items, Map<String, String> itemExternalIds, Map<String, TaxCode> taxCodes,
        InvoiceTotals totals, String ourReference, String idempotencyKey, String numberToSend) {

    public OutgoingInvoice {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(customer, "customer");
        customerExternalId = customerExternalId == null ? "" : customerExternalId;
        items = Map.copyOf(items);
        itemExternalIds = Map.copyOf(itemExternalIds);
        taxCodes = Map.copyOf(taxCodes);
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(ourReference, "ourReference");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        numberToSend = numberToSend == null ? "" : numberToSend;
    }
}
