package org.ledgerport.ui.parts;

import java.util.function.Function;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.layout.TreeColumnLayout;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.viewers.CellLabelProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.graphics.Image;

/** Columns of the run views' tables and trees, described by plain functions of the row. */
final class RunColumns {

    private static final int MINIMUM_WIDTH = 40;

    private RunColumns() {
    }

    /**
     * Labels for rows of one type: text, an optional icon (null for none) and a tooltip (empty for none). Rows of
     * another type get an empty cell.
     */
    static <T> ColumnLabelProvider labels(Class<T> type, Function<T, String> text,
            Function<T, ImageDescriptor> icon, Function<T, String> tooltip, PartImages icons) {
        return new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return type.isInstance(element) ? text.apply(type.cast(element)) : "";
            }

            @Override
            public Image getImage(Object element) {
                return type.isInstance(element) && icon != null ? icons.image(icon.apply(type.cast(element))) : null;
            }

            @Override
            public String getToolTipText(Object element) {
                String tip = type.isInstance(element) && tooltip != null ? tooltip.apply(type.cast(element)) : "";
                return tip == null || tip.isEmpty() ? null : tip;
            }
        };
    }

    static <T> ColumnLabelProvider text(Class<T> type, Function<T, String> text) {
        return labels(type, text, null, null, null);
    }

    static TableViewerColumn add(TableViewer viewer, TableColumnLayout layout, String title, int weight,
            int alignment, CellLabelProvider labels) {
        TableViewerColumn column = new TableViewerColumn(viewer, alignment);
        column.getColumn().setText(title);
        column.setLabelProvider(labels);
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, MINIMUM_WIDTH));
        return column;
    }

    static TreeViewerColumn add(TreeViewer viewer, TreeColumnLayout layout, String title, int weight, int alignment,
            CellLabelProvider labels) {
        TreeViewerColumn column = new TreeViewerColumn(viewer, alignment);
        column.getColumn().setText(title);
        column.setLabelProvider(labels);
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, MINIMUM_WIDTH));
        return column;
    }
}
