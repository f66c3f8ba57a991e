package org.ledgerport.connector.quickbooks.internal;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a QuickBooks company's preferences decide for an export.
 *
 * @param customNumbers     "Custom transaction numbers" is on: QuickBooks numbers an invoice only when asked to
 * @param automatedSalesTax the US automated sales tax engine picks tax codes and computes tax itself
 * @param country           the company's country code, as QuickBooks gives it ("US", "GB", "CA", ...)
 */
record CompanyPreferences(String homeCurrency, boolean multiCurrency, boolean customNumbers,
        boolean automatedSalesTax, String country) {

    static CompanyPreferences of(JsonNode preferences, JsonNode companyInfo) {
        JsonNode currency = preferences.path("CurrencyPrefs");
        // PartnerTaxEnabled is present only for companies on automated sales tax (false: on it, not set up yet).
        boolean automated = preferences.path("TaxPrefs").has("PartnerTaxEnabled");
        return new CompanyPreferences(currency.path("HomeCurrency").path("value").asText("USD"),
                currency.path("MultiCurrencyEnabled").asBoolean(false),
                preferences.path("SalesFormsPrefs").path("CustomTxnNumbers").asBoolean(false), automated,
                companyInfo.path("Country").asText("US").toUpperCase(Locale.ROOT));
    }

    boolean us() {
        return "US".equals(country);
    }
}
