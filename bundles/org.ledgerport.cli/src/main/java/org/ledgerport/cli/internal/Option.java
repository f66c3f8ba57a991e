package org.ledgerport.cli.internal;

/**
 * An option a command takes: a flag ({@code --dry-run}), an option with one value ({@code --connection NAME}), or
 * a repeatable one that takes every word up to the next option ({@code --invoice 1001 1002}).
 *
 * @param valueName what the value is, as help shows it ("NAME"), or empty for a flag
 */
record Option(String name, String valueName, boolean repeatable, String help) {

    static Option flag(String name, String help) {
        return new Option(name, "", false, help);
    }

    static Option value(String name, String valueName, String help) {
        return new Option(name, valueName, false, help);
    }

    static Option repeatable(String name, String valueName, String help) {
        return new Option(name, valueName, true, help);
    }

    boolean takesValue() {
        return !valueName.isEmpty();
    }

    /** The option as a usage line shows it: {@code --invoice NUMBER...}. */
    String synopsis() {
        return takesValue() ? name + " " + valueName + (repeatable ? "..." : "") : name;
    }
}
