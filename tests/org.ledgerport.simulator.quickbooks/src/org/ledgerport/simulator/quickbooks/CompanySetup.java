package org.ledgerport.simulator.quickbooks;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A QuickBooks company (realm) as the simulator creates it.
 *
 * @param country          ISO country code, as CompanyInfo.Country
 * @param homeCurrency     ISO currency code
 * @param multiCurrency    whether customers may have other currencies than the home one
 * @param customTxnNumbers Preferences.SalesFormsPrefs.CustomTxnNumbers
 * @param automatedSalesTax whether the company uses US Automated Sales Tax (Preferences.TaxPrefs.PartnerTaxEnabled)
 * @param firstDocNumber   the first number the company's own invoice sequence gives
 * @param standardTaxRate  percent of the tax code "Standard" (a second code, "Zero-rated", is 0%)
 * @param salesTaxRate     percent of the code TAX, which Automated Sales Tax also applies (NON is exempt)
 * @param zone             the company's time zone, in which dates and times are answered
 */
public record CompanySetup(String realmId, String companyName, String country, String homeCurrency,
        boolean multiCurrency, boolean customTxnNumbers, boolean automatedSalesTax, String firstDocNumber,
        BigDecimal standardTaxRate, BigDecimal salesTaxRate, ZoneId zone) {

    public CompanySetup {
        Objects.requireNonNull(realmId);
        Objects.requireNonNull(companyName);
        Objects.requireNonNull(country);
        Objects.requireNonNull(homeCurrency);
        Objects.requireNonNull(firstDocNumber);
        Objects.requireNonNull(standardTaxRate);
        Objects.requireNonNull(salesTaxRate);
        Objects.requireNonNull(zone);
    }

    /** A US company on Automated Sales Tax (as every US company created since November 2017), numbers by QBO. */
    public static CompanySetup us(String realmId, String companyName) {
        return new CompanySetup(realmId, companyName, "US", "USD", false, false, true, "1001", new BigDecimal("0"),
                new BigDecimal("8.25"), ZoneId.of("America/Los_Angeles"));
    }

    /** A UK company: VAT by tax code (Standard 20%, Zero-rated, NON), no Automated Sales Tax. */
    public static CompanySetup uk(String realmId, String companyName) {
        return new CompanySetup(realmId, companyName, "GB", "GBP", false, false, false, "1001", new BigDecimal("20"),
                new BigDecimal("0"), ZoneId.of("Europe/London"));
    }

    public CompanySetup withCustomTxnNumbers(boolean on) {
        return new CompanySetup(realmId, companyName, country, homeCurrency, multiCurrency, on, automatedSalesTax,
                firstDocNumber, standardTaxRate, salesTaxRate, zone);
    }

    public CompanySetup withAutomatedSalesTax(boolean on) {
        return new CompanySetup(realmId, companyName, country, homeCurrency, multiCurrency, customTxnNumbers, on,
                firstDocNumber, standardTaxRate, salesTaxRate, zone);
    }

    public CompanySetup withMultiCurrency(boolean on) {
        return new CompanySetup(realmId, companyName, country, homeCurrency, on, customTxnNumbers, automatedSalesTax,
                firstDocNumber, standardTaxRate, salesTaxRate, zone);
    }

    public CompanySetup withFirstDocNumber(String first) {
        return new CompanySetup(realmId, companyName, country, homeCurrency, multiCurrency, customTxnNumbers,
                automatedSalesTax, first, standardTaxRate, salesTaxRate, zone);
    }

    public CompanySetup withTaxRates(BigDecimal standard, BigDecimal sales) {
        return new CompanySetup(realmId, companyName, country, homeCurrency, multiCurrency, customTxnNumbers,
                automatedSalesTax, firstDocNumber, standard, sales, zone);
    }
}
