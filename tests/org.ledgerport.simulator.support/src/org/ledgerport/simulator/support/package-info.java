/**
 * Plumbing shared by the vendor simulators in tests/: {@link org.ledgerport.simulator.support.SimulatorServer} (an
 * HttpCore 5 classic server on 127.0.0.1 with routes, filters and test controls),
 * {@link org.ledgerport.simulator.support.OAuthAuthority} (codes, tokens, rotation, revocation),
 * {@link org.ledgerport.simulator.support.RateLimits} (sliding windows and concurrency gates) and
 * {@link org.ledgerport.simulator.support.SimClock} (time that tests move forward).
 */
package org.ledgerport.simulator.support;
