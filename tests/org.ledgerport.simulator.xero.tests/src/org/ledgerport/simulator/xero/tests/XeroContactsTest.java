package org.ledgerport.simulator.xero.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.ledgerport.simulator.xero.tests.XeroSession.json;
import static org.ledgerport.simulator.xero.tests.XeroSession.object;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Contacts: names unique among active contacts, PUT creating only, POST upserting, where and searchTerm. */
class XeroContactsTest {

    @AutoClose
    private final XeroSession session = XeroSession.start().signedIn();

    @Test
    void aNameAlreadyUsedByAnActiveContactIsRefusedWithXerosText() {
        assertEquals(200, putContact("Acme Ltd", "accounts@acme.example", "C-001").statusCode());
        HttpResponse<String> again = putContact("acme ltd ", null, null);
        assertEquals(400, again.statusCode());
        JsonNode body = json(again);
        assertEquals("ValidationException", body.get("Type").asText());
        assertEquals("The contact name acme ltd is already assigned to another contact. The contact name must be "
                + "unique across all active contacts.", body.at("/Elements/0/ValidationErrors/0/Message").asText());
        assertEquals(1, session.sim.contacts(session.tenant).size());
    }

    @Test
    void anArchivedContactsNameCanBeUsedAgain() {
        UUID acme = contactId(putContact("Acme Ltd", null, null));
        session.sim.archiveContact(session.tenant, acme);
        assertEquals(200, putContact("Acme Ltd", null, null).statusCode());
        assertEquals(2, session.sim.contacts(session.tenant).size());
        assertEquals(1, json(session.get("/Contacts")).get("Contacts").size());
        assertEquals(2, json(session.get("/Contacts?includeArchived=true")).get("Contacts").size());
    }

    @Test
    void whereAndSearchTermFindContacts() {
        putContact("Acme Ltd", "accounts@acme.example", "C-001");
        putContact("Bolt & Nut Co", "hello@boltnut.example", "C-002");
        putContact("O'Keefe Ltd", "okeefe@mail.example", "ACME-7");

        JsonNode byName = json(session.get("/Contacts?where=" + encode("Name==\"acme ltd\"")));
        assertEquals(1, byName.get("Contacts").size());
        assertEquals("Acme Ltd", byName.at("/Contacts/0/Name").asText());

        JsonNode apostrophe = json(session.get("/Contacts?where=" + encode("Name==\"O'Keefe Ltd\"")));
        assertEquals("O'Keefe Ltd", apostrophe.at("/Contacts/0/Name").asText());

        JsonNode search = json(session.get("/Contacts?searchTerm=ACME"));
        assertEquals(2, search.get("Contacts").size(), "Name and ContactNumber are searched, letter case ignored");
        assertEquals(1, json(session.get("/Contacts?searchTerm=boltnut.example")).get("Contacts").size());

        HttpResponse<String> bad = session.get("/Contacts?where=" + encode("Nickname==\"x\""));
        assertEquals(400, bad.statusCode());
        assertEquals("QueryParseException", json(bad).get("Type").asText());
    }

    @Test
    void putCreatesOnlyAndPostUpdatesTheContactWithThatName() {
        UUID acme = contactId(putContact("Acme Ltd", null, null));
        ObjectNode update = object().put("Name", "Acme Ltd").put("EmailAddress", "new@acme.example");
        HttpResponse<String> posted = session.post("/Contacts", update);
        assertEquals(200, posted.statusCode(), posted.body());
        assertEquals(acme, contactId(posted));
        assertEquals("new@acme.example", json(posted).at("/Contacts/0/EmailAddress").asText());

        UUID other = contactId(session.post("/Contacts", object().put("Name", "Zed Ltd").put("ContactNumber", "Z1")));
        assertNotEquals(acme, other);
        HttpResponse<String> byNumber = session.post("/Contacts", object().put("ContactNumber", "Z1")
                .put("Name", "Zed Limited"));
        assertEquals(other, contactId(byNumber));
        assertEquals("Zed Limited", json(byNumber).at("/Contacts/0/Name").asText());

        HttpResponse<String> renameClash = session.post("/Contacts/" + other, object().put("Name", "ACME LTD"));
        assertEquals(400, renameClash.statusCode());
        assertEquals(2, session.sim.contacts(session.tenant).size());
    }

    @Test
    void contactsArePagedBy100() {
        ObjectNode body = object();
        for (int i = 0; i < 130; i++) {
            body.withArray("Contacts").addObject().put("Name", "Customer " + i);
        }
        assertEquals(200, session.put("/Contacts", body).statusCode());
        assertEquals(100, json(session.get("/Contacts?page=1")).get("Contacts").size());
        assertEquals(30, json(session.get("/Contacts?page=2")).get("Contacts").size());
        assertEquals(130, json(session.get("/Contacts?page=1")).at("/pagination/itemCount").asInt());
    }

    private HttpResponse<String> putContact(String name, String email, String number) {
        ObjectNode contact = object().put("Name", name);
        if (email != null) {
            contact.put("EmailAddress", email);
        }
        if (number != null) {
            contact.put("ContactNumber", number);
        }
        ObjectNode body = object();
        body.putArray("Contacts").add(contact);
        return session.put("/Contacts", body);
    }

    private static UUID contactId(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
        return UUID.fromString(json(answer).at("/Contacts/0/ContactID").asText());
    }

    private static String encode(String where) {
        return URLEncoder.encode(where, StandardCharsets.UTF_8);
    }
}
