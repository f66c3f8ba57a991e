/**
 * A Xero simulator for tests, benchmarks and demos: a real HTTP server on 127.0.0.1 that answers the paths of
 * Xero's identity service, connections endpoint and Accounting API (/api.xro/2.0) the way the documented service
 * does, including its limits and failures, plus a plain Java control API through which a test plays the Xero user
 * (approving, paying, voiding) and injects faults. Start one with
 * {@link org.ledgerport.simulator.xero.XeroSimulator#start}.
 */
package org.ledgerport.simulator.xero;
