package org.ledgerport.simulator.quickbooks.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Invoices as QuickBooks keeps them: amounts computed (Amount = Qty × UnitPrice in cents, TotalAmt = lines −
 * discounts + tax), numbers from the company's sequence, tax by Automated Sales Tax or by the lines' tax codes,
 * versions checked by SyncToken, void and delete, and the invoice's side of the payments applied to it.
 *
 * <p>Tax, kept simple and deterministic: without Automated Sales Tax each line's TaxCodeRef (or its item's
 * SalesTaxCodeRef) names a code whose rates apply to the sum of the lines' amounts per rate, rounded half up to
 * cents (exclusive of tax, or inclusive with GlobalTaxCalculation TaxInclusive); a TotalTax sent is recomputed.
 * With Automated Sales Tax the codes sent are overridden (every line TAX, or NON for a non-taxable customer) and
 * the company's sales tax rate applies to the taxable lines, unless TxnTaxDetail.TotalTax is sent: then that amount
 * is kept. Discounts do not reduce the taxable amounts.
 */
public final class Invoices {

    private static final Set<String> WRITABLE = Set.of("DocNumber", "TxnDate", "DueDate", "CustomerRef", "Line",
            "TxnTaxDetail", "PrivateNote", "CustomerMemo", "CustomField", "CurrencyRef", "ExchangeRate", "BillEmail",
            "BillEmailCc", "BillEmailBcc", "BillAddr", "ShipAddr", "SalesTermRef", "GlobalTaxCalculation",
            "EmailStatus", "PrintStatus", "TrackingNum", "ShipDate", "ClassRef", "DepartmentRef",
            "AllowOnlineCreditCardPayment", "AllowOnlineACHPayment");
    private static final Set<String> COMPUTED = Set.of("TotalAmt", "Balance", "HomeTotalAmt", "HomeBalance");
    private static final Set<String> TAX_CALCULATIONS = Set.of("TaxExcluded", "TaxInclusive", "NotApplicable");
    private static final String AUTO_GENERATE = "AUTO_GENERATE";
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private final Company company;

    Invoices(Company company) {
        this.company = company;
    }

    /** Creates an invoice, or updates one (full, or sparse with {@code "sparse":true}) when the body has an Id. */
    public ObjectNode save(ObjectNode input, boolean allowDuplicateNumber) {
        String id = Json.text(input, "Id");
        ObjectNode existing = null;
        if (id != null) {
            existing = company.find("Invoice", id);
            if (existing == null) {
                throw QboFault.deletedTransaction(id);
            }
            Company.requireCurrent(existing, input);
        }
        ObjectNode fields = Company.writable(input, existing, WRITABLE);
        if (existing != null && !input.has("TxnTaxDetail")) {
            // The tax of an update is worked out again unless the update sends its own.
            fields.remove("TxnTaxDetail");
        }
        String numberBefore = existing == null ? null : Json.text(existing, "DocNumber");
        ObjectNode built = build(fields, existing, allowDuplicateNumber, numberBefore);
        if (existing == null) {
            built.set("LinkedTxn", Company.array());
        }
        ObjectNode saved = company.save("Invoice", existing, built, union(WRITABLE, COMPUTED));
        String number = Json.text(saved, "DocNumber");
        if (number != null && !number.equals(numberBefore)) {
            company.docNumberUsed(number);
        }
        return saved;
    }

    /** Voids through the API: Id and the current SyncToken. */
    public ObjectNode voidInvoice(ObjectNode input) {
        return voided(current(input));
    }

    /** Deletes through the API: Id and the current SyncToken; refused while payments are linked. */
    public ObjectNode delete(ObjectNode input) {
        ObjectNode invoice = current(input);
        if (!paymentsOf(invoice).isEmpty()) {
            throw QboFault.business("invoice " + invoice.path("Id").asText() + " has payments linked to it; unlink "
                    + "them first, or void the invoice instead", "LinkedTxn");
        }
        return deleted(invoice);
    }

