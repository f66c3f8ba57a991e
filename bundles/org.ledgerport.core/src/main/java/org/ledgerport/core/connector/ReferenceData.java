package org.ledgerport.core.connector;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The vendor's lists that invoices are checked and mapped against, as read at one moment.
 *
 * @param depositAccounts the accounts a payment can be deposited into (bank accounts and the like)
 */
public record ReferenceData(List<ReferenceEntry> taxCodes, List<ReferenceEntry> accounts,
        List<ReferenceEntry> items, Instant readAt, List<ReferenceEntry> depositAccounts) {

    public ReferenceData {
        taxCodes = List.copyOf(taxCodes);
        accounts = List.copyOf(accounts);
        items = List.copyOf(items);
        depositAccounts = List.copyOf(depositAccounts);
    }

    /** Reference data of a package that takes no payments from Ledgerport. */
    public ReferenceData(List<ReferenceEntry> taxCodes, List<ReferenceEntry> accounts, List<ReferenceEntry> items,
            Instant readAt) {
        this(taxCodes, accounts, items, readAt, List.of());
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

    /**
     * The deposit account the user named: by its code or id, in any case, or by its name, where case and
     * surrounding or repeated spaces do not make another name.
     */
    public Optional<ReferenceEntry> depositAccount(String codeIdOrName) {
        String name = nameKey(codeIdOrName);
        return depositAccounts.stream().filter(a -> a.code().equalsIgnoreCase(codeIdOrName)
                || a.id().equalsIgnoreCase(codeIdOrName) || nameKey(a.name()).equals(name)).findFirst();
    }

    private static String nameKey(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Optional<ReferenceEntry> find(List<ReferenceEntry> entries, String codeOrId) {
        return entries.stream().filter(e -> e.code().equals(codeOrId) || e.id().equals(codeOrId)).findFirst();
    }
}
