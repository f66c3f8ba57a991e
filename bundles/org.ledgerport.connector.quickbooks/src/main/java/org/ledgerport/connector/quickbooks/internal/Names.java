package org.ledgerport.connector.quickbooks.internal;

import java.util.Locale;
import java.util.Optional;

/** QuickBooks' rules for names of customers and items, and how names are compared. */
final class Names {

    /** DisplayName's limit since minor version 1 raised it; item names stay at 100. */
    static final int CUSTOMER_NAME_LIMIT = 500;
    static final int ITEM_NAME_LIMIT = 100;

    private Names() {
    }

    /** The same name as QuickBooks sees it: case and surrounding or repeated spaces do not make another name. */
    static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Why QuickBooks would refuse the name, or empty when it takes it. */
    static Optional<String> refusal(String name, int limit) {
        if (name.indexOf(':') >= 0) {
            return Optional.of("contains a colon, which QuickBooks uses to separate sub-customers and sub-items");
        }
        if (name.indexOf('\t') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            return Optional.of("contains a tab or a line break");
        }
        if (name.length() > limit) {
            return Optional.of("is " + name.length() + " characters long; QuickBooks allows " + limit);
        }
        return Optional.empty();
    }
}