    /** Voids as a user in QuickBooks does: whatever its version, payments unlinked. */
    public ObjectNode voidAsUser(String id) {
        return voided(stored(id));
    }

    /** Deletes as a user in QuickBooks does: payments unlinked first. */
    public ObjectNode deleteAsUser(String id) {
        ObjectNode invoice = stored(id);
        unlinkPayments(invoice);
        return deleted(invoice);
    }

    /**
     * Records a payment of the whole {@code amount} from the invoice's customer, applied to the invoice, as a user in
     * QuickBooks receives one: deposited to Undeposited Funds, under the same rules as POST /payment.
     */
    public ObjectNode receivePayment(String invoiceId, BigDecimal amount) {
        ObjectNode invoice = stored(invoiceId);
        ObjectNode payment = Json.object().put("TotalAmt", amount);
        payment.set("CustomerRef", invoice.path("CustomerRef").deepCopy());
        payment.set("CurrencyRef", invoice.path("CurrencyRef").deepCopy());
        payment.putArray("Line").addObject().put("Amount", amount).putArray("LinkedTxn").addObject()
                .put("TxnId", invoiceId).put("TxnType", "Invoice");
        return company.payments().create(payment);
    }

    /** The invoice's side of a payment: a LinkedTxn, a lower Balance, a new SyncToken and LastUpdatedTime. */
    void applyPayment(String invoiceId, String paymentId, BigDecimal amount) {
        ObjectNode invoice = stored(invoiceId);
        invoice.withArrayProperty("LinkedTxn").addObject().put("TxnId", paymentId).put("TxnType", "Payment");
        invoice.put("Balance", Json.money(invoice.path("Balance").decimalValue().subtract(amount)));
        company.touch(invoice);
    }

    // ---- building ----

