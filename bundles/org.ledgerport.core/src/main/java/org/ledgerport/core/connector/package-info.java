/** The connector SPI: what a bundle implements to add an accounting package to Ledgerport. */
package org.ledgerport.core.connector;
