package org.ledgerport.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The command-line parser: option forms, repeated options, positional arguments. */
class ArgumentsTest {

    private static final Option CONNECTION = Option.value("--connection", "NAME", "the connection");
    private static final Option INVOICE = Option.repeatable("--invoice", "NUMBER", "invoices");
    private static final Option DRY_RUN = Option.flag("--dry-run", "check only");
    private static final List<Option> OPTIONS = List.of(CONNECTION, INVOICE, DRY_RUN);

    @Test
    void aRepeatableOptionTakesEveryWordUpToTheNextOption() {
        Arguments arguments = Arguments.parse(
                List.of("--invoice", "A-1", "A-2", "--dry-run", "--invoice=A-3", "--connection=Xero UK"), OPTIONS,
                List.of());
        assertEquals(List.of("A-1", "A-2", "A-3"), arguments.values(INVOICE));
        assertEquals("Xero UK", arguments.value(CONNECTION).orElseThrow());
        assertTrue(arguments.has(DRY_RUN));
    }

    @Test
    void anOptionNotGivenHasNoValue() {
        Arguments arguments = Arguments.parse(List.of("--connection", "Xero UK"), OPTIONS, List.of());
        assertFalse(arguments.has(DRY_RUN));
        assertTrue(arguments.value(INVOICE).isEmpty());
        assertEquals(List.of(), arguments.values(INVOICE));
    }

    @Test
    void doubleDashEndsTheOptions() {
        Arguments arguments = Arguments.parse(List.of("--dry-run", "--", "--odd name.csv"), OPTIONS, List.of("FILE"));
        assertEquals("--odd name.csv", arguments.positional(0));
    }

    @Test
    void aFlagTakesNoValueAndAnOptionOnlyOneUnlessRepeatable() {
        assertEquals("--dry-run takes no value.", assertThrows(UsageException.class,
                () -> Arguments.parse(List.of("--dry-run=yes"), OPTIONS, List.of())).getMessage());
        assertEquals("--connection is given twice; give it once.", assertThrows(UsageException.class,
                () -> Arguments.parse(List.of("--connection", "A", "--connection", "B"), OPTIONS, List.of()))
                .getMessage());
        assertEquals("--invoice needs a value (--invoice NUMBER...).", assertThrows(UsageException.class,
                () -> Arguments.parse(List.of("--invoice", "--dry-run"), OPTIONS, List.of())).getMessage());
    }
}
