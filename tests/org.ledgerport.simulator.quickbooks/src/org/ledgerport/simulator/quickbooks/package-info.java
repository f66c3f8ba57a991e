/**
 * A QuickBooks Online simulator for tests, benchmarks and demos: {@link
 * org.ledgerport.simulator.quickbooks.QuickBooksSimulator} starts it ({@code start(Options)}), {@link
 * org.ledgerport.simulator.quickbooks.CompanySetup} describes a company (realm), {@link
 * org.ledgerport.simulator.quickbooks.Ledger} shows and changes what a company holds, {@link
 * org.ledgerport.simulator.quickbooks.Limits} sets the call limits.
 */
package org.ledgerport.simulator.quickbooks;
