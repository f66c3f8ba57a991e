/** Where Ledgerport keeps its data: interfaces only; a store bundle (Derby by default) implements them. */
package org.ledgerport.core.store;
