package org.ledgerport.demo.internal;

import java.io.File;
import java.net.URL;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.eclipse.osgi.service.datalocation.Location;
import org.ledgerport.core.access.AccessControl;
import org.ledgerport.core.access.Permission;
import org.ledgerport.core.model.InvoiceStatus;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.core.store.ImportBatch;
import org.ledgerport.core.store.InvoiceStore;
import org.ledgerport.demo.DemoFirm;
import org.ledgerport.demo.DemoReport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Loads {@link DemoData} in one import, then creates the connection that exports it as Xero import files to the
 * workspace's exports folder, through the offline file connector.
 */
@Component(service = DemoFirm.class)
public final class DemoFirmLoader implements DemoFirm {

    /** The offline connector that writes the accounting packages' import files. */
    static final String FILE_CONNECTOR = "file-export";
    /** Folder in the workspace the demo connection writes to. */
    static final String EXPORTS_FOLDER = "exports";

    private final InvoiceStore invoices;
    private final ConnectionStore connections;
    private final AccessControl access;
    private final Location workspace;

    @Activate
    public DemoFirmLoader(@Reference InvoiceStore invoices, @Reference ConnectionStore connections,
            @Reference AccessControl access,
            @Reference(target = "(type=osgi.instance.area)") Location workspace) {
        this.invoices = invoices;
        this.connections = connections;
        this.access = access;
        this.workspace = workspace;
    }

    // One load at a time, so that two callers cannot both find the database empty.
    @Override
    public synchronized DemoReport load() {
        if (!invoices.isEmpty()) {
            throw new IllegalStateException("The demo firm was not loaded: the database already holds customers or "
                    + "invoices, and the demo would mix with them. Start Ledgerport with a new workspace "
                    + "(-data FOLDER) to try the demo.");
        }
        if (connections.findConnectionByName(CONNECTION_NAME).isPresent()) {
            throw new IllegalStateException("The demo firm was not loaded: there is already a connection named '"
                    + CONNECTION_NAME + "'. Rename or delete it, then load the demo again.");
        }
        // Checked before the import, so that a user who may not add the demo's connection gets no half demo.
        String user = access.currentUser();
        access.check(user, Permission.MANAGE_CONNECTIONS);
        File exports = exportsFolder();
        ImportBatch batch = DemoData.batch(LocalDate.now());
        ImportBatch.Saved saved = invoices.importBatch(batch);
        connections.createConnection(user, FILE_CONNECTOR, CONNECTION_NAME,
                DemoData.settings(exports.getAbsolutePath()), DemoData.mappings(), NumberingPolicy.OURS);
        Map<InvoiceStatus, Integer> byStatus = new EnumMap<>(InvoiceStatus.class);
        batch.invoices().forEach(invoice -> byStatus.merge(invoice.status(), 1, Integer::sum));
        return new DemoReport(saved.customersCreated(), saved.itemsCreated(), saved.taxCodesSaved(), byStatus,
                CONNECTION_NAME);
    }

    private File exportsFolder() {
        URL url = workspace.getURL();
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("The demo firm was not loaded: the workstation has no workspace folder "
                    + "for the demo's exports; start it with -data FOLDER.");
        }
        // Equinox location URLs are not %-encoded, so the path is taken as it is.
        File exports = new File(url.getPath(), EXPORTS_FOLDER);
        // Made here, as connecting the file connector would make it, so the first export finds it.
        if (!exports.isDirectory() && !exports.mkdirs()) {
            throw new IllegalStateException("The demo firm was not loaded: the folder " + exports
                    + " for the demo's exports could not be created.");
        }
        return exports;
    }
}
