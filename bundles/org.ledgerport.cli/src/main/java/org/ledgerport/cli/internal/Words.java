package org.ledgerport.cli.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.ledgerport.core.access.Role;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.core.model.NumberingPolicy;

/** The words the command line uses for the model's choices, in both directions. */
final class Words {

    private Words() {
    }

    static String numbering(NumberingPolicy policy) {
        return switch (policy) {
            case OURS -> "ours";
            case VENDOR_ASSIGNS -> "vendor";
        };
    }

    static Optional<NumberingPolicy> numbering(String word) {
        return Arrays.stream(NumberingPolicy.values()).filter(p -> numbering(p).equals(word)).findFirst();
    }

    /** The kind as an option value and JSON key: "tax-code". */
    static String mappingKind(MappingKind kind) {
        return switch (kind) {
            case TAX_CODE -> "tax-code";
            case INCOME_ACCOUNT -> "income-account";
            case ITEM -> "item";
        };
    }

    static Optional<MappingKind> mappingKind(String word) {
        return Arrays.stream(MappingKind.values()).filter(k -> mappingKind(k).equals(word)).findFirst();
    }

    /** The kind in a sentence: "tax code". */
    static String mappingKindLabel(MappingKind kind) {
        return mappingKind(kind).replace('-', ' ');
    }

    /** The role as an option value: "exporter". */
    static String role(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    static Optional<Role> role(String word) {
        return Arrays.stream(Role.values()).filter(r -> role(r).equals(word)).findFirst();
    }
}
