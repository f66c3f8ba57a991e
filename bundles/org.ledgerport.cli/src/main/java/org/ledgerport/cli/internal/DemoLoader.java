package org.ledgerport.cli.internal;

/**
 * Loads the demo firm into the database. The demo bundle is optional, so the commands see it through this
 * interface and never load its classes when it is not installed.
 */
@FunctionalInterface
interface DemoLoader {

    /**
     * @throws IllegalStateException when the database already holds a firm's data; nothing is changed then
     */
    Loaded load();

    /**
     * @param summary    one line on what was loaded
     * @param connection the connection the demo firm exports through
     */
    record Loaded(String summary, String connection) {
    }
}
