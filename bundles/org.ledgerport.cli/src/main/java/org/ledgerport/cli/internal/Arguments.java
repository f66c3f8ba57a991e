package org.ledgerport.cli.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The words after a command's name, parsed against the options it takes. Options are written {@code --name value}
 * or {@code --name=value}; {@code --} ends the options, so that a file named "--x" can still be given.
 */
final class Arguments {

    private static final String END_OF_OPTIONS = "--";

    private final Map<Option, List<String>> values;
    private final List<String> positionals;

    private Arguments(Map<Option, List<String>> values, List<String> positionals) {
        this.values = values;
        this.positionals = List.copyOf(positionals);
    }

    /**
     * @param positionalNames the positional arguments the command takes, by the names its usage gives them
     * @throws UsageException naming the first word that does not fit
     */
    static Arguments parse(List<String> words, List<Option> options, List<String> positionalNames) {
        Map<String, Option> byName = new HashMap<>();
        options.forEach(option -> byName.put(option.name(), option));
        Map<Option, List<String>> values = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (optionsEnded || !word.startsWith("--")) {
                positionals.add(word);
                continue;
            }
            if (word.equals(END_OF_OPTIONS)) {
                optionsEnded = true;
                continue;
            }
            int equals = word.indexOf('=');
            String name = equals < 0 ? word : word.substring(0, equals);
            Option option = byName.get(name);
            if (option == null) {
                throw new UsageException("There is no option " + name + ".");
            }
            boolean repeated = values.containsKey(option);
            List<String> given = values.computeIfAbsent(option, o -> new ArrayList<>());
            if (!option.takesValue()) {
                if (equals >= 0) {
                    throw new UsageException(name + " takes no value.");
                }
                continue;
            }
            if (repeated && !option.repeatable()) {
                throw new UsageException(name + " is given twice; give it once.");
            }
            if (equals >= 0) {
                given.add(word.substring(equals + 1));
            } else if (isValue(words, i + 1)) {
                given.add(words.get(++i));
            } else {
                throw new UsageException(name + " needs a value (" + option.synopsis() + ").");
            }
            while (option.repeatable() && isValue(words, i + 1)) {
                given.add(words.get(++i));
            }
        }
        if (positionals.size() < positionalNames.size()) {
            throw new UsageException("Missing " + positionalNames.get(positionals.size()) + ".");
        }
        if (positionals.size() > positionalNames.size()) {
            throw new UsageException("Unexpected argument '" + positionals.get(positionalNames.size()) + "'.");
        }
        return new Arguments(values, positionals);
    }

    private static boolean isValue(List<String> words, int index) {
        return index < words.size() && !words.get(index).startsWith("--");
    }

    boolean has(Option option) {
        return values.containsKey(option);
    }

    Optional<String> value(Option option) {
        return values(option).stream().findFirst();
    }

    /** Every value given to the option, in order; empty when it was not given. */
    List<String> values(Option option) {
        return List.copyOf(values.getOrDefault(option, List.of()));
    }

    String positional(int index) {
        return positionals.get(index);
    }
}
