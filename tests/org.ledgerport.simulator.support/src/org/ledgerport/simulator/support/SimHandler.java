package org.ledgerport.simulator.support;

/** Answers one routed request. An unexpected exception becomes a 500 answer naming it. */
@FunctionalInterface
public interface SimHandler {

    SimResponse handle(SimRequest request);
}
