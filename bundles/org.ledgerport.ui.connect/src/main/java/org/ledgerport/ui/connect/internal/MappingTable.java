package org.ledgerport.ui.connect.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.ledgerport.core.connector.ReferenceEntry;
import org.ledgerport.core.model.MappingKind;
import org.ledgerport.ui.WidgetIds;

/**
 * A table that maps the firm's codes of one kind (tax codes, income accounts) to the package's, each chosen from
 * the package's own list in a drop-down cell: click the cell, or select the row and press Enter, F2 or Space.
 */
final class MappingTable {

    /** One of the firm's codes, with what the user knows it by. */
    record Row(String ours, String description) {
    }

    private static final String NOT_MAPPED = "(not mapped)";

    private final ConnectionDraft draft;
    private final MappingKind kind;
    private final List<ReferenceEntry> theirs;
    private final TableViewer viewer;

    MappingTable(Composite parent, String tag, String oursHeader, String theirsHeader, List<Row> rows,
            List<ReferenceEntry> entries, ConnectionDraft draft, MappingKind kind, Runnable changed) {
        this.draft = draft;
        this.kind = kind;
        this.theirs = entries.stream().filter(ReferenceEntry::active).toList();
        Composite area = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1)
                .hint(SWT.DEFAULT, Math.min(Math.max(rows.size(), 2), 6) * 24 + 28).applyTo(area);
        TableColumnLayout columns = new TableColumnLayout();
        area.setLayout(columns);
        viewer = new TableViewer(area, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        Table table = WidgetIds.tag(viewer.getTable(), tag);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);

        column(columns, oursHeader, 25, row -> row.ours());
        boolean described = rows.stream().anyMatch(row -> !row.description().isEmpty());
        if (described) {
            column(columns, "Description", 30, row -> row.description());
        }
        TableViewerColumn mapped = column(columns, theirsHeader, 45, row -> shownMapping(row));
        List<String> choices = new ArrayList<>();
        choices.add(NOT_MAPPED);
        theirs.forEach(entry -> choices.add(SettingFields.shown(entry)));
        CellEditor editor = new ComboBoxCellEditor(table, choices.toArray(String[]::new), SWT.READ_ONLY);
        mapped.setEditingSupport(new EditingSupport(viewer) {
            @Override
            protected CellEditor getCellEditor(Object element) {
                return editor;
            }

            @Override
            protected boolean canEdit(Object element) {
                return true;
            }

            @Override
            protected Object getValue(Object element) {
                String code = draft.mapped(kind, ((Row) element).ours());
                for (int i = 0; i < theirs.size(); i++) {
                    if (theirs.get(i).code().equals(code)) {
                        return i + 1;
                    }
                }
                return 0;
            }

            @Override
            protected void setValue(Object element, Object value) {
                int chosen = (Integer) value;
                if (chosen < 0) {
                    return;
                }
                draft.map(kind, ((Row) element).ours(), chosen == 0 ? "" : theirs.get(chosen - 1).code());
                viewer.update(element, null);
                changed.run();
            }
        });
        table.addListener(SWT.KeyDown, event -> {
            if (event.keyCode == SWT.CR || event.keyCode == SWT.KEYPAD_CR || event.keyCode == SWT.F2
                    || event.character == ' ') {
                Object selected = viewer.getStructuredSelection().getFirstElement();
                if (selected != null) {
                    viewer.editElement(selected, table.getColumnCount() - 1);
                    event.doit = false;
                }
            }
        });
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        for (Row row : rows) {
            propose(row);
        }
        viewer.setInput(rows);
    }

    private TableViewerColumn column(TableColumnLayout columns, String header, int weight,
            Function<Row, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.NONE);
        column.getColumn().setText(header);
        column.setLabelProvider(ColumnLabelProvider.createTextProvider(element -> text.apply((Row) element)));
        columns.setColumnData(column.getColumn(), new ColumnWeightData(weight, 80));
        return column;
    }

    /** Maps a code nobody mapped yet to the package's entry of the same code or name, which is what it would get. */
    private void propose(Row row) {
        if (!draft.mapped(kind, row.ours()).isEmpty()) {
            return;
        }
        theirs.stream().filter(e -> e.code().equalsIgnoreCase(row.ours()) || e.name().equalsIgnoreCase(row.ours()))
                .findFirst().ifPresent(e -> draft.map(kind, row.ours(), e.code()));
    }

    private String shownMapping(Row row) {
        String code = draft.mapped(kind, row.ours());
        if (code.isEmpty()) {
            return NOT_MAPPED;
        }
        return theirs.stream().filter(e -> e.code().equals(code)).findFirst().map(SettingFields::shown)
                .orElse(code + " (not in the package's list)");
    }

    /** How many of the firm's codes are mapped to nothing. */
    long unmapped() {
        return ((List<?>) viewer.getInput()).stream().map(Row.class::cast)
                .filter(row -> draft.mapped(kind, row.ours()).isEmpty()).count();
    }
}
