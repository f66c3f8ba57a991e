package org.ledgerport.connector.quickbooks.internal;

import java.util.Set;

import org.ledgerport.core.connector.ReferenceData;

/**
 * What Ledgerport last read of a company: its lists and preferences, and the customers found inactive there,
 * so that pre-flight can check invoices with no network call.
 */
record CompanyLists(ReferenceData reference, CompanyPreferences preferences, Set<String> inactiveCustomers) {

    CompanyLists {
        inactiveCustomers = Set.copyOf(inactiveCustomers);
    }

    CompanyLists withInactiveCustomers(Set<String> names) {
        return new CompanyLists(reference, preferences, names);
    }
}
