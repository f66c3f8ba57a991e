package org.ledgerport.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ledgerport.testing.support.Osgi.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.osgi.service.datalocation.Location;
import org.junit.jupiter.api.Test;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.credentials.Credentials;
import org.ledgerport.core.model.Connection;
import org.ledgerport.core.model.NumberingPolicy;
import org.ledgerport.core.store.ConnectionStore;
import org.ledgerport.testing.support.Firm;
import org.ledgerport.testing.support.Osgi;

/** Secrets go to Equinox secure storage, encrypted, and nowhere else: not into the database, not in the clear. */
class CredentialStoreTest {

    @Test
    void aSecretIsKeptEncryptedOutsideTheDatabaseAndForgottenWithItsConnection() throws Exception {
        String secret = "refresh-" + UUID.randomUUID();
        Connection connection = service(ConnectionStore.class).createConnection(System.getProperty("user.name"),
                "test-books", Firm.unique("Secret Books"), Map.of("environment", "sandbox"), Map.of(), NumberingPolicy.OURS);
        CredentialStore store = service(CredentialStore.class);
        Credentials credentials = store.forConnection(connection.uid());
        credentials.write("refreshToken", secret);

        assertEquals(Optional.of(secret), store.forConnection(connection.uid()).read("refreshToken"));
        assertEquals(Optional.empty(), store.forConnection(UUID.randomUUID().toString()).read("refreshToken"),
                "another connection does not see it");

        Path secureFolder = Path.of(System.getProperty("ledgerport.secure.dir"));
        assertFalse(contains(secureFolder, secret), "the secure storage file holds the secret encrypted only");
        assertTrue(Files.size(secureFolder.resolve("secure_storage")) > 0);
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(secureFolder.resolve("master.key"))), "only its owner reads the key");
        Path database = Path.of(Osgi.service(Location.class, "(type=osgi.instance.area)").getURL().getPath(),
                "database");
        assertTrue(Files.isDirectory(database), "the database is where we look");
        assertFalse(contains(database, secret), "the database never sees a secret");

        store.forget(connection.uid());
        assertEquals(Optional.empty(), store.forConnection(connection.uid()).read("refreshToken"));
    }

    private static boolean contains(Path folder, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(file), needle) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
