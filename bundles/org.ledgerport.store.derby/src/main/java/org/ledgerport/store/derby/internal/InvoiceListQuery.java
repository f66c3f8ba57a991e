package org.ledgerport.store.derby.internal;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.ledgerport.core.store.InvoiceQuery;

/** An {@link InvoiceQuery} as SQL: the filters as a WHERE clause with its parameters, and the order. */
final class InvoiceListQuery {

    private final InvoiceQuery query;
    private final StringBuilder where = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    InvoiceListQuery(InvoiceQuery query) {
        this.query = query;
        if (!query.statuses().isEmpty()) {
            condition(query.statuses().stream().map(s -> "?").collect(Collectors.joining(", ", "i.status IN (", ")")));
            query.statuses().forEach(status -> parameters.add(status.name()));
        }
        if (!query.customer().isEmpty()) {
            condition("UPPER(c.name) LIKE ? ESCAPE '\\'");
            parameters.add(contains(query.customer()));
        }
        if (query.issuedFrom() != null) {
            condition("i.issue_date >= ?");
            parameters.add(Date.valueOf(query.issuedFrom()));
        }
        if (query.issuedTo() != null) {
            condition("i.issue_date <= ?");
            parameters.add(Date.valueOf(query.issuedTo()));
        }
        if (!query.text().isEmpty()) {
            condition("(UPPER(i.number) LIKE ? ESCAPE '\\' OR UPPER(c.name) LIKE ? ESCAPE '\\' "
                    + "OR UPPER(i.memo) LIKE ? ESCAPE '\\')");
            String pattern = contains(query.text());
            parameters.add(pattern);
            parameters.add(pattern);
            parameters.add(pattern);
        }
    }

    private void condition(String sql) {
        where.append(where.isEmpty() ? " WHERE " : " AND ").append(sql);
    }

    /** A LIKE pattern for "contains, ignoring case", with the user's own % and _ taken literally. */
    private static String contains(String text) {
        String escaped = text.toUpperCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    String fromWhere() {
        return "FROM invoice i JOIN customer c ON c.id = i.customer_id" + where;
    }

    String orderBy() {
        String direction = query.descending() ? " DESC" : " ASC";
        String column = switch (query.order()) {
            case NUMBER -> "i.number";
            case CUSTOMER -> "c.name";
            case ISSUE_DATE -> "i.issue_date";
            case DUE_DATE -> "i.due_date";
            case NET -> "i.net_amount";
            case STATUS -> "i.status";
        };
        return column.equals("i.number") ? " ORDER BY i.number" + direction
                : " ORDER BY " + column + direction + ", i.number" + direction;
    }

    void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}
