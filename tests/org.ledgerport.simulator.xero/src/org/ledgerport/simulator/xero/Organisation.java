package org.ledgerport.simulator.xero;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A Xero organisation (one tenant) as the simulator starts it: its settings, chart of accounts, tax rates, items
 * and contacts. Invoices are never seeded; they are created through the API or by the test.
 *
 * @param countryCode the region, which decides the standard tax rate of {@link #standard}
 * @param timezone the organisation's local time, whose today is an invoice's default Date
 * @param nextInvoiceNumber the next number of the sales invoice sequence, with its zero padding ("0001")
 * @param currencies the currencies the organisation may invoice in, base currency included
 */
public record Organisation(UUID tenantId, String name, String countryCode, String baseCurrency, ZoneId timezone,
        String invoicePrefix, String nextInvoiceNumber, Set<String> currencies, List<Account> accounts,
        List<TaxRate> taxRates, List<Item> items, List<Contact> contacts) {

    public Organisation {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        Objects.requireNonNull(timezone, "timezone");
        Objects.requireNonNull(invoicePrefix, "invoicePrefix");
        if (!nextInvoiceNumber.matches("[0-9]+")) {
            throw new IllegalArgumentException("next invoice number must be digits: " + nextInvoiceNumber);
        }
        if (!currencies.contains(baseCurrency)) {
            throw new IllegalArgumentException("the base currency " + baseCurrency + " must be enabled");
        }
        currencies = Set.copyOf(currencies);
        accounts = List.copyOf(accounts);
        taxRates = List.copyOf(taxRates);
        items = List.copyOf(items);
        contacts = List.copyOf(contacts);
    }

    /**
     * A New Zealand organisation invoicing in NZD (AUD also enabled, USD not), numbering sales invoices INV-0001
     * onwards, with GST at 15%: accounts 200 Sales and 260 Other Revenue (OUTPUT), 205 archived, 090 bank, 610
     * receivables and 400 an expense; tax rates OUTPUT 15%, INPUT 15% (bills only), NONE 0% and EXEMPTOUTPUT 0%.
     */
    public static Organisation standard(String name) {
        List<Account> accounts = List.of(
                Account.of("200", "Sales", AccountType.REVENUE, "OUTPUT"),
                Account.of("260", "Other Revenue", AccountType.REVENUE, "OUTPUT"),
                Account.of("205", "Old Consulting Income", AccountType.REVENUE, "OUTPUT").asArchived(),
                Account.of("090", "Business Bank Account", AccountType.BANK, "NONE"),
                Account.of("610", "Accounts Receivable", AccountType.CURRENT, "NONE").asSystemAccount("DEBTORS"),
                Account.of("400", "Advertising", AccountType.OVERHEADS, "INPUT"));
        List<TaxRate> taxRates = List.of(
                new TaxRate("OUTPUT", "15% GST on Income", new BigDecimal("15.00"), true, false),
                new TaxRate("INPUT", "15% GST on Expenses", new BigDecimal("15.00"), false, true),
                new TaxRate("NONE", "No GST", BigDecimal.ZERO, true, true),
                new TaxRate("EXEMPTOUTPUT", "GST Exempt Income", BigDecimal.ZERO, true, false));
        return new Organisation(UUID.randomUUID(), name, "NZ", "NZD", ZoneId.of("Pacific/Auckland"), "INV-", "0001",
                Set.of("NZD", "AUD"), accounts, taxRates, List.of(), List.of());
    }

    /**
     * A United Kingdom organisation in GBP that also invoices in EUR, numbering INV-0001 onwards, with VAT: accounts
     * 200 Sales and 260 Other Revenue (OUTPUT2), 090 bank and 610 receivables; tax rates OUTPUT2 20%, RROUTPUT 5%,
     * ZERORATEDOUTPUT 0%, EXEMPTOUTPUT 0% and NONE. The books of the workstation's demo firm.
     */
    public static Organisation unitedKingdom(String name) {
        List<Account> accounts = List.of(
                Account.of("200", "Sales", AccountType.REVENUE, "OUTPUT2"),
                Account.of("260", "Other Revenue", AccountType.REVENUE, "OUTPUT2"),
                Account.of("090", "Business Bank Account", AccountType.BANK, "NONE"),
                Account.of("610", "Accounts Receivable", AccountType.CURRENT, "NONE").asSystemAccount("DEBTORS"));
        List<TaxRate> taxRates = List.of(
                new TaxRate("OUTPUT2", "20% (VAT on Income)", new BigDecimal("20.00"), true, false),
                new TaxRate("RROUTPUT", "5% (VAT on Income)", new BigDecimal("5.00"), true, false),
                new TaxRate("ZERORATEDOUTPUT", "Zero Rated Income", BigDecimal.ZERO, true, false),
                new TaxRate("EXEMPTOUTPUT", "Exempt Income", BigDecimal.ZERO, true, false),
                new TaxRate("NONE", "No VAT", BigDecimal.ZERO, true, true));
        return new Organisation(UUID.randomUUID(), name, "GB", "GBP", ZoneId.of("Europe/London"), "INV-", "0001",
                Set.of("GBP", "EUR"), accounts, taxRates, List.of(), List.of());
    }

    public Organisation withTenantId(UUID id) {
        return new Organisation(id, name, countryCode, baseCurrency, timezone, invoicePrefix, nextInvoiceNumber,
                currencies, accounts, taxRates, items, contacts);
    }

    public Organisation withInvoiceNumbering(String prefix, String next) {
        return new Organisation(tenantId, name, countryCode, baseCurrency, timezone, prefix, next, currencies,
                accounts, taxRates, items, contacts);
    }

    public Organisation withCurrencies(String... codes) {
        Set<String> all = new LinkedHashSet<>(List.of(codes));
        all.add(baseCurrency);
        return new Organisation(tenantId, name, countryCode, baseCurrency, timezone, invoicePrefix,
                nextInvoiceNumber, all, accounts, taxRates, items, contacts);
    }

    public Organisation withAccount(Account account) {
        return new Organisation(tenantId, name, countryCode, baseCurrency, timezone, invoicePrefix,
                nextInvoiceNumber, currencies, plus(accounts, account), taxRates, items, contacts);
    }

    public Organisation withTaxRate(TaxRate taxRate) {
        return new Organisation(tenantId, name, countryCode, baseCurrency, timezone, invoicePrefix,
                nextInvoiceNumber, currencies, accounts, plus(taxRates, taxRate), items, contacts);
    }

    public Organisation withItem(Item item) {
        return new Organisation(tenantId, name, countryCode, baseCurrency, timezone, invoicePrefix,
                nextInvoiceNumber, currencies, accounts, taxRates, plus(items, item), contacts);
    }

    public Organisation withContact(Contact contact) {
        return new Organisation(tenantId, name, countryCode, baseCurrency, timezone, invoicePrefix,
                nextInvoiceNumber, currencies, accounts, taxRates, items, plus(contacts, contact));
    }

    private static <T> List<T> plus(List<T> list, T element) {
        List<T> all = new ArrayList<>(list);
        all.add(element);
        return all;
    }
}
