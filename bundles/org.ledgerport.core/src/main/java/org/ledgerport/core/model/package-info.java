/** The bookkeeping model: customers, invoices and money, as immutable records. */
package org.ledgerport.core.model;
