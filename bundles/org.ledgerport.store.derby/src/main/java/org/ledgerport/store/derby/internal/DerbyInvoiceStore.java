package org.ledgerport.store.derby.internal;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.osgi.service.datalocation.Location;
import org.ledgerport.core.model.Customer;
import org.ledgerport.core.model.Invoice;
import org.ledgerport.core.model.InvoiceLine;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.InvoiceSummary;
import org.ledgerport.core.model.Money;
import org.ledgerport.core.model.NewInvoice;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.core.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The invoice store in an embedded Derby database inside the workspace (the instance location), created and
 * migrated to the current schema when the component starts and shut down cleanly when it stops.
 */
@Component(service = InvoiceStore.class, immediate = true)
public final class DerbyInvoiceStore implements InvoiceStore {

    /** Folder of the database inside the workspace. */
    public static final String DATABASE_FOLDER = "database";

    private static final String DUPLICATE_KEY = "23505";
    private static final String MISSING_PARENT = "23503";
    private static final String DATABASE_SHUT_DOWN = "08006";

    private final EmbeddedDataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Activate
    public DerbyInvoiceStore(@Reference(target = "(type=osgi.instance.area)") Location workspace) {
        this(databaseFolder(workspace));
    }

    /** Opens (creating if needed) the database in the given folder and migrates it. */
    private DerbyInvoiceStore(File databaseFolder) {
        File workspace = databaseFolder.getAbsoluteFile().getParentFile();
        try {
            Files.createDirectories(workspace.toPath());
        } catch (IOException e) {
            throw new StoreException("Could not create the workspace folder " + workspace + ": " + e.getMessage(), e);
        }
        // Derby writes its own log into the process's working directory unless told otherwise.
        if (System.getProperty("derby.stream.error.file") == null) {
            System.setProperty("derby.stream.error.file", new File(workspace, "derby.log").getPath());
        }
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(databaseFolder.getAbsolutePath());
        dataSource.setCreateDatabase("create");
        try (Connection connection = dataSource.getConnection()) {
            new SchemaMigrator().migrate(connection);
        } catch (SQLException e) {
            throw new StoreException("Could not open the database in " + databaseFolder + ": " + e.getMessage(), e);
        }
    }

