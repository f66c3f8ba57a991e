package org.ledgerport.simulator.xero;

/** Whether line amounts exclude tax, include it, or carry none; Xero spells them Exclusive, Inclusive, NoTax. */
public enum LineAmountTypes {
    EXCLUSIVE("Exclusive"), INCLUSIVE("Inclusive"), NO_TAX("NoTax");

    private final String wireName;

    LineAmountTypes(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The value Xero names {@code text}, in any letter case, or null when there is none. */
    public static LineAmountTypes fromWire(String text) {
        for (LineAmountTypes value : values()) {
            if (value.wireName.equalsIgnoreCase(text)) {
                return value;
            }
        }
        return null;
    }
}
