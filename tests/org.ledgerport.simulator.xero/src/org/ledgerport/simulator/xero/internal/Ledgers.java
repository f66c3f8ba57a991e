package org.ledgerport.simulator.xero.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ledgerport.simulator.xero.Contact;
import org.ledgerport.simulator.xero.Invoice;
import org.ledgerport.simulator.xero.Organisation;

/** Every organisation on the simulator, by tenant id, in the order they were added. */
public final class Ledgers {

    private final Map<UUID, Ledger> byTenant = new LinkedHashMap<>();

    public synchronized void add(Organisation organisation) {
        if (byTenant.containsKey(organisation.tenantId())) {
            throw new IllegalArgumentException("An organisation with tenant id " + organisation.tenantId()
                    + " is already on the simulator");
        }
        byTenant.put(organisation.tenantId(), new Ledger(organisation));
    }

    public synchronized List<Organisation> organisations() {
        return byTenant.values().stream().map(Ledger::settings).toList();
    }

    /** The invoices as the organisation holds them, in the order they were created. */
    public List<Invoice> invoices(UUID tenant) {
        return new ArrayList<>(require(tenant).books().invoices.values());
    }

    /** The contacts as the organisation holds them, archived ones included. */
    public List<Contact> contacts(UUID tenant) {
        return new ArrayList<>(require(tenant).books().contacts.values());
    }

    /** The cap on approving invoices the organisation's plan sets, or null to lift it. */
    public void limitApprovals(UUID tenant, Integer limit) {
        require(tenant).limitApprovals(limit);
    }

    synchronized Ledger find(UUID tenant) {
        return byTenant.get(tenant);
    }

    synchronized Ledger require(UUID tenant) {
        Ledger ledger = byTenant.get(tenant);
        if (ledger == null) {
            throw new IllegalArgumentException("No organisation with tenant id " + tenant + " is on the simulator");
        }
        return ledger;
    }
}
