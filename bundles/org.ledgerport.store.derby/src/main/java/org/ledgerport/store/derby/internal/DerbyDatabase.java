package org.ledgerport.store.derby.internal;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.eclipse.osgi.service.datalocation.Location;
import org.ledgerport.core.store.StoreException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The Ledgerport database: embedded Derby inside the workspace by default, or a Derby network server shared by
 * several workstations when the framework property {@value #URL_PROPERTY} names one
 * ({@code jdbc:derby://host:1527/ledgerport}). The schema is migrated when it opens.
 */
@Component(service = DerbyDatabase.class)
public final class DerbyDatabase {

    /** Framework (or system) property with a Derby network server URL. */
    public static final String URL_PROPERTY = "ledgerport.database.url";
    /** Folder of the embedded database inside the workspace. */
    public static final String DATABASE_FOLDER = "database";

    static final String DUPLICATE_KEY = "23505";
    static final String MISSING_PARENT = "23503";
    private static final String DATABASE_SHUT_DOWN = "08006";
    private static final String CLIENT_BUNDLE = "derbyclient";
    private static final String CLIENT_DRIVER = "org.apache.derby.client.ClientAutoloadedDriver";

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final String description;
    private final boolean shared;
    private final ConnectionSource source;
    private final Runnable shutdown;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    @Activate
    public DerbyDatabase(@Reference(target = "(type=osgi.instance.area)") Location workspace, BundleContext context) {
        this(configuredUrl(context), workspace);
    }

    private DerbyDatabase(String url, Location workspace) {
        this(url, url == null ? databaseFolder(workspace) : null);
    }

    /** A network database at the given {@code jdbc:derby://} URL. */
    public static DerbyDatabase network(String url) {
        return new DerbyDatabase(url, (File) null);
    }

    /** An embedded database in the given folder. */
    public static DerbyDatabase embedded(File folder) {
        return new DerbyDatabase(null, folder);
    }

    private DerbyDatabase(String url, File folder) {
        if (url != null) {
            if (!url.startsWith("jdbc:derby://")) {
                throw new StoreException("The database URL " + url
                        + " is not a Derby network server URL; write it as jdbc:derby://HOST:PORT/NAME.");
            }
            Driver driver = clientDriver();
            String withCreate = url.contains(";create=") ? url : url + ";create=true";
            description = "the Derby network server at " + url;
            shared = true;
            source = () -> {
                Connection connection = driver.connect(withCreate, new Properties());
                if (connection == null) {
                    throw new SQLException("The Derby client does not accept the URL " + withCreate);
                }
                return connection;
            };
            shutdown = () -> {
            };
        } else {
            EmbeddedDataSource dataSource = embeddedDataSource(folder);
            description = "the database in " + folder;
            shared = false;
            source = dataSource::getConnection;
            shutdown = () -> shutDownEmbedded(dataSource.getDatabaseName());
        }
        try (Connection connection = source.open()) {
            new SchemaMigrator().migrate(connection);
        } catch (SQLException e) {
            throw new StoreException("Could not open " + description + ": " + explainOpen(e), e);
        }
    }

    private static String configuredUrl(BundleContext context) {
        String url = context.getProperty(URL_PROPERTY);
        return url == null || url.isBlank() ? null : url.strip();
    }

    private static File databaseFolder(Location workspace) {
        URL url = workspace.getURL();
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new StoreException("The workstation has no workspace folder to keep its database in; start it with -data FOLDER.");
        }
        // Equinox location URLs are not %-encoded, so the path is taken as it is.
        return new File(url.getPath(), DATABASE_FOLDER);
    }

    private static EmbeddedDataSource embeddedDataSource(File databaseFolder) {
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
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(databaseFolder.getAbsolutePath());
        dataSource.setCreateDatabase("create");
        return dataSource;
    }

    // The client bundle exports no package of its own driver, so it is loaded from the bundle by name.
    private static Driver clientDriver() {
        Bundle self = FrameworkUtil.getBundle(DerbyDatabase.class);
        Bundle client = self == null ? null
                : Arrays.stream(self.getBundleContext().getBundles())
                        .filter(b -> CLIENT_BUNDLE.equals(b.getSymbolicName())).findFirst().orElse(null);
        if (client == null) {
            throw new StoreException("The Derby network client (bundle derbyclient) is not installed, so "
                    + URL_PROPERTY + " cannot be used; install it or remove the property to use the embedded database.");
        }
        try {
            return (Driver) client.loadClass(CLIENT_DRIVER).getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new StoreException("The Derby network client could not be loaded: " + e, e);
        }
    }

    private static String explainOpen(SQLException e) {
        // Embedded Derby allows one process per database: another workstation or CLI already has it open.
        // Derby chains the reason as a next exception, not as a cause, so both chains are walked.
        for (Throwable t : e) {
            if (t instanceof SQLException s && "XSDB6".equals(s.getSQLState())) {
                return "another Ledgerport (the workstation or the command line) is using it. Close that one first, "
                        + "or share the database through a Derby network server.";
            }
        }
        if ("08001".equals(e.getSQLState())) {
            return "the server cannot be reached (" + e.getMessage() + "). Check that it is running and the URL is right.";
        }
        return e.getMessage();
    }

    @Deactivate
    public void close() {
        shutdown.run();
    }

    private static void shutDownEmbedded(String databaseName) {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(databaseName);
        shutdown.setShutdownDatabase("shutdown");
        try (Connection unused = shutdown.getConnection()) {
            throw new StoreException("Derby did not shut down the database " + databaseName);
        } catch (SQLException e) {
            if (!DATABASE_SHUT_DOWN.equals(e.getSQLState())) {
                throw new StoreException("Could not close the database: " + e.getMessage(), e);
            }
        }
    }

    /** Whether other workstations may share this database. */
    public boolean shared() {
        return shared;
    }

    public <T> T read(Work<T> work) {
        try (Connection connection = source.open()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Could not read from " + description + ": " + e.getMessage(), e);
        }
    }

    /** Runs the work in one transaction, committed before this returns; posts the topic after the commit. */
    public <T> T write(String topic, Work<T> work) {
        T result;
        try (Connection connection = source.open()) {
            connection.setAutoCommit(false);
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Could not write to " + description + ": " + e.getMessage(), e);
        }
        EventAdmin events = eventAdmin;
        if (topic != null && events != null) {
            events.postEvent(new Event(topic, Map.of()));
        }
        return result;
    }

    static long generatedId(PreparedStatement insert) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("Derby returned no generated id");
            }
            return keys.getLong(1);
        }
    }

    /** Text cut to fit a VARCHAR(4000) column: what a vendor says can be longer. */
    static String clip(String text) {
        return text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }

    /** "?, ?, ?" for an IN list of n values. */
    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
