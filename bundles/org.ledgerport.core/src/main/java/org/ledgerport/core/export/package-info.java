/** The export engine's interface: what the workstation and the CLI call to export invoices. */
package org.ledgerport.core.export;
