package org.ledgerport.simulator.support;

/**
 * Wraps every routed request, in registration order, around the latency and the route's handler: the place for a
 * vendor's authentication, rate limits and concurrency gates. It answers by itself or calls {@code next}.
 */
@FunctionalInterface
public interface SimFilter {

    SimResponse filter(SimRequest request, SimHandler next);
}
