package org.ledgerport.ui.parts;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.ledgerport.core.connector.VendorStatus;
import org.ledgerport.core.export.ExportState;
import org.ledgerport.core.export.VendorState;
import org.ledgerport.ui.Formats;

/** How the editor says where an exported invoice stands at each accounting package, in a bookkeeper's words. */
final class VendorStateText {

    private VendorStateText() {
    }

    /** "approved", "partly paid, €70.00 still due", "voided there". */
    static String describe(VendorState state) {
        return switch (state.status()) {
            case DRAFT -> "a draft there";
            case SUBMITTED -> "awaiting approval there";
            case APPROVED -> "approved";
            case PARTLY_PAID -> state.amountDue() == null ? "partly paid"
                    : "partly paid, " + Formats.money(state.amountDue()) + " still due";
            case PAID -> "paid";
            case VOIDED -> "voided there";
            case DELETED -> "deleted there";
        };
    }

    /**
     * Each connection's export with its latest state there, "Quay Books: #1001 · partly paid, €70.00 still due";
     * empty when the invoice was never sent anywhere.
     */
    static String standing(List<ExportState> exports, List<VendorState> states) {
        List<String> parts = new ArrayList<>();
        exports.stream().sorted(Comparator.comparing(ExportState::connectionName, String.CASE_INSENSITIVE_ORDER))
                .forEach(export -> {
                    Optional<VendorState> state = states.stream()
                            .filter(s -> s.connectionId() == export.connectionId()).findFirst();
                    parts.add(InvoiceExportStates.describe(export)
                            + state.map(s -> " \u00b7 " + describe(s)).orElse(""));
                });
        states.stream().filter(s -> exports.stream().noneMatch(e -> e.connectionId() == s.connectionId()))
                .forEach(s -> parts.add(s.connectionName() + ": " + describe(s)));
        return String.join("; ", parts);
    }

    /**
     * What the banner says of an invoice the vendor voided or deleted on its own: what happened, that nothing
     * changed here, and the decision asked for.
     */
    static String attention(VendorState state, String packageName) {
        String what = state.status() == VendorStatus.DELETED ? "Deleted" : "Voided";
        return ("%s in %s (%s) on %s by someone there; Ledgerport changed nothing here. Decide: make it a draft "
                + "again, to correct it and export it anew, or void it here too.").formatted(what, packageName,
                        state.connectionName(),
                        Formats.date(state.changedAt().atZone(ZoneId.systemDefault()).toLocalDate()));
    }
}