    private ObjectNode build(ObjectNode fields, ObjectNode existing, boolean allowDuplicateNumber,
            String numberBefore) {
        ObjectNode customer = customer(fields);
        String home = company.setup().homeCurrency();
        String customerCurrency = Json.ref(customer, "CurrencyRef") == null ? home : Json.ref(customer, "CurrencyRef");
        String currency = Json.ref(fields, "CurrencyRef") == null ? customerCurrency : Json.ref(fields, "CurrencyRef");
        if (!currency.equals(customerCurrency)) {
            throw QboFault.business("the invoice's currency (" + currency + ") must be its customer's currency ("
                    + customerCurrency + ")", "CurrencyRef");
        }
        fields.set("CurrencyRef", Company.currencyRef(currency));
        boolean ast = company.automatedSalesTax();
        boolean customerTaxable = customer.path("Taxable").asBoolean(true);

        JsonNode sent = fields.get("Line");
        if (sent == null || !sent.isArray() || sent.isEmpty()) {
            throw QboFault.requiredMissing("Line");
        }
        ArrayNode lines = Company.array();
        List<JsonNode> discounts = new ArrayList<>();
        Map<String, BigDecimal> byTaxCode = new LinkedHashMap<>();
        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        int number = 0;
        for (JsonNode line : sent) {
            String type = Json.text(line, "DetailType");
            if (type == null) {
                throw QboFault.requiredMissing("Line.DetailType");
            }
            switch (type) {
                case "SubTotalLineDetail" -> {
                    // Worked out again below, as QuickBooks does.
                }
                case "SalesItemLineDetail" -> {
                    ObjectNode out = salesLine(line, ++number, ast, customerTaxable);
                    BigDecimal amount = out.path("Amount").decimalValue();
                    subtotal = subtotal.add(amount);
                    byTaxCode.merge(Json.ref(out.path("SalesItemLineDetail"), "TaxCodeRef"), amount, BigDecimal::add);
                    lines.add(out);
                }
                case "DescriptionOnly" -> {
                    String description = Json.text(line, "Description");
                    Json.checkLength(description, 4000, "Line.Description");
                    ObjectNode out = lines.addObject().put("Id", Integer.toString(++number)).put("LineNum", number);
                    if (description != null) {
                        out.put("Description", description);
                    }
                    out.put("DetailType", "DescriptionOnly");
                    out.set("DescriptionLineDetail", line.path("DescriptionLineDetail").isObject()
                            ? line.path("DescriptionLineDetail").deepCopy() : Json.object());
                }
                case "DiscountLineDetail" -> discounts.add(line);
                case "GroupLineDetail" -> throw QboFault.business("group lines (GroupLineDetail) are not part of "
                        + "what this simulator keeps; send the group's items as sales lines", "Line.DetailType");
                default -> throw QboFault.validation("2170", "Invalid Enumeration", "Invalid enumeration : " + type
                        + " for Line.DetailType", "Line.DetailType");
            }
        }
        lines.addObject().put("Amount", subtotal).put("DetailType", "SubTotalLineDetail")
                .set("SubTotalLineDetail", Json.object());
        BigDecimal discountTotal = BigDecimal.ZERO.setScale(2);
        for (JsonNode line : discounts) {
            ObjectNode out = discountLine(line, ++number, subtotal);
            discountTotal = discountTotal.add(out.path("Amount").decimalValue());
            lines.add(out);
        }
        fields.set("Line", lines);

        String calculation = Json.text(fields, "GlobalTaxCalculation");
        ObjectNode taxDetail;
        if (ast) {
            fields.remove("GlobalTaxCalculation");
            taxDetail = automatedSalesTax(byTaxCode.getOrDefault("TAX", BigDecimal.ZERO.setScale(2)),
                    Json.decimal(fields.path("TxnTaxDetail"), "TotalTax"));
        } else {
            calculation = calculation == null ? "TaxExcluded" : calculation;
            if (!TAX_CALCULATIONS.contains(calculation)) {
                throw QboFault.validation("2170", "Invalid Enumeration", "Invalid enumeration : " + calculation
                        + " for GlobalTaxCalculation", "GlobalTaxCalculation");
            }
            fields.put("GlobalTaxCalculation", calculation);
            taxDetail = codeTax(byTaxCode, calculation);
        }
        fields.set("TxnTaxDetail", taxDetail);
        BigDecimal tax = taxDetail.path("TotalTax").decimalValue();
        BigDecimal total = subtotal.subtract(discountTotal).add("TaxInclusive".equals(calculation) && !ast
                ? BigDecimal.ZERO : tax);
        if (total.signum() < 0) {
            throw QboFault.business("an invoice's total cannot be negative (" + total.toPlainString() + ")",
                    "TotalAmt");
        }
        BigDecimal paid = existing == null ? BigDecimal.ZERO : paidOn(existing.path("Id").asText());
        if (paid.compareTo(total) > 0) {
            throw QboFault.business("payments of " + paid.toPlainString() + " are applied to this invoice; its total "
                    + "cannot fall below them (" + total.toPlainString() + ")", "TotalAmt");
        }
        fields.put("TotalAmt", total);
        fields.put("Balance", Json.money(total.subtract(paid)));
        if (!currency.equals(home)) {
            BigDecimal rate = Json.decimal(fields, "ExchangeRate");
            rate = rate == null ? BigDecimal.ONE : rate;
            fields.put("ExchangeRate", rate);
            fields.put("HomeTotalAmt", Json.money(total.multiply(rate)));
        } else {
            fields.remove("ExchangeRate");
        }

        LocalDate txnDate = date(fields, "TxnDate", company.today());
        fields.put("TxnDate", txnDate.toString());
        fields.put("DueDate", date(fields, "DueDate", txnDate).toString());
        docNumber(fields, existing, allowDuplicateNumber, numberBefore);
        Json.checkLength(Json.text(fields, "PrivateNote"), 4000, "PrivateNote");
        // [unverified] cap: QuickBooks documents 1000 characters for the printed memo.
        Json.checkLength(Json.text(fields.path("CustomerMemo"), "value"), 1000, "CustomerMemo");
        if (fields.path("CustomField").size() > 3) {
            // [unverified] legacy limit of three string custom fields; refusing more is the stricter choice.
            throw QboFault.business("an invoice takes at most 3 custom fields, not " + fields.path("CustomField")
                    .size(), "CustomField");
        }
        if (!fields.has("BillAddr") && customer.has("BillAddr")) {
            fields.set("BillAddr", customer.get("BillAddr").deepCopy());
        }
        if (!fields.has("BillEmail") && customer.path("PrimaryEmailAddr").has("Address")) {
            fields.set("BillEmail", customer.get("PrimaryEmailAddr").deepCopy());
        }
        if (!fields.has("EmailStatus")) {
            fields.put("EmailStatus", "NotSet");
        }
        if (!fields.has("PrintStatus")) {
            fields.put("PrintStatus", "NotSet");
        }
        return fields;
    }

