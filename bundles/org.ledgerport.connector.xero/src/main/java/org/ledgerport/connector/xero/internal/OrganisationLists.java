package org.ledgerport.connector.xero.internal;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ledgerport.core.connector.ReferenceData;
import org.ledgerport.core.connector.ReferenceEntry;

/**
 * What Ledgerport last read of a Xero organisation, so that pre-flight can check invoices with no network call.
 *
 * @param reference        tax rates (code = TaxType), accounts (code = account code) and items (code = item code)
 * @param currencies       the currencies the organisation invoices in, its base currency among them
 * @param salesTaxRates    the effective rate in percent of each tax rate that sales may use, by TaxType
 * @param lineAccounts     the codes of the accounts invoice lines may be booked to (not bank or system accounts)
 * @param shortCode        the organisation's short code, for links that open it in the browser; may be empty
 * @param archivedContacts the names (as {@link Names#key}) of customers found archived in Xero
 */
record OrganisationLists(ReferenceData reference, String baseCurrency, Set<String> currencies,
        Map<String, BigDecimal> salesTaxRates, Set<String> lineAccounts, String shortCode,
        Set<String> archivedContacts) {

    OrganisationLists {
        currencies = Set.copyOf(currencies);
        salesTaxRates = Map.copyOf(salesTaxRates);
        lineAccounts = Set.copyOf(lineAccounts);
        archivedContacts = Set.copyOf(archivedContacts);
    }

    OrganisationLists withArchivedContacts(Set<String> names) {
        return new OrganisationLists(reference, baseCurrency, currencies, salesTaxRates, lineAccounts,
                shortCode, names);
    }

    /** The lists as far as the reference data alone tells them, when nothing more was read. */
    static OrganisationLists of(ReferenceData reference) {
        return new OrganisationLists(reference, "", Set.of(), Map.of(), Set.of(), "", Set.of());
    }

    /** Whether sales lines may use the tax rate; unknown (true) when only the reference data is known. */
    boolean forSales(String taxType) {
        return salesTaxRates.isEmpty() || salesTaxRates.keySet().stream().anyMatch(t -> t.equalsIgnoreCase(taxType));
    }

    /** Whether invoice lines may be booked to the account; unknown (true) when only the reference data is known. */
    boolean forLines(String accountCode) {
        return lineAccounts.isEmpty() || lineAccounts.stream().anyMatch(a -> a.equalsIgnoreCase(accountCode));
    }

    Optional<ReferenceEntry> taxRate(String taxType) {
        return reference.taxCodes().stream().filter(t -> t.code().equalsIgnoreCase(taxType)).findFirst();
    }

    Optional<ReferenceEntry> account(String code) {
        return reference.accounts().stream().filter(a -> a.code().equalsIgnoreCase(code)).findFirst();
    }
}
