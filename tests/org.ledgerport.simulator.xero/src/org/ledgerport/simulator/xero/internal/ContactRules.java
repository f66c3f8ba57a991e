package org.ledgerport.simulator.xero.internal;

import static org.ledgerport.simulator.xero.internal.XeroJson.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.ledgerport.simulator.xero.Contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How an organisation takes one contact element: names unique among active contacts (compared trimmed and
 * without regard to letter case), PUT creating only, POST matching by ContactID, ContactNumber or name.
 */
final class ContactRules {

    /** What became of one element: the saved contact, or the echo and reasons of a refusal. */
    record Outcome(Contact saved, ObjectNode echo, List<String> messages) {
    }

    private final Books books;
    private final Instant now;

    ContactRules(Books draft, Instant now) {
        this.books = draft;
        this.now = now;
    }

    static String nameTaken(String name) {
        return "The contact name " + name + " is already assigned to another contact. The contact name must be "
                + "unique across all active contacts.";
    }

    /** PUT /Contacts. */
    Outcome create(JsonNode element) {
        if (!element.isObject()) {
            return refuse(element, List.of("Each contact must be a JSON object."));
        }
        if (text(element, "ContactID") != null) {
            return refuse(element, List.of("A contact cannot be created with a ContactID. PUT creates contacts "
                    + "only; use POST to update an existing contact."));
        }
        return save(element, null);
    }

    /** POST /Contacts: the contact named by ContactID, else by ContactNumber, else the active one of that name. */
    Outcome createOrUpdate(JsonNode element) {
        if (!element.isObject()) {
            return refuse(element, List.of("Each contact must be a JSON object."));
        }
        String id = text(element, "ContactID");
        if (id != null) {
            Contact existing = find(id);
            return existing == null
                    ? refuse(element, List.of("Contact with ContactID '" + id + "' could not be found."))
                    : save(element, existing);
        }
        String number = text(element, "ContactNumber");
        Contact existing = number == null ? null : books.contactNumbered(number);
        String name = text(element, "Name");
        if (existing == null && name != null) {
            existing = books.activeContactNamed(name);
        }
        return save(element, existing);
    }

    Contact find(String id) {
        try {
            return books.contacts.get(UUID.fromString(id.trim()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    Outcome save(JsonNode element, Contact existing) {
        List<String> errors = new ArrayList<>();
        String name = field(element, "Name", existing == null ? null : existing.name());
        if (name == null) {
            errors.add("The contact name must be given.");
        } else if (name.length() > 255) {
            errors.add("The contact name must not be more than 255 characters long.");
        }
        String status = text(element, "ContactStatus");
        boolean archived = existing != null && existing.archived();
        if (status != null) {
            if (!status.equalsIgnoreCase("ACTIVE") && !status.equalsIgnoreCase("ARCHIVED")) {
                errors.add("'" + status + "' is not a valid ContactStatus (ACTIVE or ARCHIVED).");
            }
            archived = status.equalsIgnoreCase("ARCHIVED");
        }
        String contactNumber = field(element, "ContactNumber", existing == null ? null : existing.contactNumber());
        if (contactNumber != null && contactNumber.length() > 50) {
            errors.add("The ContactNumber must not be more than 50 characters long.");
        }
        if (name != null && !archived) {
            Contact holder = books.activeContactNamed(name);
            if (holder != null && (existing == null || !holder.contactId().equals(existing.contactId()))) {
                errors.add(nameTaken(name.trim()));
            }
        }
        if (!errors.isEmpty()) {
            return refuse(element, errors);
        }
        Contact saved = new Contact(existing == null ? UUID.randomUUID() : existing.contactId(), name.trim(),
                field(element, "FirstName", existing == null ? null : existing.firstName()),
                field(element, "LastName", existing == null ? null : existing.lastName()),
                field(element, "EmailAddress", existing == null ? null : existing.emailAddress()), contactNumber,
                field(element, "AccountNumber", existing == null ? null : existing.accountNumber()), archived, now);
        books.contacts.put(saved.contactId(), saved);
        return new Outcome(saved, null, List.of());
    }

    private static String field(JsonNode element, String field, String current) {
        return element.has(field) ? text(element, field) : current;
    }

    private static Outcome refuse(JsonNode element, List<String> messages) {
        ObjectNode echo = element.isObject() ? ((ObjectNode) element).deepCopy() : XeroJson.object();
        if (!echo.has("ContactID")) {
            echo.put("ContactID", XeroJson.NO_ID);
        }
        echo.put("HasValidationErrors", true);
        echo.put("StatusAttributeString", "ERROR");
        echo.set("ValidationErrors", XeroJson.validationErrors(messages));
        return new Outcome(null, echo, List.copyOf(messages));
    }
}
