package org.ledgerport.core.model;

/** A postal address as a customer gives it; every part may be empty, none is null. */
public record Address(String line1, String line2, String city, String region, String postalCode, String country) {

    public static final Address NONE = new Address("", "", "", "", "", "");

    public Address {
        line1 = clean(line1);
        line2 = clean(line2);
        city = clean(city);
        region = clean(region);
        postalCode = clean(postalCode);
        country = clean(country);
    }

    private static String clean(String part) {
        return part == null ? "" : part.strip();
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
