package org.ledgerport.core.connector;

import java.util.Map;

import org.ledgerport.core.model.Problem;

/**
 * The outcome of finding or creating many customers or items at once.
 *
 * @param <K>      the local key: a customer's id, an item's code
 * @param resolved the vendor's id per local key
 * @param failed   why a key could not be found or created
 * @param created  how many of the resolved ones were created just now
 */
public record Resolution<K>(Map<K, String> resolved, Map<K, Problem> failed, int created) {

    public Resolution {
        resolved = Map.copyOf(resolved);
        failed = Map.copyOf(failed);
    }
}
