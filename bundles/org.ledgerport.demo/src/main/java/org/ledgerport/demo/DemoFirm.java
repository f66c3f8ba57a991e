package org.ledgerport.demo;

/**
 * Loads the demo firm, Harbour Lane Studio, into an empty database: customers in pounds and euros, items and
 * services, tax codes, half a year of invoices in every status, and a connection that exports to a folder in
 * the workspace. The content is the same every time; only the dates follow the day it is loaded on.
 */
public interface DemoFirm {

    /** The name of the connection the demo firm exports through. */
    String CONNECTION_NAME = "Demo export folder";

    /**
     * Loads the demo firm, all of it or nothing.
     *
     * @throws IllegalStateException when the database already holds customers or invoices, or a connection
     *                               of the demo's name; nothing is changed then
     */
    DemoReport load();
}
