package org.ledgerport.store.derby.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ledgerport.core.model.Address;
import org.ledgerport.core.model.Charge;
import org.ledgerport.core.model.ChargeKind;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.model.TaxMode;
import org.ledgerport.core.store.ConcurrentChangeException;

/** Reading and writing the invoice tables, shared by the store's operations so each SQL text exists once. */
final class InvoiceRows {

    /** Rows per IN list; Derby has no hard limit, but long lists compile slowly. */
    static final int CHUNK = 500;

    static final String CUSTOMER_COLUMNS = "id, name, email, currency, address_line1, address_line2, city, region, "
            + "postal_code, country, tax_exempt";

    private InvoiceRows() {
    }

    static Customer customer(ResultSet rs) throws SQLException {
        return new Customer(rs.getLong(1), rs.getString(2), rs.getString(3),
                new Address(rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10)),
                rs.getBoolean(11), Currency.getInstance(rs.getString(4)));
    }

    static long insertCustomer(Connection connection, Customer customer) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO customer (name, email, currency, "
                + "address_line1, address_line2, city, region, postal_code, country, tax_exempt) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            setCustomer(insert, customer);
            insert.executeUpdate();
            return DerbyDatabase.generatedId(insert);
        }
    }

    static void setCustomer(PreparedStatement statement, Customer customer) throws SQLException {
        Address a = customer.billingAddress();
        statement.setString(1, customer.name());
        statement.setString(2, customer.email());
        statement.setString(3, customer.currency().getCurrencyCode());
        statement.setString(4, a.line1());
        statement.setString(5, a.line2());
        statement.setString(6, a.city());
        statement.setString(7, a.region());
        statement.setString(8, a.postalCode());
        statement.setString(9, a.country());
        statement.setBoolean(10, customer.taxExempt());
    }

    static Item item(ResultSet rs) throws SQLException {
        return new Item(rs.getLong(1), rs.getString(2), rs.getString(3),
                new Money(rs.getBigDecimal(4), Currency.getInstance(rs.getString(5))), rs.getString(6),
                rs.getString(7));
    }

    static final String ITEM_COLUMNS = "id, code, name, default_price, currency, income_account, tax_code";

    static long insertItem(Connection connection, Item item) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item (code, name, default_price, "
                + "currency, income_account, tax_code) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, item.code());
            insert.setString(2, item.name());
            insert.setBigDecimal(3, item.defaultPrice().amount());
            insert.setString(4, item.defaultPrice().currency().getCurrencyCode());
            insert.setString(5, item.incomeAccount());
            insert.setString(6, item.taxCode());
            insert.executeUpdate();
            return DerbyDatabase.generatedId(insert);
        }
    }

    static void saveTaxCode(Connection connection, TaxCode taxCode) throws SQLException {
        try (PreparedStatement update = connection
                .prepareStatement("UPDATE tax_code SET name = ?, rate_percent = ? WHERE code = ?")) {
            update.setString(1, taxCode.name());
            update.setBigDecimal(2, taxCode.ratePercent());
            update.setString(3, taxCode.code());
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection
                .prepareStatement("INSERT INTO tax_code (code, name, rate_percent) VALUES (?, ?, ?)")) {
            insert.setString(1, taxCode.code());
            insert.setString(2, taxCode.name());
            insert.setBigDecimal(3, taxCode.ratePercent());
            insert.executeUpdate();
        }
    }

    static Map<String, TaxCode> taxCodes(Connection connection) throws SQLException {
        Map<String, TaxCode> codes = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT code, name, rate_percent FROM tax_code ORDER BY code")) {
            while (rs.next()) {
                codes.put(rs.getString(1), new TaxCode(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)));
            }
        }
        return codes;
    }

    static Map<String, Item> items(Connection connection) throws SQLException {
        Map<String, Item> items = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + ITEM_COLUMNS + " FROM item ORDER BY code")) {
            while (rs.next()) {
                Item item = item(rs);
                items.put(item.code(), item);
            }
        }
        return items;
    }

    /** Inserts the invoice header, lines and charges; returns the new id. */
    static long insertInvoice(Connection connection, InvoiceDraft draft, long customerId, InvoiceStatus status)
            throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO invoice (number, customer_id, "
                + "issue_date, due_date, currency, memo, status, version, tax_mode) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, draft.number());
            insert.setLong(2, customerId);
            insert.setDate(3, Date.valueOf(draft.issueDate()));
            insert.setDate(4, Date.valueOf(draft.dueDate()));
            insert.setString(5, draft.currency().getCurrencyCode());
            insert.setString(6, draft.memo());
            insert.setString(7, status.name());
            insert.setString(8, draft.taxMode().name());
            insert.executeUpdate();
            id = DerbyDatabase.generatedId(insert);
        }
        insertContent(connection, id, draft);
        return id;
    }

    /** Replaces the header fields, lines and charges of a stored invoice and moves it one version on. */
    static void replaceContent(Connection connection, long id, InvoiceDraft draft) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE invoice SET number = ?, customer_id = ?, "
                + "issue_date = ?, due_date = ?, currency = ?, memo = ?, tax_mode = ?, version = version + 1 "
                + "WHERE id = ?")) {
            update.setString(1, draft.number());
            update.setLong(2, draft.customerId());
            update.setDate(3, Date.valueOf(draft.issueDate()));
            update.setDate(4, Date.valueOf(draft.dueDate()));
            update.setString(5, draft.currency().getCurrencyCode());
            update.setString(6, draft.memo());
            update.setString(7, draft.taxMode().name());
            update.setLong(8, id);
            update.executeUpdate();
        }
        for (String table : List.of("invoice_line", "invoice_charge")) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE invoice_id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
        }
        insertContent(connection, id, draft);
    }

    private static void insertContent(Connection connection, long id, InvoiceDraft draft) throws SQLException {
        // Kept with the header so that the list can sort and page by it without reading every line.
        try (PreparedStatement net = connection.prepareStatement("UPDATE invoice SET net_amount = ? WHERE id = ?")) {
            net.setBigDecimal(1, draft.toInvoice(id, InvoiceStatus.DRAFT, 1).net().amount());
            net.setLong(2, id);
            net.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO invoice_line (invoice_id, line_no, "
                + "item_code, description, quantity, unit_price, discount_percent, tax_code, amount) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int lineNo = 1;
            for (InvoiceLine line : draft.lines()) {
                insert.setLong(1, id);
                insert.setInt(2, lineNo++);
                insert.setString(3, line.itemCode());
                insert.setString(4, line.description());
                insert.setBigDecimal(5, line.quantity());
                insert.setBigDecimal(6, line.unitPrice().amount());
                insert.setBigDecimal(7, line.discountPercent());
                insert.setString(8, line.taxCode());
                insert.setBigDecimal(9, line.amount().amount());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        if (draft.charges().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO invoice_charge (invoice_id, "
                + "charge_no, kind, description, amount, tax_code) VALUES (?, ?, ?, ?, ?, ?)")) {
            int chargeNo = 1;
            for (Charge charge : draft.charges()) {
                insert.setLong(1, id);
                insert.setInt(2, chargeNo++);
                insert.setString(3, charge.kind().name());
                insert.setString(4, charge.description());
                insert.setBigDecimal(5, charge.amount().amount());
                insert.setString(6, charge.taxCode());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Loads whole invoices, in the order of the ids; ids that do not exist are left out. */
    static List<Invoice> load(Connection connection, Collection<Long> ids) throws SQLException {
        List<Long> all = List.copyOf(ids);
        Map<Long, Invoice> byId = new HashMap<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            loadChunk(connection, chunk, byId);
        }
        List<Invoice> invoices = new ArrayList<>();
        for (Long id : all) {
            Invoice invoice = byId.get(id);
            if (invoice != null) {
                invoices.add(invoice);
            }
        }
        return invoices;
    }

    private static void loadChunk(Connection connection, List<Long> ids, Map<Long, Invoice> into) throws SQLException {
        String in = DerbyDatabase.placeholders(ids.size());
        Map<Long, List<InvoiceLine>> lines = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT l.invoice_id, l.item_code, l.description, "
                + "l.quantity, l.unit_price, l.discount_percent, l.tax_code, i.currency FROM invoice_line l "
                + "JOIN invoice i ON i.id = l.invoice_id WHERE l.invoice_id IN (" + in + ") ORDER BY l.invoice_id, l.line_no")) {
            bind(query, ids);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Currency currency = Currency.getInstance(rs.getString(8));
                    lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new InvoiceLine(rs.getString(2),
                            rs.getString(3), rs.getBigDecimal(4), new Money(rs.getBigDecimal(5), currency),
                            rs.getBigDecimal(6), rs.getString(7)));
                }
            }
        }
        Map<Long, List<Charge>> charges = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT c.invoice_id, c.kind, c.description, "
                + "c.amount, c.tax_code, i.currency FROM invoice_charge c JOIN invoice i ON i.id = c.invoice_id "
                + "WHERE c.invoice_id IN (" + in + ") ORDER BY c.invoice_id, c.charge_no")) {
            bind(query, ids);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Currency currency = Currency.getInstance(rs.getString(6));
                    charges.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Charge(
                            ChargeKind.valueOf(rs.getString(2)), rs.getString(3),
                            new Money(rs.getBigDecimal(4), currency), rs.getString(5)));
                }
            }
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT id, number, customer_id, issue_date, "
                + "due_date, currency, memo, status, version, tax_mode FROM invoice WHERE id IN (" + in + ")")) {
            bind(query, ids);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    into.put(id, new Invoice(id, rs.getString(2), rs.getLong(3), rs.getDate(4).toLocalDate(),
                            rs.getDate(5).toLocalDate(), Currency.getInstance(rs.getString(6)),
                            lines.getOrDefault(id, List.of()), charges.getOrDefault(id, List.of()), rs.getString(7),
                            TaxMode.valueOf(rs.getString(10)), InvoiceStatus.valueOf(rs.getString(8)), rs.getInt(9)));
                }
            }
        }
    }

    /** Moves an invoice, as read at its version, to the status; refuses when someone saved it since. */
    static Invoice moveStatus(Connection connection, Invoice invoice, InvoiceStatus target) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE invoice SET status = ?, version = version + 1 WHERE id = ? AND version = ?")) {
            update.setString(1, target.name());
            update.setLong(2, invoice.id());
            update.setInt(3, invoice.version());
            if (update.executeUpdate() != 1) {
                throw new ConcurrentChangeException("Invoice %s was changed by someone else just now; open it again."
                        .formatted(invoice.number()));
            }
        }
        return invoice.withStatus(target);
    }

    static void bind(PreparedStatement statement, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setObject(i + 1, values.get(i));
        }
    }
}
