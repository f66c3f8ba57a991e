package org.ledgerport.core.connector;

/**
 * One entry of the vendor's reference data: a tax code, an account or an item.
 *
 * @param id     the vendor's id
 * @param code   what users type (an account code, a tax type), or the id when the vendor has no codes
 * @param name   the name the vendor shows
 * @param active inactive entries exist but cannot be used on new invoices
 */
public record ReferenceEntry(String id, String code, String name, boolean active) {
}
