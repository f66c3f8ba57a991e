package org.ledgerport.simulator.xero;

/** Sales invoice (accounts receivable) or bill (accounts payable). */
public enum InvoiceType {
    ACCREC, ACCPAY
}
