package org.ledgerport.simulator.xero;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer or supplier as the organisation holds it.
 *
 * @param contactNumber the API-writable external id Xero shows as "Contact Code", or null
 */
public record Contact(UUID contactId, String name, String firstName, String lastName, String emailAddress,
        String contactNumber, String accountNumber, boolean archived, Instant updated) {

    public Contact {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(updated, "updated");
    }

    public static Contact named(String name) {
        return new Contact(UUID.randomUUID(), name, null, null, null, null, null, false, Instant.EPOCH);
    }

    public String status() {
        return archived ? "ARCHIVED" : "ACTIVE";
    }

    public Contact archivedAt(Instant when) {
        return new Contact(contactId, name, firstName, lastName, emailAddress, contactNumber, accountNumber, true,
                when);
    }
}
