package org.ledgerport.simulator.quickbooks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Customers and items: name rules and 6240 across customers, vendors and employees (reference 1.3). */
class NameListTest {

    @AutoClose
    private final Qbo qbo = Qbo.start();

    private Qbo.Reply customer(String displayName) {
        return qbo.post("customer", "{\"DisplayName\":\"" + displayName + "\",\"PrimaryEmailAddr\":{\"Address\":"
                + "\"a@example.com\"}}");
    }

    @Test
    void aDisplayNameTakenByAVendorAnEmployeeOrAnInactiveCustomerIsFault6240() {
        qbo.ledger().addVendor("Acme Supplies", true);
        qbo.ledger().addEmployee("Jordan Reyes", false);
        assertEquals("6240", customer("Acme Supplies").faultCode());
        assertEquals("6240", customer("jordan reyes").faultCode(), "inactive employees and any case collide");
        assertEquals("6240", customer("Dormant Customer").faultCode(), "inactive customers collide too");
        Qbo.Reply created = customer("Acme Supplies Ltd");
        assertEquals(200, created.status(), created.body());
        assertEquals("USD", created.json().path("Customer").path("CurrencyRef").path("value").asText());
        assertThrows(IllegalArgumentException.class, () -> qbo.ledger().addVendor("Acme Supplies Ltd", true),
                "the ledger keeps QuickBooks' rule as well");
    }

    @Test
    void namesWithAColonTabOrNewLineAreRefused() {
        assertEquals("6000", customer("Parent:Child").faultCode());
        assertEquals("6000", customer("Tab\\there").faultCode());
        assertEquals("6000", qbo.post("item", "{\"Name\":\"Line\\nbreak\",\"Type\":\"Service\","
                + "\"IncomeAccountRef\":{\"value\":\"" + qbo.id("Account", "Sales") + "\"}}").faultCode());
    }

    @Test
    void itemsNeedATypeAndAnActiveIncomeAccountAndAUniqueName() {
        String sales = qbo.id("Account", "Sales");
        assertEquals("2020", qbo.post("item", "{\"Name\":\"Audit\",\"IncomeAccountRef\":{\"value\":\"" + sales
                + "\"}}").faultCode());
        assertEquals("2020", qbo.post("item", "{\"Name\":\"Audit\",\"Type\":\"Service\"}").faultCode());
        assertEquals("610", qbo.post("item", "{\"Name\":\"Audit\",\"Type\":\"Service\",\"IncomeAccountRef\":"
                + "{\"value\":\"" + qbo.id("Account", "Old Income") + "\"}}").faultCode());
        assertEquals("6240", qbo.post("item", "{\"Name\":\"retired service\",\"Type\":\"Service\","
                + "\"IncomeAccountRef\":{\"value\":\"" + sales + "\"}}").faultCode());
        Qbo.Reply created = qbo.post("item", "{\"Name\":\"Audit\",\"Type\":\"Service\",\"UnitPrice\":95.5,"
                + "\"Sku\":\"AUD-1\",\"IncomeAccountRef\":{\"value\":\"" + sales + "\"}}");
        assertEquals(200, created.status(), created.body());
        assertEquals("Sales", created.json().path("Item").path("IncomeAccountRef").path("name").asText());
    }

    @Test
    void listEntriesAreMadeInactiveNotDeleted() {
        String id = qbo.id("Customer", "Cool Cars");
        assertEquals("500", qbo.post("customer?operation=delete", "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\"}")
                .faultCode());
        Qbo.Reply inactive = qbo.post("customer", "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\",\"sparse\":true,"
                + "\"Active\":false}");
        assertEquals(200, inactive.status(), inactive.body());
        assertEquals("Cool Cars", inactive.json().path("Customer").path("DisplayName").asText());
        assertEquals("610", qbo.post("invoice", qbo.invoiceFor("Cool Cars", "Widget", "1", "1", "")).faultCode());

        qbo.ledger().setItemActive("Widget", false);
        qbo.ledger().setCustomerActive("Cool Cars", true);
        assertEquals("610", qbo.post("invoice", qbo.invoiceFor("Cool Cars", "Widget", "1", "1", "")).faultCode());
    }
}
