/** Importing invoices from files a billing system exports. */
package org.ledgerport.core.importing;
