package org.ledgerport.credentials.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.credentials.Credentials;
import org.ledgerport.core.store.StoreException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Connection secrets in Equinox secure storage, encrypted with a random per-user master key. The key lives in a
 * file only its owner can read, next to the encrypted store, so the workstation never prompts and nothing
 * secret is kept in the clear. The folder is {@code ~/.ledgerport} unless the framework property
 * {@value #FOLDER_PROPERTY} names another.
 */
@Component(service = CredentialStore.class)
public final class SecureStorageCredentialStore implements CredentialStore {

    public static final String FOLDER_PROPERTY = "ledgerport.secure.dir";
    static final String STORE_FILE = "secure_storage";
    static final String KEY_FILE = "master.key";
    private static final String ROOT = "ledgerport/connections";

    private final ISecurePreferences root;

    @Activate
    public SecureStorageCredentialStore(BundleContext context) {
        this(folder(context));
    }

    public SecureStorageCredentialStore(Path folder) {
        try {
            Files.createDirectories(folder);
            Map<Object, Object> options = Map.of(IProviderHints.PROMPT_USER, Boolean.FALSE,
                    IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(masterKey(folder.resolve(KEY_FILE))));
            root = SecurePreferencesFactory.open(folder.resolve(STORE_FILE).toUri().toURL(), options);
        } catch (IOException e) {
            throw new StoreException("Could not open the credential store in " + folder + ": " + e.getMessage(), e);
        }
        if (root == null) {
            throw new StoreException("Equinox secure storage could not open " + folder.resolve(STORE_FILE));
        }
    }

    private static Path folder(BundleContext context) {
        String configured = context.getProperty(FOLDER_PROPERTY);
        return configured == null || configured.isBlank() ? Path.of(System.getProperty("user.home"), ".ledgerport")
                : Path.of(configured);
    }

    /** The master key, made on first use and readable by its owner only. */
    private static char[] masterKey(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = Base64.getEncoder().encodeToString(random);
            Path temporary = Files.createTempFile(file.getParent(), KEY_FILE, ".tmp");
            try {
                restrictToOwner(temporary);
                Files.writeString(temporary, key, StandardCharsets.US_ASCII);
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException e) {
                // Another process made the key first; use that one.
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Override
    public Credentials forConnection(String connectionUid) {
        String path = ROOT + "/" + requireUid(connectionUid);
        return new Credentials() {
            @Override
            public Optional<String> read(String key) {
                try {
                    return Optional.ofNullable(root.node(path).get(key, null));
                } catch (StorageException e) {
                    throw failure("read", key, e);
                }
            }

            @Override
            public void write(String key, String secret) {
                try {
                    root.node(path).put(key, secret, true);
                    root.flush();
                } catch (StorageException | IOException e) {
                    throw failure("save", key, e);
                }
            }

            @Override
            public void remove(String key) {
                root.node(path).remove(key);
                flush();
            }
        };
    }

    @Override
    public void forget(String connectionUid) {
        String path = ROOT + "/" + requireUid(connectionUid);
        if (root.nodeExists(path)) {
            root.node(path).removeNode();
            flush();
        }
    }

    private void flush() {
        try {
            root.flush();
        } catch (IOException e) {
            throw new StoreException("Could not save the credential store: " + e.getMessage(), e);
        }
    }

    private static String requireUid(String uid) {
        // A uid becomes a node path; a slash would reach into another connection's secrets.
        if (uid == null || uid.isBlank() || uid.contains("/")) {
            throw new IllegalArgumentException("Not a connection uid: " + uid);
        }
        return uid;
    }

    private static StoreException failure(String action, String key, Exception e) {
        // The message names the key, never the secret.
        return new StoreException("Could not %s the secret '%s' in the credential store: %s".formatted(action, key,
                e.getMessage()), e);
    }
}
