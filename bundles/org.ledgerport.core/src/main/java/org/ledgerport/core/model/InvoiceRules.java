package org.ledgerport.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks an invoice must pass before it is finalized and again before it is exported, independent of
 * any accounting package. Each failure names the field so the editor can point at it.
 */
public final class InvoiceRules {

    private InvoiceRules() {
    }

    /**
     * @param customer the invoice's customer, or null when it is not in the database
     * @param taxCodes the firm's tax codes by code
     * @param items    the firm's items by code
     */
    public static List<Problem> check(Invoice invoice, Customer customer, Map<String, TaxCode> taxCodes,
            Map<String, Item> items) {
        List<Problem> problems = new ArrayList<>();
        String n = invoice.number();
        if (customer == null) {
            problems.add(Problem.error("invoice.customer.missing", "customer",
                    "Invoice %s names customer #%d, who is not in the database.".formatted(n, invoice.customerId())));
        } else if (!customer.currency().equals(invoice.currency())) {
            problems.add(Problem.error("invoice.currency.mismatch", "currency",
                    "Invoice %s is in %s but %s is invoiced in %s.".formatted(n, invoice.currency().getCurrencyCode(),
                            customer.name(), customer.currency().getCurrencyCode())));
        }
        if (invoice.lines().isEmpty()) {
            problems.add(Problem.error("invoice.lines.empty", "lines", "Invoice %s has no lines.".formatted(n)));
        }
        for (int i = 0; i < invoice.lines().size(); i++) {
            InvoiceLine line = invoice.lines().get(i);
            String field = "lines[" + (i + 1) + "]";
            if (line.description().isBlank()) {
                problems.add(Problem.error("invoice.line.description", field + ".description",
                        "Line %d of invoice %s has no description.".formatted(i + 1, n)));
            }
            if (line.quantity().signum() == 0) {
                problems.add(Problem.error("invoice.line.quantity", field + ".quantity",
                        "Line %d of invoice %s has a quantity of zero.".formatted(i + 1, n)));
            }
            if (!line.itemCode().isEmpty() && !items.containsKey(line.itemCode())) {
                problems.add(Problem.error("invoice.line.item", field + ".item",
                        "Line %d of invoice %s names item %s, which is not in the item list.".formatted(i + 1, n,
                                line.itemCode())));
            }
            checkTaxCode(line.taxCode(), taxCodes, field + ".taxCode", "Line %d".formatted(i + 1), n, problems);
        }
        for (int i = 0; i < invoice.charges().size(); i++) {
            Charge charge = invoice.charges().get(i);
            checkTaxCode(charge.taxCode(), taxCodes, "charges[" + (i + 1) + "].taxCode",
                    "The " + charge.kind().label().toLowerCase() + " charge", n, problems);
        }
        if (problems.isEmpty() && invoice.net().amount().signum() < 0) {
            problems.add(Problem.error("invoice.total.negative", "total",
                    "Invoice %s comes to %s; write a credit note instead of a negative invoice.".formatted(n,
                            invoice.net())));
        }
        return problems;
    }

    private static void checkTaxCode(String code, Map<String, TaxCode> taxCodes, String field, String what, String n,
            List<Problem> problems) {
        if (!code.isEmpty() && !taxCodes.containsKey(code)) {
            problems.add(Problem.error("invoice.taxCode.unknown", field,
                    "%s of invoice %s uses tax code %s, which is not defined.".formatted(what, n, code)));
        }
    }
}
