package org.ledgerport.store.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.HistoryEntry;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceDraft;
import org.ledgerport.core.model.InvoiceLifecycle;
import org.ledgerport.core.model.InvoiceRules;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.InvoiceSummary;
import org.ledgerport.core.model.Item;
import org.ledgerport.core.model.LifecycleException;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.Problem;
import org.ledgerport.core.model.TaxCode;
import org.ledgerport.core.store.ConcurrentChangeException;
import org.ledgerport.core.store.ImportBatch;
import org.ledgerport.core.store.ImportBatch.ImportedInvoice;
import org.ledgerport.core.store.ImportRefusedException;
import org.ledgerport.core.store.InvoiceQuery;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The invoice store on the Ledgerport database. */
@Component(service = InvoiceStore.class)
public final class DerbyInvoiceStore implements InvoiceStore {

    private final DerbyDatabase database;

    @Activate
    public DerbyInvoiceStore(@Reference DerbyDatabase database) {
        this.database = database;
    }

    @Override
    public Customer createCustomer(Customer customer) {
        return database.write(null, c -> {
            try {
                return customer.withId(InvoiceRows.insertCustomer(c, customer));
            } catch (SQLException e) {
                throw duplicateName(e, customer.name());
            }
        });
    }

    private static StoreException duplicateName(SQLException e, String name) {
        if (DerbyDatabase.DUPLICATE_KEY.equals(e.getSQLState())) {
            return new StoreException(("There is already a customer named '%s'; accounting packages tell customers "
                    + "apart by name, so give this one a different name.").formatted(name), e);
        }
        return new StoreException("Could not save customer '%s': %s".formatted(name, e.getMessage()), e);
    }

