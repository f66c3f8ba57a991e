package org.ledgerport.connector.file.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.connector.AuthKind;
import org.ledgerport.core.connector.Capabilities;
import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorDescriptor;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.ConnectorSession;
import org.ledgerport.core.connector.SignIn;
import org.ledgerport.core.model.Problem;
import org.osgi.service.component.annotations.Component;

/**
 * Exports invoices as the accounting packages' own import files (Xero's sales invoice CSV, QuickBooks Desktop's
 * IIF), written to a folder: for a package with no API, a firm with no network, or a bookkeeper who reviews
 * before importing. It signs in nowhere and keeps no secrets.
 *
 * <p>It is also the example to copy for a new connector: a Declarative Services component that uses only the
 * connector SPI and the model, keeps no state beyond what it must share between sessions, does nothing at
 * start-up, and turns every failure into a problem that says what to fix.
 */
@Component(service = Connector.class)
public final class FileExportConnector implements Connector {

    static final String ID = "file-export";

    /** Xero imports at most 500 invoices from one file, and each batch becomes one file. */
    private static final int MAX_BATCH = 500;

    private final ConnectorDescriptor descriptor = new ConnectorDescriptor(ID,
            "Import files (Xero CSV, QuickBooks Desktop IIF)",
            "Writes exported invoices into a folder as files that Xero or QuickBooks Desktop imports; needs no "
                    + "network.",
            null, AuthKind.NONE, new Capabilities(true, MAX_BATCH, false, false, false, 0, 0), FileSettings.ALL);

    private final Map<String, Layout> layouts = Map.of(XeroCsvLayout.ID, new XeroCsvLayout(), IifLayout.ID,
            new IifLayout());

    /** One lock per folder, shared by every session of this workstation that writes there. */
    private final ConcurrentMap<Path, Lock> folderLocks = new ConcurrentHashMap<>();

    @Override
    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    /** Creates the folder if need be and checks that files can be written to it. */
    @Override
    public AccountInfo connect(ConnectionContext context, SignIn signIn) throws ConnectorException {
        FileSettings settings = FileSettings.read(context.connection());
        try {
            Files.createDirectories(settings.folder());
        } catch (IOException e) {
            throw new ConnectorException(Problem.error("file.folder.notCreated", FileSettings.FOLDER.key(),
                    ("The export folder %s could not be created: %s. Choose a folder on a drive you can write to "
                            + "in the connection's settings.").formatted(settings.folder(), ExportFolder.describe(e))),
                    false, e);
        }
        return reach(settings);
    }

    /** Checks that the folder is there and takes new files; unlike connecting, it creates nothing. */
    @Override
    public AccountInfo test(ConnectionContext context) throws ConnectorException {
        FileSettings settings = FileSettings.read(context.connection());
        if (!Files.isDirectory(settings.folder())) {
            throw new ConnectorException(Problem.error("file.folder.missing", FileSettings.FOLDER.key(),
                    ("The export folder %s is not there. If it is on a network drive, connect the drive; "
                            + "otherwise connect again to create it, or choose another folder in the connection's "
                            + "settings.").formatted(settings.folder())));
        }
        return reach(settings);
    }

    /** There is nothing to sign out of and no secret to forget; the folder and its files stay. */
    @Override
    public void disconnect(ConnectionContext context) {
        // Deliberately empty: see above.
    }

    @Override
    public ConnectorSession openSession(ConnectionContext context) throws ConnectorException {
        FileSettings settings = FileSettings.read(context.connection());
        return new FileExportSession(context.connection(), settings, layouts.get(settings.layout()),
                folder(settings));
    }

    private AccountInfo reach(FileSettings settings) throws ConnectorException {
        try {
            folder(settings).probeWritable();
        } catch (IOException e) {
            throw new ConnectorException(Problem.error("file.folder.notWritable", FileSettings.FOLDER.key(),
                    ("Files cannot be written to the export folder %s: %s. Choose a folder you may write to, or ask "
                            + "whoever manages it for write access.").formatted(settings.folder(),
                                    ExportFolder.describe(e))),
                    false, e);
        }
        Layout layout = layouts.get(settings.layout());
        return new AccountInfo(settings.folder().toString(),
                layout.packageName() + " import files in " + settings.folder(), Map.of());
    }

    private ExportFolder folder(FileSettings settings) {
        return new ExportFolder(settings.folder(),
                folderLocks.computeIfAbsent(settings.folder(), folder -> new ReentrantLock()));
    }
}