    private static File databaseFolder(Location workspace) {
        URL url = workspace.getURL();
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new StoreException("The workstation has no workspace folder to keep its database in; start it with -data FOLDER.");
        }
        // Equinox location URLs are not %-encoded, so the path is taken as it is.
        return new File(url.getPath(), DATABASE_FOLDER);
    }

    @Deactivate
    public void close() {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(dataSource.getDatabaseName());
        shutdown.setShutdownDatabase("shutdown");
        try (Connection unused = shutdown.getConnection()) {
            throw new StoreException("Derby did not shut down the database " + dataSource.getDatabaseName());
        } catch (SQLException e) {
            if (!DATABASE_SHUT_DOWN.equals(e.getSQLState())) {
                throw new StoreException("Could not close the database: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Customer createCustomer(String name, String email, Currency currency) {
        Customer unsaved = new Customer(0, name, email, currency);
        return write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO customer (name, email, currency) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, unsaved.name());
                insert.setString(2, unsaved.email());
                insert.setString(3, currency.getCurrencyCode());
                insert.executeUpdate();
                return new Customer(generatedId(insert), unsaved.name(), email, currency);
            }
        }, false);
    }

    @Override
    public List<Customer> listCustomers() {
        return read(connection -> {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, name, email, currency FROM customer ORDER BY name")) {
                List<Customer> customers = new ArrayList<>();
                while (rs.next()) {
                    customers.add(new Customer(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Currency.getInstance(rs.getString(4))));
                }
                return customers;
            }
        });
    }

    @Override
    public Invoice createInvoice(NewInvoice invoice) {
        return write(connection -> {
            long id;
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO invoice (number, customer_id, issue_date, due_date, currency, memo, status, version) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
                    Statement.RETURN_GENERATED_KEYS)) {
                Invoice draft = invoice.asDraft(0);
                insert.setString(1, draft.number());
                insert.setLong(2, draft.customerId());
                insert.setDate(3, Date.valueOf(draft.issueDate()));
                insert.setDate(4, Date.valueOf(draft.dueDate()));
                insert.setString(5, draft.currency().getCurrencyCode());
                insert.setString(6, draft.memo());
                insert.setString(7, draft.status().name());
                insert.executeUpdate();
                id = generatedId(insert);
            } catch (SQLException e) {
                throw explain(e, invoice);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO invoice_line "
                    + "(invoice_id, line_no, description, quantity, unit_price, amount) VALUES (?, ?, ?, ?, ?, ?)")) {
                int lineNo = 1;
                for (InvoiceLine line : invoice.lines()) {
                    insert.setLong(1, id);
                    insert.setInt(2, lineNo++);
                    insert.setString(3, line.description());
                    insert.setBigDecimal(4, line.quantity());
                    insert.setBigDecimal(5, line.unitPrice().amount());
                    insert.setBigDecimal(6, line.amount().amount());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return invoice.asDraft(id);
        }, true);
    }

    private static StoreException explain(SQLException e, NewInvoice invoice) {
        return switch (e.getSQLState()) {
            case DUPLICATE_KEY -> new StoreException(
                    "Invoice number %s is already used by another invoice.".formatted(invoice.number()), e);
            case MISSING_PARENT -> new StoreException(
                    "Invoice %s names customer #%d, who is not in the database.".formatted(invoice.number(),
                            invoice.customerId()), e);
            default -> new StoreException("Could not save invoice %s: %s".formatted(invoice.number(), e.getMessage()), e);
        };
    }

    @Override
    public Optional<Invoice> findInvoice(long id) {
        return read(connection -> {
            List<InvoiceLine> lines = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT l.description, l.quantity, "
                    + "l.unit_price, i.currency FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id "
                    + "WHERE l.invoice_id = ? ORDER BY l.line_no")) {
                query.setLong(1, id);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        Currency currency = Currency.getInstance(rs.getString(4));
                        lines.add(new InvoiceLine(rs.getString(1), rs.getBigDecimal(2),
                                new Money(rs.getBigDecimal(3), currency)));
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT number, customer_id, issue_date, "
                    + "due_date, currency, memo, status, version FROM invoice WHERE id = ?")) {
                query.setLong(1, id);
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Invoice>empty();
                    }
                    return Optional.of(new Invoice(id, rs.getString(1), rs.getLong(2), rs.getDate(3).toLocalDate(),
                            rs.getDate(4).toLocalDate(), Currency.getInstance(rs.getString(5)), lines,
                            rs.getString(6), InvoiceStatus.valueOf(rs.getString(7)), rs.getInt(8)));
                }
            }
        });
    }

    @Override
    public List<InvoiceSummary> listInvoices() {
        return read(connection -> {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT i.id, i.number, c.name, i.issue_date, i.due_date, "
                            + "i.currency, i.status, COALESCE(SUM(l.amount), 0) FROM invoice i "
                            + "JOIN customer c ON c.id = i.customer_id "
                            + "LEFT JOIN invoice_line l ON l.invoice_id = i.id "
                            + "GROUP BY i.id, i.number, c.name, i.issue_date, i.due_date, i.currency, i.status "
                            + "ORDER BY i.issue_date DESC, i.number DESC")) {
                List<InvoiceSummary> invoices = new ArrayList<>();
                while (rs.next()) {
                    Currency currency = Currency.getInstance(rs.getString(6));
                    invoices.add(new InvoiceSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(),
                            new Money(rs.getBigDecimal(8), currency), InvoiceStatus.valueOf(rs.getString(7))));
                }
                return invoices;
            }
        });
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T read(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Could not read from the database: " + e.getMessage(), e);
        }
    }

    /** Runs the work in one transaction; when it changed invoices, tells open views after the commit. */
    private <T> T write(Work<T> work, boolean invoicesChanged) {
        T result;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not write to the database: " + e.getMessage(), e);
        }
        EventAdmin events = eventAdmin;
        if (invoicesChanged && events != null) {
            events.postEvent(new Event(TOPIC_INVOICES_CHANGED, Map.of()));
        }
        return result;
    }

    private static long generatedId(PreparedStatement insert) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("Derby returned no generated id");
            }
            return keys.getLong(1);
        }
    }
}
