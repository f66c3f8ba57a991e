/** Where secrets are kept: an interface the core uses and a bundle implements with Equinox secure storage. */
package org.ledgerport.core.credentials;
