package org.ledgerport.ui.parts;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ledgerport.core.export.ExportOutcome;
import org.ledgerport.core.export.ExportState;

/**
 * How the list and the editor say where an invoice stands at each connection: one phrase per connection
 * ("QuickBooks: #1045", "Demo export folder: exported", "Xero: failed") and the outcome that matters most.
 */
final class InvoiceExportStates {

    /** The order in which outcomes need attention: a failure first, then a send nobody could confirm. */
    private static final List<ExportOutcome> IMPORTANCE = List.of(ExportOutcome.FAILED, ExportOutcome.UNCONFIRMED,
            ExportOutcome.EXPORTED, ExportOutcome.SKIPPED, ExportOutcome.CHECKED);

    private InvoiceExportStates() {
    }

    /** The states as a reader takes them in, connection by connection; empty when never sent anywhere. */
    static String describe(List<ExportState> states) {
        return states.stream()
                .sorted(Comparator.comparing(ExportState::connectionName, String.CASE_INSENSITIVE_ORDER))
                .map(InvoiceExportStates::describe)
                .collect(Collectors.joining(", "));
    }

    static String describe(ExportState state) {
        boolean numbered = state.outcome() == ExportOutcome.EXPORTED && !state.externalNumber().isEmpty();
        return state.connectionName() + ": "
                + (numbered ? "#" + state.externalNumber() : state.outcome().label().toLowerCase());
    }

    /** The outcome whose icon stands for all of them: failed over unconfirmed over exported. */
    static Optional<ExportOutcome> mostImportant(List<ExportState> states) {
        return states.stream().map(ExportState::outcome).min(Comparator.comparingInt(IMPORTANCE::indexOf));
    }

    /** The names of the connections that hold the invoice now. */
    static List<String> exportedTo(List<ExportState> states) {
        return states.stream()
                .filter(state -> state.outcome() == ExportOutcome.EXPORTED)
                .map(ExportState::connectionName)
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
    }
}
