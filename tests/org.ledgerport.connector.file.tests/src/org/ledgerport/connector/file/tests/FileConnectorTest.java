package org.ledgerport.connector.file.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.connector.file.tests.Fixtures.connector;
import static org.ledgerport.connector.file.tests.Fixtures.xeroMappings;
import static org.ledgerport.connector.file.tests.Fixtures.xeroSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerport.core.connector.AccountInfo;
import org.ledgerport.core.connector.AuthKind;
import org.ledgerport.core.connector.Capabilities;
import org.ledgerport.core.connector.ConnectionContext;
import org.ledgerport.core.connector.Connector;
import org.ledgerport.core.connector.ConnectorDescriptor;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.connector.Setting;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.NumberingPolicy;

/** The connector as the connection wizard sees it: what it says of itself, and connecting to a folder. */
class FileConnectorTest {

    @TempDir
    Path temp;

    @Test
    void registersItselfWithWhatTheWizardNeeds() throws Exception {
        ConnectorDescriptor descriptor = connector().descriptor();

        assertEquals("file-export", descriptor.id());
        assertEquals("Import files (Xero CSV, QuickBooks Desktop IIF)", descriptor.displayName());
        assertEquals(AuthKind.NONE, descriptor.authKind());
        assertEquals(new Capabilities(true, 500, false, false, false, 0, 0), descriptor.capabilities());
        assertNull(descriptor.icon(), "the default icon");
        assertEquals(List.of("folder", "layout", "numberPrefix", "firstNumber", "currency", "incomeAccount",
                "chargeAccount", "xeroUntaxedRate", "iifReceivablesAccount", "iifSalesTaxAccount"),
                descriptor.settings().stream().map(Setting::key).toList());
        Setting layout = descriptor.setting("layout").orElseThrow();
        assertEquals(List.of("xero-csv", "qbd-iif"), layout.choices());
        assertEquals("xero-csv", layout.defaultValue());
        assertTrue(descriptor.setting("folder").orElseThrow().required());
        assertTrue(descriptor.settings().stream().noneMatch(Setting::secret), "a folder has no secrets");
        assertTrue(descriptor.settings().stream().allMatch(s -> !s.help().isBlank()), "every setting is explained");
    }

    @Test
    void connectingCreatesTheFolderAndTestingFindsIt() throws Exception {
        Path folder = temp.resolve("Ledgerport").resolve("Xero exports");
        Fixtures.InMemoryCredentials credentials = new Fixtures.InMemoryCredentials();
        ConnectionContext context = new ConnectionContext(connection(folder), credentials);
        Connector connector = connector();

        ConnectorException missing = assertThrows(ConnectorException.class, () -> connector.test(context));
        assertEquals("file.folder.missing", missing.problem().code());
        assertEquals("folder", missing.problem().field());
        assertTrue(missing.problem().message().contains(folder.toString()), missing.problem().message());

        AccountInfo connected = connector.connect(context, null);
        assertTrue(Files.isDirectory(folder), "connecting created the folder and its parent");
        assertEquals(new AccountInfo(folder.toString(), "Xero import files in " + folder, Map.of()), connected);
        assertEquals(connected, connector.test(context));
        assertTrue(credentials.isEmpty(), "no credentials are needed or kept");
        try (var files = Files.list(folder)) {
            assertEquals(0, files.count(), "the write check left nothing behind");
        }

        connector.disconnect(context);
        assertTrue(Files.isDirectory(folder), "disconnecting forgets nothing and deletes nothing");
    }

    @Test
    void aFolderThatCannotBeCreatedIsSaidSo() throws Exception {
        Path blocker = Files.writeString(temp.resolve("exports"), "a file, not a folder");
        ConnectionContext context = Fixtures.context(connection(blocker.resolve("invoices")));

        ConnectorException failure = assertThrows(ConnectorException.class, () -> connector().connect(context, null));

        assertEquals("file.folder.notCreated", failure.problem().code());
        assertEquals("folder", failure.problem().field());
    }

    private static Connection connection(Path folder) {
        return Fixtures.connection(xeroSettings(folder), xeroMappings(), NumberingPolicy.VENDOR_ASSIGNS);
    }
}
