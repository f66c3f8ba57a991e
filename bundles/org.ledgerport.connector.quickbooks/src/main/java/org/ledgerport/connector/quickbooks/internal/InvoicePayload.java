package org.ledgerport.connector.quickbooks.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.connector.ReferenceEntry;
import org.ledgerport.core.model.Charge;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.TaxCode;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes an invoice as QuickBooks Online's Invoice entity. */
final class InvoicePayload {

    /** QuickBooks' pseudo tax codes for US companies: taxable or not; the rate comes from the company's setup. */
    static final String TAXABLE = "TAX";
    static final String NOT_TAXABLE = "NON";
    private static final String MARKER_PREFIX = "Exported by Ledgerport [";

    private final Connection connection;
    private final CompanyLists company;
    private final CompanyPreferences preferences;
    private final String lineItem;
    private final Map<String, String> itemIdsByName;

    /**
     * @param lineItem      the name of the item lines without an item of ours are booked on
     * @param itemIdsByName the QuickBooks ids of that item and of the items named after the kinds of charges
     *                      (freight, handling, discount)
     */
    InvoicePayload(Connection connection, CompanyLists company, String lineItem, Map<String, String> itemIdsByName) {
        this.connection = connection;
        this.company = company;
        this.preferences = company.preferences();
        this.lineItem = lineItem;
        this.itemIdsByName = itemIdsByName;
    }

    /** What marks an invoice as ours in its private note, so that it can be found again after a lost answer. */
    static String marker(String ourReference) {
        return MARKER_PREFIX + ourReference + "]";
    }

    /** Our reference in a private note, or empty. */
    static String referenceIn(String privateNote) {
        int start = privateNote.indexOf(MARKER_PREFIX);
        int end = start < 0 ? -1 : privateNote.indexOf(']', start);
        return end < 0 ? "" : privateNote.substring(start + MARKER_PREFIX.length(), end);
    }

    ObjectNode write(OutgoingInvoice outgoing) {
        Invoice invoice = outgoing.invoice();
        ObjectNode json = QuickBooksApi.JSON.createObjectNode();
        json.putObject("CustomerRef").put("value", outgoing.customerExternalId());
        if (!outgoing.numberToSend().isEmpty()) {
            json.put("DocNumber", outgoing.numberToSend());
        } else if (preferences.customNumbers()) {
            // With custom transaction numbers on, QuickBooks leaves the number empty unless asked to assign one.
            json.put("DocNumber", "AUTO_GENERATE");
        }
        json.put("TxnDate", invoice.issueDate().toString());
        json.put("DueDate", invoice.dueDate().toString());
        if (!invoice.currency().getCurrencyCode().equals(preferences.homeCurrency())) {
            json.putObject("CurrencyRef").put("value", invoice.currency().getCurrencyCode());
        }
        if (!outgoing.customer().email().isEmpty()) {
            json.putObject("BillEmail").put("Address", outgoing.customer().email());
        }
        if (!invoice.memo().isEmpty()) {
            json.putObject("CustomerMemo").put("value", invoice.memo());
        }
        json.put("PrivateNote", marker(outgoing.ourReference()));
        if (!preferences.us()) {
            json.put("GlobalTaxCalculation", "TaxExcluded");
        }
        ArrayNode lines = json.putArray("Line");
        int number = 1;
        for (InvoiceLine line : invoice.lines()) {
            salesLine(lines.addObject(), number++, line.description(), line.quantity(), line.unitPrice().amount(),
                    line.amount().amount(), line.itemCode().isEmpty() ? itemIdsByName.get(lineItem)
                            : outgoing.itemExternalIds().get(line.itemCode()),
                    taxCode(line.taxCode(), outgoing));
        }
        // A discount goes as a negative line on a discount item, taxed by its own code: QuickBooks' discount lines
        // reduce the taxable amount or not by a company preference, and the tax must be the tax billed.
        for (Charge charge : invoice.charges()) {
            BigDecimal amount = charge.signedAmount().amount();
            salesLine(lines.addObject(), number++, charge.description(), BigDecimal.ONE, amount, amount,
                    itemIdsByName.get(charge.kind().label()), taxCode(charge.taxCode(), outgoing));
        }
        if (preferences.automatedSalesTax()) {
            // Automated sales tax recomputes tax from the ship-to address unless the total is given; given, it
            // keeps the amount billed and spreads it over its own rates.
            json.putObject("TxnTaxDetail").put("TotalTax", outgoing.totals().tax().amount());
        }
        return json;
    }

    private void salesLine(ObjectNode line, int number, String description, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal amount, String itemId, String taxCode) {
        line.put("LineNum", number);
        line.put("DetailType", "SalesItemLineDetail");
        line.put("Amount", amount);
        line.put("Description", description);
        ObjectNode detail = line.putObject("SalesItemLineDetail");
        if (itemId != null) {
            detail.putObject("ItemRef").put("value", itemId);
        }
        // QuickBooks wants Amount = Qty x UnitPrice; a discounted line is sent at its net unit price, and when
        // no unit price with 7 decimals gives the amount exactly, as one unit at the line's amount.
        BigDecimal net = quantity.signum() == 0 ? unitPrice
                : amount.divide(quantity, 7, RoundingMode.HALF_UP).stripTrailingZeros();
        if (net.multiply(quantity).setScale(amount.scale(), RoundingMode.HALF_UP).compareTo(amount) == 0) {
            detail.put("Qty", quantity);
            detail.put("UnitPrice", net);
        } else {
            detail.put("Qty", BigDecimal.ONE);
            detail.put("UnitPrice", amount);
            line.put("Description", description + " (" + quantity.toPlainString() + " x " + unitPrice.toPlainString()
                    + " less discount)");
        }
        if (!taxCode.isEmpty()) {
            detail.putObject("TaxCodeRef").put("value", taxCode);
        }
    }

    /**
     * QuickBooks' tax code for one of ours: TAX or NON in a US company (whose rate the company's setup or
     * automated sales tax decides), else the id of the code it is mapped to (or of the same name). A tax-exempt
     * customer's lines are all NON, as the customer pays no tax whatever the codes say.
     */
    String taxCode(String ours, OutgoingInvoice outgoing) {
        if (outgoing.customer().taxExempt()) {
            return company.reference().taxCode(NOT_TAXABLE).map(ReferenceEntry::id).orElse(NOT_TAXABLE);
        }
        if (preferences.automatedSalesTax() || preferences.us()) {
            TaxCode code = outgoing.taxCodes().get(ours);
            return code != null && code.ratePercent().signum() > 0 ? TAXABLE : NOT_TAXABLE;
        }
        if (ours.isEmpty()) {
            return "";
        }
        String mapped = connection.mapped(MappingKind.TAX_CODE, ours);
        String theirs = mapped.isEmpty() ? ours : mapped;
        return company.reference().taxCode(theirs).map(ReferenceEntry::id).orElse(theirs);
    }
}