    private ObjectNode customer(ObjectNode fields) {
        ObjectNode customer = company.customer(fields, "an invoice");
        fields.set("CustomerRef", Json.refNode(customer.path("Id").asText(), customer.path("DisplayName").asText()));
        return customer;
    }

    private ObjectNode salesLine(JsonNode line, int number, boolean ast, boolean customerTaxable) {
        JsonNode detail = line.path("SalesItemLineDetail");
        if (!detail.isObject()) {
            throw QboFault.requiredMissing("Line.SalesItemLineDetail");
        }
        String itemId = Json.ref(detail, "ItemRef");
        if (itemId == null) {
            // A sales line without a product or service is booked on the company's default item, "Services".
            itemId = company.stored("Item").stream().filter(i -> i.path("Name").asText().equals("Services"))
                    .map(i -> i.path("Id").asText()).findFirst()
                    .orElseThrow(() -> QboFault.requiredMissing("Line.SalesItemLineDetail.ItemRef"));
        }
        ObjectNode item = company.find("Item", itemId);
        if (item == null) {
            throw QboFault.invalidReference("Item", itemId, "ItemRef");
        }
        if (!item.path("Active").asBoolean(true)) {
            throw QboFault.inactive("product or service " + item.path("Name").asText() + " is inactive", "ItemRef");
        }
        BigDecimal qty = Json.decimal(detail, "Qty");
        BigDecimal price = Json.decimal(detail, "UnitPrice");
        BigDecimal sentAmount = Json.decimal(line, "Amount");
        if (qty == null && price == null && sentAmount != null) {
            qty = BigDecimal.ONE;
            price = sentAmount;
        }
        qty = qty == null ? BigDecimal.ONE : qty;
        price = price == null ? item.path("UnitPrice").decimalValue() : price;
        BigDecimal amount = Json.money(qty.multiply(price));
        if (sentAmount != null && Json.money(sentAmount).compareTo(amount) != 0) {
            // Code 6070 is QuickBooks' answer to this as commonly reported; it is not in the reference's table.
            throw QboFault.validation("6070", "Amount is not equal to UnitPrice * Qty", "Amount is not equal to "
                    + "UnitPrice * Qty. Supplied value:" + sentAmount.toPlainString() + " (line " + number + ": "
                    + qty.toPlainString() + " × " + price.toPlainString() + " = " + amount.toPlainString() + ")",
                    "Line.Amount");
        }
        String description = Json.text(line, "Description");
        Json.checkLength(description, 4000, "Line.Description");
        String taxCode;
        if (ast) {
            taxCode = customerTaxable ? "TAX" : "NON";
        } else {
            taxCode = Json.ref(detail, "TaxCodeRef");
            taxCode = taxCode == null ? Json.ref(item, "SalesTaxCodeRef") : taxCode;
            if (taxCode == null) {
                throw QboFault.business("line " + number + " has no tax code (TaxCodeRef), and its item none either",
                        "TaxCodeRef");
            }
            ObjectNode code = company.find("TaxCode", taxCode);
            if (code == null) {
                throw QboFault.invalidReference("TaxCode", taxCode, "TaxCodeRef");
            }
            if (!code.path("Active").asBoolean(true)) {
                throw QboFault.inactive("tax code " + code.path("Name").asText() + " is inactive", "TaxCodeRef");
            }
        }
        ObjectNode out = Json.object().put("Id", Integer.toString(number)).put("LineNum", number);
        if (description != null) {
            out.put("Description", description);
        }
        out.put("Amount", amount).put("DetailType", "SalesItemLineDetail");
        ObjectNode outDetail = out.putObject("SalesItemLineDetail");
        outDetail.set("ItemRef", Json.refNode(itemId, item.path("Name").asText()));
        outDetail.put("Qty", qty).put("UnitPrice", price);
        outDetail.set("TaxCodeRef", Json.refNode(taxCode, null));
        outDetail.set("ItemAccountRef", item.path("IncomeAccountRef").deepCopy());
        String serviceDate = Json.text(detail, "ServiceDate");
        if (serviceDate != null) {
            outDetail.put("ServiceDate", date(detail, "ServiceDate", null).toString());
        }
        return out;
    }

