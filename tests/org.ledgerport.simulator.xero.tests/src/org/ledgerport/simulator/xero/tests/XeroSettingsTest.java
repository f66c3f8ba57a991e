package org.ledgerport.simulator.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.simulator.xero.tests.XeroSession.invoices;
import static org.ledgerport.simulator.xero.tests.XeroSession.json;
import static org.ledgerport.simulator.xero.tests.XeroSession.object;
import static org.ledgerport.simulator.xero.tests.XeroSession.salesInvoice;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.ledgerport.simulator.xero.Organisation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The organisation, its accounts, tax rates and items, Xero's JSON dates, and organisations added later. */
class XeroSettingsTest {

    @AutoClose
    private final XeroSession session = XeroSession.start().signedIn();

    @Test
    void theOrganisationItsAccountsAndTaxRatesAreListed() {
        JsonNode organisation = json(session.get("/Organisation")).at("/Organisations/0");
        assertEquals(session.tenant.toString(), organisation.get("OrganisationID").asText());
        assertEquals("NZD", organisation.get("BaseCurrency").asText());

        JsonNode revenue = json(session.get("/Accounts?where=" + encode("Status==\"ACTIVE\" && Class==\"REVENUE\"")))
                .get("Accounts");
        List<String> codes = new ArrayList<>();
        revenue.forEach(account -> codes.add(account.get("Code").asText()));
        assertEquals(List.of("200", "260"), codes);

        JsonNode output = json(session.get("/TaxRates?TaxType=OUTPUT")).at("/TaxRates/0");
        assertEquals(new BigDecimal("15.00"), output.get("EffectiveRate").decimalValue());
        assertTrue(output.get("CanApplyToRevenue").asBoolean());
        assertEquals(4, json(session.get("/TaxRates")).get("TaxRates").size());
    }

    @Test
    void anItemFillsInWhatTheLineLeavesOutAndItsCodeIsUnique() {
        ObjectNode item = object().put("Code", "OAK-SHELF").put("Name", "Oak shelf")
                .put("Description", "Oak shelf, 900 mm");
        item.putObject("SalesDetails").put("UnitPrice", new BigDecimal("120.00")).put("AccountCode", "260");
        assertEquals(200, session.put("/Items", item).statusCode());
        HttpResponse<String> twice = session.put("/Items", item);
        assertEquals(400, twice.statusCode());
        assertEquals("Item code 'OAK-SHELF' already exists.",
                json(twice).at("/Elements/0/ValidationErrors/0/Message").asText());

        ObjectNode invoice = salesInvoice(null, "Acme");
        invoice.withArray("LineItems").removeAll().addObject().put("ItemCode", "OAK-SHELF").put("Quantity", 2);
        JsonNode line = json(session.put("/Invoices", invoices(invoice))).at("/Invoices/0/LineItems/0");
        assertEquals("Oak shelf, 900 mm", line.get("Description").asText());
        assertEquals("260", line.get("AccountCode").asText());
        assertEquals("OUTPUT", line.get("TaxType").asText());
        assertEquals(new BigDecimal("240.00"), line.get("LineAmount").decimalValue());
        assertEquals(new BigDecimal("36.00"), line.get("TaxAmount").decimalValue());
    }

    @Test
    void datesComeAsXeroWritesThemWhateverFormTheyWereSentIn() {
        ObjectNode invoice = salesInvoice(null, "Acme").put("Date", "2026-03-31")
                .put("DueDate", "/Date(" + millis(LocalDate.of(2026, 4, 30)) + "+0000)/");
        JsonNode saved = json(session.put("/Invoices", invoices(invoice))).at("/Invoices/0");
        assertEquals("/Date(" + millis(LocalDate.of(2026, 3, 31)) + "+0000)/", saved.get("Date").asText());
        assertEquals("2026-03-31T00:00:00", saved.get("DateString").asText());
        assertEquals("2026-04-30T00:00:00", saved.get("DueDateString").asText());
        assertEquals("/Date(" + XeroSession.START.toEpochMilli() + "+0000)/", saved.get("UpdatedDateUTC").asText());

        ObjectNode undated = salesInvoice(null, "Acme");
        undated.remove("Date");
        undated.remove("DueDate");
        // 09:00 UTC on 1 April is 22:00 in Auckland: the organisation's today.
        assertEquals("2026-04-01T00:00:00", json(session.put("/Invoices", invoices(undated)))
                .at("/Invoices/0/DateString").asText());
    }

    @Test
    void anOrganisationAddedLaterIsReachedAfterTheUserConnectsIt() {
        Organisation added = Organisation.standard("Wharf Street Bakery").withInvoiceNumbering("WSB-", "100");
        session.sim.addOrganisation(added);
        session.tenant = added.tenantId();
        assertEquals(403, session.get("/Organisation").statusCode());

        session.signedIn();
        session.tenant = added.tenantId();
        assertEquals(3, json(session.send(HttpRequest.newBuilder(URI.create(session.sim.baseUri() + "/connections"))
                .header("Authorization", "Bearer " + session.accessToken).build())).size());
        assertEquals("WSB-100", json(session.put("/Invoices", invoices(salesInvoice(null, "Acme"))))
                .at("/Invoices/0/InvoiceNumber").asText());
    }

    private static long millis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static String encode(String where) {
        return URLEncoder.encode(where, StandardCharsets.UTF_8);
    }
}
