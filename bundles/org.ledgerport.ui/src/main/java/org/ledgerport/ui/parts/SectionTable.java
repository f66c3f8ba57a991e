package org.ledgerport.ui.parts;

import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.ledgerport.ui.WidgetIds;

/**
 * The table of a section below the invoice (payments, history): a few rows high, with a tooltip for each row, and
 * the section's words about an empty list shown in its place while it has no rows.
 */
final class SectionTable<T> {

    private final Class<T> type;
    private final Function<T, String> tooltip;
    private final int minimumColumnWidth;
    private final Label empty;
    private final Composite holder;
    private final TableColumnLayout columns = new TableColumnLayout();
    private final TableViewer viewer;

    /**
     * Adds the table to the parent's grid; {@code empty}, in the same grid, stands in for it while it has no rows.
     *
     * @param tooltip a row's tooltip, the same in every column
     */
    SectionTable(Composite parent, Label empty, Class<T> type, String id, int visibleRows, int minimumColumnWidth,
            Function<T, String> tooltip) {
        this.type = type;
        this.tooltip = tooltip;
        this.minimumColumnWidth = minimumColumnWidth;
        this.empty = empty;
        holder = new Composite(parent, SWT.NONE);
        holder.setLayout(columns);
        viewer = new TableViewer(holder, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(viewer);
        WidgetIds.tag(viewer.getTable(), id);
        GridData layout = new GridData(SWT.FILL, SWT.FILL, true, false);
        layout.heightHint = viewer.getTable().getHeaderHeight()
                + visibleRows * viewer.getTable().getItemHeight() + 4;
        holder.setLayoutData(layout);
    }

    /** @param icon the cell's image, or null for none */
    void column(String title, int weight, int alignment, Function<T, String> text, Function<T, Image> icon) {
        TableViewerColumn column = new TableViewerColumn(viewer, alignment);
        column.getColumn().setText(title);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(type.cast(element));
            }

            @Override
            public Image getImage(Object element) {
                return icon == null ? null : icon.apply(type.cast(element));
            }

            @Override
            public String getToolTipText(Object element) {
                return tooltip.apply(type.cast(element));
            }
        });
        columns.setColumnData(column.getColumn(), new ColumnWeightData(weight, minimumColumnWidth));
    }

    /** Lists the rows, or shows the words about an empty list when there are none. */
    void show(List<T> rows) {
        viewer.setInput(rows);
        boolean none = rows.isEmpty();
        ((GridData) empty.getLayoutData()).exclude = !none;
        empty.setVisible(none);
        ((GridData) holder.getLayoutData()).exclude = none;
        holder.setVisible(!none);
    }

    TableViewer viewer() {
        return viewer;
    }
}