    private ObjectNode discountLine(JsonNode line, int number, BigDecimal subtotal) {
        JsonNode detail = line.path("DiscountLineDetail");
        boolean percentBased = Json.bool(detail, "PercentBased", false);
        BigDecimal amount;
        BigDecimal percent = Json.decimal(detail, "DiscountPercent");
        if (percentBased) {
            if (percent == null) {
                throw QboFault.requiredMissing("Line.DiscountLineDetail.DiscountPercent");
            }
            amount = Json.money(subtotal.multiply(percent).divide(HUNDRED, MathContext.DECIMAL64));
        } else {
            amount = Json.decimal(line, "Amount");
            if (amount == null) {
                throw QboFault.requiredMissing("Line.Amount");
            }
            amount = Json.money(amount);
        }
        if (amount.signum() < 0) {
            throw QboFault.business("a discount is a positive amount, not " + amount.toPlainString(), "Line.Amount");
        }
        String description = Json.text(line, "Description");
        Json.checkLength(description, 4000, "Line.Description");
        ObjectNode out = Json.object().put("Id", Integer.toString(number)).put("LineNum", number);
        if (description != null) {
            out.put("Description", description);
        }
        out.put("Amount", amount).put("DetailType", "DiscountLineDetail");
        ObjectNode outDetail = out.putObject("DiscountLineDetail").put("PercentBased", percentBased);
        if (percentBased) {
            outDetail.put("DiscountPercent", percent);
        }
        String account = Json.ref(detail, "DiscountAccountRef");
        ObjectNode discounts = account == null ? company.visible("Account").stream()
                .filter(a -> a.path("AccountSubType").asText().equals("DiscountsRefundsGiven")).findFirst()
                .orElse(null) : company.find("Account", account);
        if (discounts == null) {
            throw QboFault.invalidReference("Account", account, "DiscountAccountRef");
        }
        outDetail.set("DiscountAccountRef", Json.refNode(discounts.path("Id").asText(), discounts.path("Name")
                .asText()));
        return out;
    }

    /** Tax by the lines' codes: per rate, on the sum of the lines' amounts at that rate, rounded to cents. */
    private ObjectNode codeTax(Map<String, BigDecimal> byTaxCode, String calculation) {
        ObjectNode detail = Json.object();
        ArrayNode taxLines = Company.array();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        if (!"NotApplicable".equals(calculation)) {
            Map<String, BigDecimal> byRate = new LinkedHashMap<>();
            byTaxCode.forEach((codeId, amount) -> {
                ObjectNode code = company.find("TaxCode", codeId);
                if (code.path("Taxable").asBoolean(false)) {
                    for (JsonNode rate : code.path("SalesTaxRateList").path("TaxRateDetail")) {
                        byRate.merge(Json.ref(rate, "TaxRateRef"), amount, BigDecimal::add);
                    }
                }
            });
            for (Map.Entry<String, BigDecimal> entry : byRate.entrySet()) {
                ObjectNode rate = company.find("TaxRate", entry.getKey());
                BigDecimal percent = rate.path("RateValue").decimalValue();
                BigDecimal base = entry.getValue();
                BigDecimal tax = "TaxInclusive".equals(calculation)
                        ? Json.money(base.multiply(percent).divide(HUNDRED.add(percent), MathContext.DECIMAL64))
                        : Json.money(base.multiply(percent).divide(HUNDRED, MathContext.DECIMAL64));
                total = total.add(tax);
                taxLines.add(taxLine(tax, entry.getKey(), percent, "TaxInclusive".equals(calculation)
                        ? base.subtract(tax) : base));
            }
        }
        detail.put("TotalTax", total);
        detail.set("TaxLine", taxLines);
        return detail;
    }

