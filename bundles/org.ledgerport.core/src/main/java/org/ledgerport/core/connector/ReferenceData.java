package org.ledgerport.core.connector;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The vendor's lists that invoices are checked and mapped against, as read at one moment. */
public record ReferenceData(List<ReferenceEntry> taxCodes, List<ReferenceEntry> accounts,
        List<ReferenceEntry> items, Instant readAt) {

    public ReferenceData {
        taxCodes = List.copyOf(taxCodes);
        accounts = List.copyOf(accounts);
        items = List.copyOf(items);
    }

    public static ReferenceData none(Instant readAt) {
        return new ReferenceData(List.of(), List.of(), List.of(), readAt);
    }

    public Optional<ReferenceEntry> taxCode(String codeOrId) {
        return find(taxCodes, codeOrId);
    }

    public Optional<ReferenceEntry> account(String codeOrId) {
        return find(accounts, codeOrId);
    }

    private static Optional<ReferenceEntry> find(List<ReferenceEntry> entries, String codeOrId) {
        return entries.stream().filter(e -> e.code().equals(codeOrId) || e.id().equals(codeOrId)).findFirst();
    }
}
