package org.ledgerport.simulator.quickbooks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpRequest;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.ledgerport.simulator.quickbooks.CompanySetup;
import org.ledgerport.simulator.quickbooks.Ledger;
import org.ledgerport.simulator.quickbooks.QuickBooksSimulator;
import org.ledgerport.simulator.support.SimClock;
import org.ledgerport.simulator.support.SimRequest;

/** Several companies on one simulator: the sign-in picks one, tokens and data stay with it. */
class CompaniesTest {

    private static final String US = "9130350000000001";
    private static final String UK = "4620816365000001";

    @AutoClose
    private final Qbo qbo = Qbo.start(QuickBooksSimulator.Options.defaults().withClock(SimClock.standingAt(Qbo.START))
                .withCompanies(CompanySetup.us(US, "Ledgerport Inc"), CompanySetup.uk(UK, "Ledgerport Ltd")));

    @Test
    void theSignInConnectsTheCompanyChosenAndEachKeepsItsOwnBooks() {
        qbo.sim.setSignInCompany(UK);
        Qbo.Reply redirect = qbo.send(HttpRequest.newBuilder(URI.create(qbo.sim.authorizationUri() + "?client_id="
                + qbo.sim.clientId() + "&response_type=code&scope=com.intuit.quickbooks.accounting&redirect_uri="
                + Qbo.encode(qbo.sim.redirectUri().toString()) + "&state=s")).GET().build());
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertEquals(UK, SimRequest.decodeParameters(location.getRawQuery()).get("realmId").get(0));

        String ukToken = qbo.sim.connect(UK).accessToken();
        Ledger uk = qbo.sim.company(UK);
        String body = qbo.invoiceFor("Cool Cars", "Widget", "1", "25", "")
                .replace(qbo.id("Customer", "Cool Cars"), uk.idOf("Customer", "Cool Cars"))
                .replace(qbo.id("Item", "Widget"), uk.idOf("Item", "Widget"));
        Qbo.Reply created = qbo.send(HttpRequest.newBuilder(URI.create(qbo.sim.companyUri(UK) + "/invoice"))
                .header("Authorization", "Bearer " + ukToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(200, created.status(), created.body());
        assertEquals("GBP", created.json().path("Invoice").path("CurrencyRef").path("value").asText());
        assertEquals(1, uk.invoices().size());
        assertEquals(0, qbo.ledger().invoices().size());

        assertEquals("US", qbo.get("companyinfo/" + US).json().path("CompanyInfo").path("Country").asText());
        Qbo.Reply crossed = qbo.send(HttpRequest.newBuilder(URI.create(qbo.sim.companyUri(US) + "/preferences"))
                .header("Authorization", "Bearer " + ukToken).GET().build());
        assertEquals(403, crossed.status());
    }
}
