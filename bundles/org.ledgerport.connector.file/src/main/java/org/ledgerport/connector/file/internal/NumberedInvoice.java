package org.ledgerport.connector.file.internal;

import org.ledgerport.core.connector.OutgoingInvoice;

/** An invoice about to be written, with the number it goes out under. */
record NumberedInvoice(OutgoingInvoice outgoing, String number) {
}
