package org.ledgerport.core.model;

import java.util.Optional;

/**
 * The one place that decides whether an invoice may move from one status to another, and why not.
 *
 * <pre>
 * DRAFT -&gt; FINALIZED -&gt; EXPORTED -&gt; PAID -&gt; CLOSED
 *   |          |  \-&gt; DRAFT    \-&gt; DRAFT (revert: only once withdrawn from the accounting package)
 *   \-&gt; VOID   \-&gt; VOID
 * </pre>
 */
public final class InvoiceLifecycle {

    private InvoiceLifecycle() {
    }

    /** Why the move is refused, in words a bookkeeper can act on; empty when it is allowed. */
    public static Optional<String> refusal(Invoice invoice, InvoiceStatus target) {
        InvoiceStatus from = invoice.status();
        String n = invoice.number();
        if (from == target) {
            return Optional.of("Invoice %s is already %s.".formatted(n, from.label().toLowerCase()));
        }
        boolean allowed = switch (from) {
            case DRAFT -> target == InvoiceStatus.FINALIZED || target == InvoiceStatus.VOID;
            case FINALIZED -> target == InvoiceStatus.DRAFT || target == InvoiceStatus.EXPORTED
                    || target == InvoiceStatus.VOID;
            case EXPORTED -> target == InvoiceStatus.PAID || target == InvoiceStatus.DRAFT;
            case PAID -> target == InvoiceStatus.CLOSED;
            case CLOSED, VOID -> false;
        };
        if (allowed) {
            return Optional.empty();
        }
        return Optional.of(switch (from) {
            case DRAFT -> target == InvoiceStatus.EXPORTED
                    ? "Invoice %s is a draft; finalize it before exporting it.".formatted(n)
                    : "Invoice %s is a draft; finalize it first.".formatted(n);
            case FINALIZED -> "Invoice %s has not been exported yet, so it cannot be %s.".formatted(n,
                    target.label().toLowerCase());
            case EXPORTED -> target == InvoiceStatus.VOID
                    ? "Invoice %s is in the accounting package; revert it to draft (which withdraws it there) before voiding it."
                            .formatted(n)
                    : "Invoice %s is exported; it can only be marked paid or reverted to draft.".formatted(n);
            case PAID -> "Invoice %s is paid; it can only be closed. Refund or credit it in the accounting package."
                    .formatted(n);
            case CLOSED -> "Invoice %s is closed; nothing more can happen to it.".formatted(n);
            case VOID -> "Invoice %s is void; write a new invoice instead.".formatted(n);
        });
    }

    /** Refuses the move with its reason. */
    public static void check(Invoice invoice, InvoiceStatus target) {
        refusal(invoice, target).ifPresent(reason -> {
            throw new LifecycleException(reason);
        });
    }

    /** Why the invoice's content may not be changed; empty for a draft, the only status that may be edited. */
    public static Optional<String> editRefusal(Invoice invoice) {
        String n = invoice.number();
        return switch (invoice.status()) {
            case DRAFT -> Optional.empty();
            case FINALIZED -> Optional.of("Invoice %s is finalized; revert it to draft to change it.".formatted(n));
            case EXPORTED -> Optional.of(
                    "Invoice %s is exported and read-only; revert it to draft to change it.".formatted(n));
            case PAID, CLOSED -> Optional.of("Invoice %s is %s and cannot be changed.".formatted(n,
                    invoice.status().label().toLowerCase()));
            case VOID -> Optional.of("Invoice %s is void and cannot be changed.".formatted(n));
        };
    }

    /** Refuses an edit with its reason. */
    public static void checkEditable(Invoice invoice) {
        editRefusal(invoice).ifPresent(reason -> {
            throw new LifecycleException(reason);
        });
    }
}
