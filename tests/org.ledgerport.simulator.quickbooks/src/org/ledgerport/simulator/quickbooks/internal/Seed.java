package org.ledgerport.simulator.quickbooks.internal;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.ledgerport.simulator.quickbooks.CompanySetup;

/**
 * What a new company holds: a chart of accounts with the income account "Sales" (and an inactive one), Undeposited
 * Funds and the bank account "Business Checking" (and an inactive one) for payments, tax codes, a few products and
 * customers (one with an apostrophe in its name, one inactive), a vendor and an employee.
 */
final class Seed {

    private Seed() {
    }

    static void plant(Company company) {
        CompanySetup setup = company.setup();
        String currency = setup.homeCurrency();
        ObjectNode sales = account(company, "Sales", "Income", "SalesOfProductIncome", "Revenue", "4000", true);
        ObjectNode services = account(company, "Services", "Income", "ServiceFeeIncome", "Revenue", "4100", true);
        account(company, "Old Income", "Income", "OtherPrimaryIncome", "Revenue", "4900", false);
        account(company, "Discounts given", "Income", "DiscountsRefundsGiven", "Revenue", "4500", true);
        account(company, "Accounts Receivable (A/R)", "Accounts Receivable", "AccountsReceivable", "Asset", "1200",
                true);
        account(company, "Undeposited Funds", "Other Current Asset", "UndepositedFunds", "Asset", "1499", true);
        account(company, "Cost of Goods Sold", "Cost of Goods Sold", "SuppliesMaterialsCogs", "Expense", "5000",
                true);

        ObjectNode standardRate = rate(company, "Standard", setup.standardTaxRate());
        ObjectNode zeroRate = rate(company, "Zero", BigDecimal.ZERO);
        ObjectNode salesTaxRate = rate(company, "Sales tax", setup.salesTaxRate());
        taxCode(company, "TAX", "TAX", "Taxable sales", true, salesTaxRate);
        taxCode(company, "NON", "NON", "Non-taxable (exempt)", false, null);
        ObjectNode standard = taxCode(company, null, "Standard", "Standard rated sales", true, standardRate);
        taxCode(company, null, "Zero-rated", "Zero rated sales", true, zeroRate);

        for (String[] product : new String[][] { { "Services", "Service", "0", "" },
                { "Consulting", "Service", "150.00", "CONS-1" }, { "Widget", "NonInventory", "25.00", "W-1" },
                { "Retired Service", "Service", "80.00", "" } }) {
            ObjectNode item = Json.object().put("Name", product[0]).put("FullyQualifiedName", product[0])
                    .put("Type", product[1]).put("UnitPrice", new BigDecimal(product[2])).put("Taxable", true)
                    .put("Active", !product[0].startsWith("Retired"));
            if (!product[3].isEmpty()) {
                item.put("Sku", product[3]);
            }
            ObjectNode income = product[1].equals("Service") ? services : sales;
            item.set("IncomeAccountRef", Json.refNode(income.path("Id").asText(), income.path("Name").asText()));
            item.set("SalesTaxCodeRef", Json.refNode(standard.path("Id").asText(), "Standard"));
            company.add("Item", item);
        }
        for (String name : new String[] { "O'Keefe Landscaping", "Amy's Bird Sanctuary", "Cool Cars",
                "Dormant Customer" }) {
            ObjectNode customer = Json.object().put("DisplayName", name).put("FullyQualifiedName", name)
                    .put("CompanyName", name).put("PrintOnCheckName", name).put("Taxable", true)
                    .put("Active", !name.startsWith("Dormant")).put("Balance", BigDecimal.ZERO.setScale(2));
            customer.set("CurrencyRef", Company.currencyRef(currency));
            customer.set("PrimaryEmailAddr", Json.object().put("Address",
                    name.replaceAll("[^A-Za-z]", "").toLowerCase() + "@example.com"));
            company.add("Customer", customer);
        }
        ObjectNode vendor = person("Office Supplies Co");
        vendor.set("CurrencyRef", Company.currencyRef(currency));
        company.add("Vendor", vendor);
        company.add("Employee", person("Emily Platt"));
        // Added last, so the ids of everything above stay as they were before payments were simulated.
        account(company, "Business Checking", "Bank", "Checking", "Asset", "1000", true);
        account(company, "Old Savings", "Bank", "Savings", "Asset", "1010", false);
    }

    private static ObjectNode account(Company company, String name, String type, String subType,
            String classification, String number, boolean active) {
        ObjectNode account = Json.object().put("Name", name).put("FullyQualifiedName", name).put("AccountType", type)
                .put("AccountSubType", subType).put("Classification", classification).put("AcctNum", number)
                .put("Active", active).put("SubAccount", false).put("CurrentBalance", BigDecimal.ZERO.setScale(2));
        account.set("CurrencyRef", Company.currencyRef(company.setup().homeCurrency()));
        return company.add("Account", account);
    }

    private static ObjectNode rate(Company company, String name, BigDecimal percent) {
        ObjectNode rate = Json.object().put("Name", name).put("Description", name).put("Active", true)
                .put("RateValue", percent).put("SpecialTaxType", "NONE").put("DisplayType", "ReadOnly");
        rate.set("AgencyRef", Json.refNode("1", null));
        return company.add("TaxRate", rate);
    }

    private static ObjectNode taxCode(Company company, String id, String name, String description, boolean taxable,
            ObjectNode rate) {
        ObjectNode code = Json.object().put("Name", name).put("Description", description).put("Active", true)
                .put("Taxable", taxable).put("TaxGroup", false);
        ArrayNode details = code.putObject("SalesTaxRateList").putArray("TaxRateDetail");
        if (rate != null) {
            ObjectNode detail = details.addObject();
            detail.set("TaxRateRef", Json.refNode(rate.path("Id").asText(), rate.path("Name").asText()));
            detail.put("TaxTypeApplicable", "TaxOnAmount");
            detail.put("TaxOrder", 0);
        }
        code.putObject("PurchaseTaxRateList").putArray("TaxRateDetail");
        return id == null ? company.add("TaxCode", code) : company.add("TaxCode", id, code);
    }

    private static ObjectNode person(String name) {
        return Json.object().put("DisplayName", name).put("PrintOnCheckName", name).put("Active", true);
    }
}
