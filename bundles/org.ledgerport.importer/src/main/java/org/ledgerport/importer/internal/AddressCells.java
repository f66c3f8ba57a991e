package org.ledgerport.importer.internal;

import java.util.stream.Stream;

/** A customer's address as the file writes it. */
record AddressCells(Cell line1, Cell line2, Cell city, Cell region, Cell postalCode, Cell country) {

    /** No address, as a file without address fields gives it. */
    static final AddressCells NONE = new AddressCells(blank(), blank(), blank(), blank(), blank(), blank());

    private static Cell blank() {
        return Cell.of(0, "", "");
    }

    boolean given() {
        return Stream.of(line1, line2, city, region, postalCode, country).anyMatch(Cell::given);
    }
}