    /** Automated Sales Tax: the company's rate on the taxable lines, or the total tax as sent, kept. */
    private ObjectNode automatedSalesTax(BigDecimal taxable, BigDecimal sentTotal) {
        ObjectNode code = company.find("TaxCode", "TAX");
        String rateId = Json.ref(code.path("SalesTaxRateList").path("TaxRateDetail").path(0), "TaxRateRef");
        BigDecimal percent = company.find("TaxRate", rateId).path("RateValue").decimalValue();
        BigDecimal tax = sentTotal != null ? Json.money(sentTotal)
                : Json.money(taxable.multiply(percent).divide(HUNDRED, MathContext.DECIMAL64));
        ObjectNode detail = Json.object();
        detail.set("TxnTaxCodeRef", Json.refNode("TAX", null));
        detail.put("TotalTax", tax);
        ArrayNode taxLines = detail.putArray("TaxLine");
        if (tax.signum() != 0 || taxable.signum() != 0) {
            taxLines.add(taxLine(tax, rateId, percent, taxable));
        }
        return detail;
    }

    private static ObjectNode taxLine(BigDecimal tax, String rateId, BigDecimal percent, BigDecimal net) {
        ObjectNode line = Json.object().put("Amount", tax).put("DetailType", "TaxLineDetail");
        ObjectNode detail = line.putObject("TaxLineDetail");
        detail.set("TaxRateRef", Json.refNode(rateId, null));
        detail.put("PercentBased", true).put("TaxPercent", percent).put("NetAmountTaxable", Json.money(net));
        return line;
    }

    /**
     * The invoice number (reference 1.6): with custom numbers off, none sent means the company's next number; with
     * them on, none sent means none; "AUTO_GENERATE" means the company's next number either way; a number sent is
     * used either way, unless another invoice has it (6140) and duplicates were not allowed.
     */
    private void docNumber(ObjectNode fields, ObjectNode existing, boolean allowDuplicate, String before) {
        String sent = Json.text(fields, "DocNumber");
        String number;
        if (sent == null) {
            number = existing == null && !company.customTxnNumbers() ? company.nextDocNumber() : null;
        } else if (sent.equals(AUTO_GENERATE)) {
            number = company.nextDocNumber();
        } else {
            number = sent;
        }
        if (number == null) {
            fields.remove("DocNumber");
            return;
        }
        Json.checkLength(number, 21, "DocNumber");
        String self = existing == null ? null : existing.path("Id").asText();
        if (!allowDuplicate && !number.equals(before) && company.docNumberTaken(number, self)) {
            String other = company.stored("Invoice").stream().filter(i -> number.equals(i.path("DocNumber")
                    .asText(null))).map(i -> i.path("Id").asText()).findFirst().orElse("");
            throw QboFault.validation("6140", "Duplicate Document Number Error", "Duplicate Document Number Error : "
                    + "You must specify a different number. This number has already been used. DocNumber=" + number
                    + " is assigned to TxnType=Invoice with TxnId=" + other, "DocNumber");
        }
        fields.put("DocNumber", number);
    }

    static LocalDate date(JsonNode node, String field, LocalDate otherwise) {
        String text = Json.text(node, field);
        if (text == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw QboFault.validation("2010", "Request has invalid or unsupported property", "Property Name:" + field
                    + " has an invalid value: '" + text + "' is not a date (yyyy-MM-dd)", field);
        }
    }

    // ---- void, delete, payments ----

