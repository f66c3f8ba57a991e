package org.ledgerport.core.model;

/** What a connection maps from the firm's own codes to the accounting package's. */
public enum MappingKind {
    /** A tax code to the package's tax code or tax rate. */
    TAX_CODE,
    /** An income account to the package's account code or id. */
    INCOME_ACCOUNT,
    /** An item code to the package's item. */
    ITEM
}
