package org.ledgerport.core.connector;

import java.util.Map;

/**
 * The account a connection reached.
 *
 * @param accountId the vendor's id for it (a realm id, a tenant id, a folder)
 * @param name      the company's name as the vendor shows it
 * @param settings  non-secret settings learnt while connecting, to be saved with the connection
 */
public record AccountInfo(String accountId, String name, Map<String, String> settings) {

    public AccountInfo {
        settings = Map.copyOf(settings);
    }
}
