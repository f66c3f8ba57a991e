package org.ledgerport.connector.file.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.ledgerport.core.connector.OutgoingInvoice;
import org.ledgerport.core.model.Charge;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.Problem;

/**
 * Where an invoice's lines land in the accounting company: the connection's mappings from the firm's codes to
 * the package's, with the connection's settings as fallbacks. Both layouts book the same way; only the words for
 * accounts and tax codes differ.
 */
record PackageMapping(Connection connection, FileSettings settings) {

    /** The package's account for a line: its item's income account as mapped, else the default income account. */
    Optional<String> incomeAccount(OutgoingInvoice invoice, InvoiceLine line) {
        String mapped = itemIncomeAccount(invoice, line).map(a -> connection.mapped(MappingKind.INCOME_ACCOUNT, a))
                .orElse("");
        return nonEmpty(mapped.isEmpty() ? settings.incomeAccount() : mapped);
    }

    /** The package's account for header charges: the charge account, else the default income account. */
    Optional<String> chargeAccount() {
        return nonEmpty(settings.chargeAccount().isEmpty() ? settings.incomeAccount() : settings.chargeAccount());
    }

    /** The package's tax code, rate or item for one of the firm's tax codes, or empty when it is not mapped. */
    String taxCode(String ours) {
        return connection.mapped(MappingKind.TAX_CODE, ours);
    }

    /** The package's item for one of the firm's item codes: as mapped, else the same code. */
    String item(String ourCode) {
        String mapped = connection.mapped(MappingKind.ITEM, ourCode);
        return mapped.isEmpty() ? ourCode : mapped;
    }

    /**
     * Checks that every line and charge has an account and every tax code that carries tax is mapped. A
     * tax-exempt customer's codes carry none, so they need no mapping.
     */
    List<Problem> check(OutgoingInvoice invoice, Layout layout) {
        List<Problem> problems = new ArrayList<>();
        String number = invoice.invoice().number();
        boolean taxed = !invoice.customer().taxExempt();
        Set<String> unmapped = new HashSet<>();
        List<InvoiceLine> lines = invoice.invoice().lines();
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLine line = lines.get(i);
            String field = "lines[" + (i + 1) + "]";
            String where = "Line %d of invoice %s".formatted(i + 1, number);
            if (taxed) {
                checkTaxCode(line.taxCode(), field + ".taxCode", where, layout, unmapped, problems);
            }
            if (incomeAccount(invoice, line).isEmpty()) {
                problems.add(Problem.error("file.incomeAccount.missing", field + ".item",
                        where + " has no " + layout.accountTerm() + ": " + whyNoIncomeAccount(invoice, line)));
            }
        }
        List<Charge> charges = invoice.invoice().charges();
        for (int i = 0; i < charges.size(); i++) {
            Charge charge = charges.get(i);
            String field = "charges[" + (i + 1) + "]";
            String where = "The %s charge of invoice %s".formatted(charge.kind().label().toLowerCase(Locale.ROOT), number);
            if (taxed) {
                checkTaxCode(charge.taxCode(), field + ".taxCode", where, layout, unmapped, problems);
            }
        }
        if (!charges.isEmpty() && chargeAccount().isEmpty()) {
            problems.add(Problem.error("file.chargeAccount.missing", "charges",
                    ("The charges of invoice %s have no %s: connection '%s' has neither an account for freight, "
                            + "handling and discounts nor a default income account. Enter one of them in the "
                            + "connection's settings.").formatted(number, layout.accountTerm(), connection.name())));
        }
        return problems;
    }

    private void checkTaxCode(String code, String field, String where, Layout layout, Set<String> unmapped,
            List<Problem> problems) {
        // One problem per code: mapping it once fixes every line that uses it.
        if (!code.isEmpty() && taxCode(code).isEmpty() && unmapped.add(code)) {
            problems.add(Problem.error("file.taxCode.unmapped", field,
                    "%s uses tax code %s, which is not mapped to a %s on connection '%s'. Map %s in the "
                            .formatted(where, code, layout.taxTerm(), connection.name(), code)
                            + "connection's tax code mappings."));
        }
    }

    private String whyNoIncomeAccount(OutgoingInvoice invoice, InvoiceLine line) {
        String noDefault = "connection '%s' has no default income account".formatted(connection.name());
        Optional<String> account = itemIncomeAccount(invoice, line);
        if (account.isPresent()) {
            return ("item %s books to income account '%s', which is not mapped, and %s. Map '%s' in the "
                    + "connection's income account mappings, or enter a default income account in its settings.")
                    .formatted(line.itemCode(), account.get(), noDefault, account.get());
        }
        String why = line.itemCode().isEmpty() ? "it names no item"
                : "item %s has no income account".formatted(line.itemCode());
        return "%s, and %s. Enter a default income account in the connection's settings.".formatted(why, noDefault);
    }

    private static Optional<String> itemIncomeAccount(OutgoingInvoice invoice, InvoiceLine line) {
        Item item = invoice.items().get(line.itemCode());
        return item == null ? Optional.empty() : nonEmpty(item.incomeAccount());
    }

    private static Optional<String> nonEmpty(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
