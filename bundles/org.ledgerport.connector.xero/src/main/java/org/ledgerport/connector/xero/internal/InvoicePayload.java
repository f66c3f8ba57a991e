package org.ledgerport.connector.xero.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.model.Charge;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.TaxCode;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes an invoice as Xero's Invoice, and decides how the firm's codes become Xero's: tax codes to TaxTypes,
 * income accounts to account codes.
 */
final class InvoicePayload {

    /**
     * What an item resolves to when Xero cannot keep it as an item (its code is too long for Xero): its lines go
     * as plain lines with an account code, and the item's name stays in their description.
     */
    static final String PLAIN_LINE = "plain-line";

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final Connection connection;
    private final XeroSettings settings;
    private final OrganisationLists lists;

    InvoicePayload(Connection connection, XeroSettings settings, OrganisationLists lists) {
        this.connection = connection;
        this.settings = settings;
        this.lists = lists;
    }

    /**
     * Xero's TaxType for one of the firm's tax codes: the mapped one, else the code itself when Xero has a tax rate
     * of that type; empty when it is not mapped. Lines without a tax code get the connection's untaxed rate rather
     * than their account's default, which would add tax.
     */
    String taxType(String ours) {
        if (ours.isEmpty()) {
            return settings.untaxedRate();
        }
        String mapped = connection.mapped(MappingKind.TAX_CODE, ours);
        if (!mapped.isEmpty()) {
            return mapped;
        }
        return lists.taxRate(ours).isPresent() ? ours : "";
    }

    /**
     * Xero's account code for one of the firm's income accounts: the mapped one, else the same code when Xero has
     * it, else the connection's default sales account.
     */
    String account(String ours) {
        String mapped = ours.isEmpty() ? "" : connection.mapped(MappingKind.INCOME_ACCOUNT, ours);
        if (!mapped.isEmpty()) {
            return mapped;
        }
        if (!ours.isEmpty() && lists.account(ours).isPresent()) {
            return ours;
        }
        return settings.salesAccount();
    }

    /** One line as Xero gets it; {@code taxCode} is the firm's code, {@code amount} the line's net amount. */
    private record Line(String description, BigDecimal quantity, BigDecimal unitAmount, BigDecimal discountRate,
            String accountCode, String taxCode, String itemCode, Money amount) {
    }

    ObjectNode write(OutgoingInvoice outgoing) {
        Invoice invoice = outgoing.invoice();
        boolean exempt = outgoing.customer().taxExempt();
        ObjectNode json = XeroApi.JSON.createObjectNode();
        json.put("Type", "ACCREC");
        json.putObject("Contact").put("ContactID", outgoing.customerExternalId());
        if (!outgoing.numberToSend().isEmpty()) {
            json.put("InvoiceNumber", outgoing.numberToSend());
        }
        json.put("Reference", outgoing.ourReference());
        json.put("Date", invoice.issueDate().toString());
        json.put("DueDate", invoice.dueDate().toString());
        json.put("CurrencyCode", invoice.currency().getCurrencyCode());
        json.put("Status", settings.statusOnExport());
        // A tax-exempt customer's invoice carries no tax at all, whatever its lines' codes say.
        json.put("LineAmountTypes", exempt ? "NoTax" : "Exclusive");
        List<Line> lines = lines(outgoing);
        Map<Integer, Money> taxAmounts = exempt ? Map.of() : explicitTaxAmounts(lines, outgoing);
        ArrayNode items = json.putArray("LineItems");
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            ObjectNode item = items.addObject();
            item.put("Description", line.description());
            item.put("Quantity", line.quantity());
            item.put("UnitAmount", line.unitAmount());
            if (line.discountRate().signum() != 0) {
                item.put("DiscountRate", line.discountRate());
            }
            if (!line.itemCode().isEmpty()) {
                item.put("ItemCode", line.itemCode());
            }
            item.put("AccountCode", line.accountCode());
            if (!exempt) {
                item.put("TaxType", taxType(line.taxCode()));
                Money tax = taxAmounts.get(i);
                if (tax != null) {
                    item.put("TaxAmount", tax.amount());
                }
            }
        }
        if (!invoice.memo().isBlank()) {
            // Xero's sales invoices have no message field; a line with a description only prints it.
            items.addObject().put("Description", invoice.memo());
        }
        return json;
    }

    private List<Line> lines(OutgoingInvoice outgoing) {
        List<Line> lines = new ArrayList<>();
        for (InvoiceLine line : outgoing.invoice().lines()) {
            Item item = line.itemCode().isEmpty() ? null : outgoing.items().get(line.itemCode());
            String itemId = outgoing.itemExternalIds().getOrDefault(line.itemCode(), "");
            boolean asItem = item != null && !itemId.isEmpty() && !PLAIN_LINE.equals(itemId);
            lines.add(new Line(line.description(), line.quantity(), line.unitPrice().amount(),
                    line.discountPercent(), account(item == null ? "" : item.incomeAccount()), line.taxCode(),
                    asItem ? item.code() : "", line.amount()));
        }
        for (Charge charge : outgoing.invoice().charges()) {
            // A discount off the total goes as a negative line rather than as a line's DiscountAmount: Xero's
            // discounts belong to one line and its tax rate, while ours is taxed by its own code, as billed.
            lines.add(new Line(charge.description(), BigDecimal.ONE, charge.signedAmount().amount(), BigDecimal.ZERO,
                    settings.salesAccount(), charge.taxCode(), "", charge.signedAmount()));
        }
        return lines;
    }

    /**
     * The lines (by index) that need an explicit TaxAmount. Xero computes tax per line, rounds it and adds it up;
     * where that sum differs from the tax billed for a code (the invoice rounds per invoice), every line of that code
     * gets its tax given explicitly, with the difference on its largest line, so that Xero's total is the one billed.
     */
    private static Map<Integer, Money> explicitTaxAmounts(List<Line> lines, OutgoingInvoice outgoing) {
        Map<String, List<Integer>> byCode = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            byCode.computeIfAbsent(lines.get(i).taxCode(), code -> new ArrayList<>()).add(i);
        }
        Map<Integer, Money> explicit = new LinkedHashMap<>();
        Money zero = Money.zero(outgoing.invoice().currency());
        byCode.forEach((code, group) -> {
            TaxCode taxCode = outgoing.taxCodes().get(code);
            BigDecimal rate = taxCode == null ? BigDecimal.ZERO : taxCode.ratePercent();
            Map<Integer, Money> perLine = new LinkedHashMap<>();
            group.forEach(i -> perLine.put(i, lineTax(lines.get(i).amount(), rate)));
            Money xeros = perLine.values().stream().reduce(zero, Money::add);
            Money billed = outgoing.totals().taxByCode().getOrDefault(code, zero);
            if (xeros.compareTo(billed) != 0) {
                int largest = group.stream().max(Comparator.comparing(i -> lines.get(i).amount().amount().abs()))
                        .orElseThrow();
                perLine.put(largest, perLine.get(largest).add(billed.subtract(xeros)));
                explicit.putAll(perLine);
            }
        });
        return explicit;
    }

    private static Money lineTax(Money amount, BigDecimal ratePercent) {
        BigDecimal net = amount.amount();
        return Money.rounded(net.multiply(ratePercent).divide(HUNDRED, net.scale() + 6, RoundingMode.HALF_UP),
                amount.currency());
    }
}
