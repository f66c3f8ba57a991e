/** The demo firm: a realistic set of customers, items and invoices to try Ledgerport with. */
package org.ledgerport.demo;