    @Override
    public Customer updateCustomer(Customer customer) {
        return database.write(TOPIC_INVOICES_CHANGED, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE customer SET name = ?, email = ?, currency = ?, "
                    + "address_line1 = ?, address_line2 = ?, city = ?, region = ?, postal_code = ?, country = ?, "
                    + "tax_exempt = ? WHERE id = ?")) {
                InvoiceRows.setCustomer(update, customer);
                update.setLong(11, customer.id());
                if (update.executeUpdate() != 1) {
                    throw new StoreException("Customer #%d is not in the database.".formatted(customer.id()));
                }
                return customer;
            } catch (SQLException e) {
                throw duplicateName(e, customer.name());
            }
        });
    }

    @Override
    public Optional<Customer> findCustomer(long id) {
        return database.read(c -> customer(c, id));
    }

    private static Optional<Customer> customer(Connection c, long id) throws SQLException {
        try (PreparedStatement query = c
                .prepareStatement("SELECT " + InvoiceRows.CUSTOMER_COLUMNS + " FROM customer WHERE id = ?")) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(InvoiceRows.customer(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public List<Customer> listCustomers() {
        return database.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT " + InvoiceRows.CUSTOMER_COLUMNS + " FROM customer ORDER BY name")) {
                List<Customer> customers = new ArrayList<>();
                while (rs.next()) {
                    customers.add(InvoiceRows.customer(rs));
                }
                return customers;
            }
        });
    }

    @Override
    public Item createItem(Item item) {
        return database.write(null, c -> {
            try {
                return item.withId(InvoiceRows.insertItem(c, item));
            } catch (SQLException e) {
                if (DerbyDatabase.DUPLICATE_KEY.equals(e.getSQLState())) {
                    throw new StoreException("There is already an item with code " + item.code() + ".", e);
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<Item> findItem(String code) {
        return database.read(c -> {
            try (PreparedStatement query = c
                    .prepareStatement("SELECT " + InvoiceRows.ITEM_COLUMNS + " FROM item WHERE code = ?")) {
                query.setString(1, code);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() ? Optional.of(InvoiceRows.item(rs)) : Optional.<Item>empty();
                }
            }
        });
    }

    @Override
    public List<Item> listItems() {
        return database.read(c -> List.copyOf(InvoiceRows.items(c).values()));
    }

    @Override
    public TaxCode saveTaxCode(TaxCode taxCode) {
        return database.write(null, c -> {
            InvoiceRows.saveTaxCode(c, taxCode);
            return taxCode;
        });
    }

    @Override
    public List<TaxCode> listTaxCodes() {
        return database.read(c -> List.copyOf(InvoiceRows.taxCodes(c).values()));
    }

    @Override
    public Invoice createInvoice(InvoiceDraft draft) {
        return database.write(TOPIC_INVOICES_CHANGED, c -> {
            try {
                long id = InvoiceRows.insertInvoice(c, draft, draft.customerId(), InvoiceStatus.DRAFT);
                return draft.toInvoice(id, InvoiceStatus.DRAFT, 1);
            } catch (SQLException e) {
                throw explain(e, draft);
            }
        });
    }

    @Override
    public Invoice updateInvoice(long id, int expectedVersion, InvoiceDraft draft) {
        return database.write(TOPIC_INVOICES_CHANGED, c -> {
            Invoice current = current(c, id, expectedVersion);
            InvoiceLifecycle.checkEditable(current);
            try {
                InvoiceRows.replaceContent(c, id, draft);
            } catch (SQLException e) {
                throw explain(e, draft);
            }
            return draft.toInvoice(id, current.status(), current.version() + 1);
        });
    }

    private static StoreException explain(SQLException e, InvoiceDraft draft) {
        return switch (e.getSQLState()) {
            case DerbyDatabase.DUPLICATE_KEY -> new StoreException(
                    "Invoice number %s is already used by another invoice.".formatted(draft.number()), e);
            case DerbyDatabase.MISSING_PARENT -> new StoreException(
                    "Invoice %s names customer #%d, who is not in the database.".formatted(draft.number(),
                            draft.customerId()), e);
            default -> new StoreException("Could not save invoice %s: %s".formatted(draft.number(), e.getMessage()), e);
        };
    }

    /** The invoice as stored, refused when it is gone or was saved by someone else since it was read. */
    static Invoice current(Connection c, long id, int expectedVersion) throws SQLException {
        List<Invoice> found = InvoiceRows.load(c, List.of(id));
        if (found.isEmpty()) {
            throw new StoreException("Invoice #%d is not in the database (it may have been deleted).".formatted(id));
        }
        Invoice current = found.get(0);
        if (current.version() != expectedVersion) {
            throw new ConcurrentChangeException(("Invoice %s was changed by someone else since it was opened "
                    + "(it is now at version %d, not %d); open it again and redo the change.")
                    .formatted(current.number(), current.version(), expectedVersion));
        }
        return current;
    }

    @Override
    public Invoice changeStatus(long id, int expectedVersion, InvoiceStatus target) {
        return database.write(TOPIC_INVOICES_CHANGED, c -> {
            Invoice current = current(c, id, expectedVersion);
            InvoiceLifecycle.check(current, target);
            if (target == InvoiceStatus.EXPORTED) {
                throw new LifecycleException("Invoice %s becomes exported only by exporting it.".formatted(current.number()));
            }
            if (target == InvoiceStatus.FINALIZED) {
                List<Problem> problems = InvoiceRules.check(current, customer(c, current.customerId()).orElse(null),
                        InvoiceRows.taxCodes(c), InvoiceRows.items(c));
                if (!problems.isEmpty()) {
                    throw new LifecycleException(String.join(" ", problems.stream().map(Problem::message).toList()));
                }
            }
            if (current.status() == InvoiceStatus.EXPORTED && target == InvoiceStatus.DRAFT) {
                requireWithdrawnEverywhere(c, current);
            }
            Invoice moved = InvoiceRows.moveStatus(c, current, target);
            // The store's API names no user, so the entry has none; the history shows it came from here.
            HistoryRows.insert(c, new HistoryEntry(id, Instant.now(), HistoryEntry.Kind.STATUS_CHANGED,
                    HistoryEntry.LEDGERPORT, "", statusChanged(current.status(), target)));
            return moved;
        });
    }

    private static String statusChanged(InvoiceStatus from, InvoiceStatus to) {
        return switch (to) {
            case FINALIZED -> "Finalized.";
            case DRAFT -> "Back to draft (it was %s).".formatted(from.label().toLowerCase());
            case VOID -> "Voided.";
            default -> "Marked %s.".formatted(to.label().toLowerCase());
        };
    }

    /** Refuses while the invoice is still live in an accounting package. */
    static void requireWithdrawnEverywhere(Connection c, Invoice invoice) throws SQLException {
        List<String> connections = activeConnections(c, invoice.id());
        if (!connections.isEmpty()) {
            throw new LifecycleException(("Invoice %s is still in %s; withdraw it there first (revert it "
                    + "from the Export view, which deletes or voids it in the accounting package).")
                    .formatted(invoice.number(), String.join(" and ", connections)));
        }
    }

    private static List<String> activeConnections(Connection c, long invoiceId) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT k.name FROM external_ref r JOIN accounting_connection k "
                + "ON k.id = r.connection_id WHERE r.invoice_id = ? AND r.active_key IS NOT NULL ORDER BY k.name")) {
            query.setLong(1, invoiceId);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    names.add("'" + rs.getString(1) + "'");
                }
            }
            return names;
        }
    }

    @Override
    public Optional<Invoice> findInvoice(long id) {
        return database.read(c -> InvoiceRows.load(c, List.of(id)).stream().findFirst());
    }

    @Override
    public Optional<Invoice> findInvoiceByNumber(String number) {
        return database.read(c -> {
            try (PreparedStatement query = c.prepareStatement("SELECT id FROM invoice WHERE number = ?")) {
                query.setString(1, number.strip());
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() ? InvoiceRows.load(c, List.of(rs.getLong(1))).stream().findFirst()
                            : Optional.<Invoice>empty();
                }
            }
        });
    }

    @Override
    public List<Invoice> loadInvoices(Collection<Long> ids) {
        return database.read(c -> InvoiceRows.load(c, ids));
    }

    @Override
    public List<Long> invoiceIds(InvoiceStatus status) {
        return database.read(c -> {
            try (PreparedStatement query = c
                    .prepareStatement("SELECT id FROM invoice WHERE status = ? ORDER BY issue_date, id")) {
                query.setString(1, status.name());
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                return ids;
            }
        });
    }

    @Override
    public List<InvoiceSummary> listInvoices() {
        return findInvoices(InvoiceQuery.all(), 0, Integer.MAX_VALUE);
    }

    @Override
    public int countInvoices(InvoiceQuery query) {
        return database.read(c -> {
            InvoiceListQuery list = new InvoiceListQuery(query);
            try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) " + list.fromWhere())) {
                list.bind(count);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public List<InvoiceSummary> findInvoices(InvoiceQuery query, int offset, int limit) {
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("A page starts at row 0 or later and has at least one row, not "
                    + limit + " from " + offset);
        }
        return database.read(c -> {
            InvoiceListQuery list = new InvoiceListQuery(query);
            try (PreparedStatement page = c.prepareStatement("SELECT i.id, i.number, c.name, i.issue_date, "
                    + "i.due_date, i.currency, i.status, i.net_amount " + list.fromWhere() + list.orderBy()
                    + " OFFSET " + offset + " ROWS FETCH NEXT " + limit + " ROWS ONLY")) {
                list.bind(page);
                try (ResultSet rs = page.executeQuery()) {
                    List<InvoiceSummary> invoices = new ArrayList<>();
                    while (rs.next()) {
                        Currency currency = Currency.getInstance(rs.getString(6));
                        invoices.add(new InvoiceSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(),
                                Money.rounded(rs.getBigDecimal(8), currency), InvoiceStatus.valueOf(rs.getString(7))));
                    }
                    return invoices;
                }
            }
        });
    }

    @Override
    public boolean isEmpty() {
        return database.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT (SELECT COUNT(*) FROM customer) + (SELECT COUNT(*) FROM invoice) FROM SYSIBM.SYSDUMMY1")) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
    }

    @Override
    public ImportBatch.Saved importBatch(ImportBatch batch) {
        return database.write(TOPIC_INVOICES_CHANGED, c -> new BatchImport(c, batch).run());
    }

    /** One import, all in the caller's transaction; every refusal is collected before anything is kept. */
    private static final class BatchImport {

        private final Connection c;
        private final ImportBatch batch;
        private final List<String> refusals = new ArrayList<>();

        BatchImport(Connection c, ImportBatch batch) {
            this.c = c;
            this.batch = batch;
        }

        ImportBatch.Saved run() throws SQLException {
            for (TaxCode taxCode : batch.taxCodes()) {
                InvoiceRows.saveTaxCode(c, taxCode);
            }
            Map<String, Customer> customers = new HashMap<>();
            for (Customer customer : allCustomers()) {
                customers.put(customer.name(), customer);
            }
            int customersCreated = 0;
            for (Customer customer : batch.customers()) {
                if (!customers.containsKey(customer.name())) {
                    customers.put(customer.name(), customer.withId(InvoiceRows.insertCustomer(c, customer)));
                    customersCreated++;
                }
            }
            Map<String, Item> items = InvoiceRows.items(c);
            int itemsCreated = 0;
            for (Item item : batch.items()) {
                if (!items.containsKey(item.code())) {
                    items.put(item.code(), item.withId(InvoiceRows.insertItem(c, item)));
                    itemsCreated++;
                }
            }
            Map<String, TaxCode> taxCodes = InvoiceRows.taxCodes(c);
            Set<String> numbersInBatch = new HashSet<>();
            Set<String> numbersInDatabase = existingNumbers();
            List<Long> ids = new ArrayList<>();
            for (ImportedInvoice imported : batch.invoices()) {
                String number = imported.draft().number();
                Customer customer = customers.get(imported.customerName().strip());
                if (customer == null) {
                    refuse(imported, "customer '%s' is neither in the import nor in the database"
                            .formatted(imported.customerName()));
                    continue;
                }
                if (numbersInDatabase.contains(number)) {
                    refuse(imported, "invoice number %s is already in the database".formatted(number));
                    continue;
                }
                if (!numbersInBatch.add(number)) {
                    refuse(imported, "invoice number %s appears twice in the import".formatted(number));
                    continue;
                }
                InvoiceDraft draft = withCustomer(imported.draft(), customer.id());
                if (imported.status() != InvoiceStatus.DRAFT && imported.status() != InvoiceStatus.VOID) {
                    List<Problem> problems = InvoiceRules.check(draft.toInvoice(0, imported.status(), 1), customer,
                            taxCodes, items);
                    if (!problems.isEmpty()) {
                        problems.forEach(p -> refuse(imported, p.message()));
                        continue;
                    }
                }
                ids.add(InvoiceRows.insertInvoice(c, draft, customer.id(), imported.status()));
            }
            if (!refusals.isEmpty()) {
                throw new ImportRefusedException(refusals);
            }
            return new ImportBatch.Saved(customersCreated, itemsCreated, batch.taxCodes().size(), ids);
        }

        private void refuse(ImportedInvoice imported, String reason) {
            refusals.add(imported.source() + ": " + reason);
        }

        private List<Customer> allCustomers() throws SQLException {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT " + InvoiceRows.CUSTOMER_COLUMNS + " FROM customer")) {
                List<Customer> all = new ArrayList<>();
                while (rs.next()) {
                    all.add(InvoiceRows.customer(rs));
                }
                return all;
            }
        }

        private Set<String> existingNumbers() throws SQLException {
            List<String> numbers = batch.invoices().stream().map(i -> i.draft().number()).distinct().toList();
            Set<String> existing = new HashSet<>();
            for (int from = 0; from < numbers.size(); from += InvoiceRows.CHUNK) {
                List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + InvoiceRows.CHUNK));
                try (PreparedStatement query = c.prepareStatement("SELECT number FROM invoice WHERE number IN ("
                        + DerbyDatabase.placeholders(chunk.size()) + ")")) {
                    InvoiceRows.bind(query, chunk);
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            existing.add(rs.getString(1));
                        }
                    }
                }
            }
            return existing;
        }

        private static InvoiceDraft withCustomer(InvoiceDraft draft, long customerId) {
            return new InvoiceDraft(draft.number(), customerId, draft.issueDate(), draft.dueDate(), draft.currency(),
                    draft.lines(), draft.charges(), draft.memo(), draft.taxMode());
        }
    }
}
