package org.ledgerport.simulator.xero;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A payment the Xero user applied to an invoice. */
public record Payment(UUID paymentId, LocalDate date, BigDecimal amount, String reference) {
}
