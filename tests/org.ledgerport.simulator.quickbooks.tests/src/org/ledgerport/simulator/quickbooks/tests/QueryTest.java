package org.ledgerport.simulator.quickbooks.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The query language's subset (reference 1.4), its escaping, paging and parse faults. */
class QueryTest {

    @AutoClose
    private final Qbo qbo = Qbo.start();

    private List<String> names(Qbo.Reply reply, String entity, String field) {
        assertEquals(200, reply.status(), reply.body());
        List<String> names = new ArrayList<>();
        reply.json().path("QueryResponse").path(entity).forEach(e -> names.add(e.path(field).asText()));
        return names;
    }

    @Test
    void aBackslashEscapesAnApostropheAndAnUnescapedOneIsFault4000() {
        assertEquals(List.of("O'Keefe Landscaping"), names(qbo.query(
                "select * from Customer where DisplayName = 'O\\'Keefe Landscaping'"), "Customer", "DisplayName"));
        Qbo.Reply unescaped = qbo.query("select * from Customer where DisplayName = 'O'Keefe Landscaping'");
        assertEquals(400, unescaped.status());
        assertEquals("4000", unescaped.faultCode());
    }

    @Test
    void inAndLikeMatchAndNameListsAnswerActiveEntriesUnlessAsked() {
        assertEquals(List.of("Amy's Bird Sanctuary", "Cool Cars"), names(qbo.query(
                "SELECT * FROM Customer WHERE DisplayName IN ('Cool Cars', 'Amy\\'s Bird Sanctuary', 'Nobody')"),
                "Customer", "DisplayName"));
        assertEquals(List.of("Cool Cars"), names(qbo.query("select * from Customer where DisplayName LIKE 'cool%'"),
                "Customer", "DisplayName"));
        assertEquals(List.of(), names(qbo.query("select * from Customer where DisplayName = 'Dormant Customer'"),
                "Customer", "DisplayName"), "inactive customers are left out by default");
        assertEquals(List.of("Dormant Customer"), names(qbo.query(
                "select * from Customer where Active = false and DisplayName = 'Dormant Customer'"), "Customer",
                "DisplayName"));
    }

    @Test
    void pagesAreOneBasedAndAtMostAThousand() {
        for (int i = 0; i < 1005; i++) {
            qbo.ledger().addCustomer("Customer " + i, null);
        }
        JsonNode count = qbo.query("select count(*) from Customer").json().path("QueryResponse");
        assertEquals(1008, count.path("totalCount").asInt());

        JsonNode big = qbo.query("select * from Customer STARTPOSITION 1 MAXRESULTS 5000").json()
                .path("QueryResponse");
        assertEquals(1000, big.path("Customer").size());
        assertEquals(1000, big.path("maxResults").asInt());

        JsonNode second = qbo.query("select * from Customer ORDERBY DisplayName STARTPOSITION 3 MAXRESULTS 2").json()
                .path("QueryResponse");
        assertEquals(3, second.path("startPosition").asInt());
        List<String> all = names(qbo.query("select * from Customer ORDERBY DisplayName MAXRESULTS 4"), "Customer",
                "DisplayName");
        assertEquals(all.subList(2, 4), List.of(second.path("Customer").path(0).path("DisplayName").asText(),
                second.path("Customer").path(1).path("DisplayName").asText()));

        JsonNode beyond = qbo.query("select * from Customer STARTPOSITION 2000").json().path("QueryResponse");
        assertEquals(0, beyond.size(), "an empty page is an empty QueryResponse");
    }

    @Test
    void badSyntaxIsFault4000() {
        for (String bad : List.of("select * from Customer where DisplayName = 'A' or DisplayName = 'B'",
                "select DisplayName from Customer", "select * from customer",
                "select * from Invoice where PrivateNote = 'x'", "select * from Customer where DisplayName != 'A'",
                "select * from Customer MAXRESULTS 0", "select * from")) {
            Qbo.Reply reply = qbo.query(bad);
            assertEquals(400, reply.status(), bad);
            assertEquals("4000", reply.faultCode(), bad);
            assertTrue(reply.faultDetail().startsWith("QueryParserError"), reply.faultDetail());
        }
    }

    @Test
    void aQueryCanBePostedAsText() {
        Qbo.Reply reply = qbo.send(qbo.api("query").header("Content-Type", "application/text")
                .POST(HttpRequest.BodyPublishers.ofString("select * from Item where Name = 'Widget'")).build());
        assertEquals(List.of("Widget"), names(reply, "Item", "Name"));
    }

    @Test
    void invoicesAreFoundByNumberAndByLastUpdatedTime() {
        qbo.createInvoice(qbo.invoiceFor("Cool Cars", "Widget", "1", "25", "\"DocNumber\":\"INV-7\""));
        assertEquals(List.of("INV-7"), names(qbo.query("select * from Invoice where DocNumber = 'INV-7'"), "Invoice",
                "DocNumber"));
        assertEquals(List.of("INV-7"), names(qbo.query("select * from Invoice where MetaData.LastUpdatedTime >= "
                + "'2025-03-03T09:00:00-08:00'"), "Invoice", "DocNumber"));
        assertEquals(List.of(), names(qbo.query("select * from Invoice where MetaData.LastUpdatedTime > "
                + "'2025-03-03T09:00:00-08:00'"), "Invoice", "DocNumber"));
    }
}