    private ObjectNode current(ObjectNode input) {
        String id = Json.text(input, "Id");
        if (id == null) {
            throw QboFault.requiredMissing("Id");
        }
        ObjectNode invoice = company.find("Invoice", id);
        if (invoice == null) {
            throw QboFault.deletedTransaction(id);
        }
        Company.requireCurrent(invoice, input);
        return invoice;
    }

    private ObjectNode stored(String id) {
        ObjectNode invoice = company.find("Invoice", id);
        if (invoice == null) {
            throw new IllegalArgumentException("No invoice " + id + " in company " + company.realmId());
        }
        return invoice;
    }

    /** Amounts and quantities zeroed, "Voided" before the private note, payments unlinked (reference 1.6). */
    private ObjectNode voided(ObjectNode invoice) {
        unlinkPayments(invoice);
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        for (JsonNode line : invoice.path("Line")) {
            ObjectNode each = (ObjectNode) line;
            if (each.has("Amount")) {
                each.put("Amount", zero);
            }
            if (each.path("SalesItemLineDetail").isObject()) {
                ((ObjectNode) each.get("SalesItemLineDetail")).put("Qty", BigDecimal.ZERO);
            }
        }
        ObjectNode tax = invoice.withObjectProperty("TxnTaxDetail");
        tax.put("TotalTax", zero);
        tax.path("TaxLine").forEach(l -> ((ObjectNode) l).put("Amount", zero));
        invoice.put("TotalAmt", zero).put("Balance", zero);
        if (invoice.has("HomeTotalAmt")) {
            invoice.put("HomeTotalAmt", zero);
        }
        String note = Json.text(invoice, "PrivateNote");
        if (note == null || !note.startsWith("Voided")) {
            invoice.put("PrivateNote", note == null ? "Voided" : "Voided - " + note);
        }
        company.touch(invoice);
        return invoice;
    }

    private ObjectNode deleted(ObjectNode invoice) {
        String id = invoice.path("Id").asText();
        company.remove("Invoice", id);
        return Json.object().put("Id", id).put("status", "Deleted").put("domain", "QBO");
    }

    private void unlinkPayments(ObjectNode invoice) {
        String id = invoice.path("Id").asText();
        for (ObjectNode payment : paymentsOf(invoice)) {
            ArrayNode kept = Company.array();
            BigDecimal unlinked = BigDecimal.ZERO;
            for (JsonNode line : payment.path("Line")) {
                if (linksTo(line, id)) {
                    unlinked = unlinked.add(line.path("Amount").decimalValue());
                } else {
                    kept.add(line);
                }
            }
            payment.set("Line", kept);
            payment.put("UnappliedAmt", Json.money(payment.path("UnappliedAmt").decimalValue().add(unlinked)));
            company.touch(payment);
        }
        ArrayNode links = Company.array();
        invoice.path("LinkedTxn").forEach(l -> {
            if (!"Payment".equals(l.path("TxnType").asText())) {
                links.add(l);
            }
        });
        invoice.set("LinkedTxn", links);
    }

    private List<ObjectNode> paymentsOf(ObjectNode invoice) {
        List<ObjectNode> payments = new ArrayList<>();
        for (JsonNode link : invoice.path("LinkedTxn")) {
            ObjectNode payment = "Payment".equals(link.path("TxnType").asText())
                    ? company.find("Payment", link.path("TxnId").asText()) : null;
            if (payment != null) {
                payments.add(payment);
            }
        }
        return payments;
    }

    private BigDecimal paidOn(String invoiceId) {
        BigDecimal paid = BigDecimal.ZERO;
        for (ObjectNode payment : company.stored("Payment")) {
            for (JsonNode line : payment.path("Line")) {
                if (linksTo(line, invoiceId)) {
                    paid = paid.add(line.path("Amount").decimalValue());
                }
            }
        }
        return paid;
    }

    private static boolean linksTo(JsonNode paymentLine, String invoiceId) {
        for (JsonNode link : paymentLine.path("LinkedTxn")) {
            if (invoiceId.equals(link.path("TxnId").asText()) && "Invoice".equals(link.path("TxnType").asText())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }
}
