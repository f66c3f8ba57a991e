package org.ledgerport.ui.parts;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.ledgerport.core.model.HistoryEntry;
import org.ledgerport.ui.Formats;
import org.ledgerport.ui.WidgetIds;

/**
 * The invoice's history: what happened to it here and at the accounting packages, with when, where and who.
 * Oldest first, as a ledger or a bank statement reads: each entry follows from the one above it, so the story of
 * the invoice reads from top to bottom; the table scrolls to the latest entry, so that is in view too.
 */
final class InvoiceHistorySection {

    private static final int VISIBLE_ROWS = 7;

    private final PartImages images;
    private final Group group;
    private final SectionTable<HistoryEntry> table;

    InvoiceHistorySection(Composite parent, PartImages images) {
        this.images = images;
        group = new Group(parent, SWT.NONE);
        group.setText("History");
        group.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        group.setLayout(new GridLayout(1, false));

        Label empty = new Label(group, SWT.WRAP);
        empty.setText("Nothing has happened to this invoice yet beyond its writing. Finalizing, exporting, payments "
                + "and what the accounting package reports back will be listed here.");
        empty.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        WidgetIds.tag(empty, "invoice.historyEmpty");

        // The whole text as the tooltip, for entries longer than the column is wide.
        table = new SectionTable<>(group, empty, HistoryEntry.class, "invoice.history", VISIBLE_ROWS, 60,
                HistoryEntry::text);
        table.column("When", 16, SWT.LEFT, entry -> Formats.dateTime(entry.at()), this::icon);
        table.column("Source", 22, SWT.LEFT, HistoryEntry::source, null);
        table.column("Who", 8, SWT.LEFT, HistoryEntry::user, null);
        table.column("What", 54, SWT.LEFT, HistoryEntry::text, null);
        table.show(List.of());
    }

    private Image icon(HistoryEntry entry) {
        return images.named(switch (entry.kind()) {
            case STATUS_CHANGED -> "invoice";
            case EXPORTED -> "exported";
            case VENDOR_STATUS -> "refresh";
            case VENDOR_PROBLEM -> "warning";
            case PROBLEM_RESOLVED -> "checked";
            case PAYMENT_RECORDED -> "add";
            case PAYMENT_SENT -> "export";
            case WITHDRAWN -> "remove";
            case REVERTED -> "draft";
        });
    }

    /** Shows the entries, oldest first, with the latest in view. */
    void show(List<HistoryEntry> entries) {
        if (entries.equals(table.viewer().getInput())) {
            return;
        }
        table.show(entries);
        if (!entries.isEmpty()) {
            table.viewer().reveal(entries.get(entries.size() - 1));
        }
    }

    Group control() {
        return group;
    }
}
