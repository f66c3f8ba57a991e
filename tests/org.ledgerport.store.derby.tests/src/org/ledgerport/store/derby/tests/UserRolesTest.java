package org.ledgerport.store.derby.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ledgerport.core.access.Role;
import org.ledgerport.core.store.StoreException;
import org.ledgerport.store.derby.internal.DerbyDatabase;
import org.ledgerport.store.derby.internal.DerbyUserRoles;

/** Roles on a database of their own, as a new firm starts one: one first owner, and never no owner. */
class UserRolesTest {

    @TempDir
    Path folder;
    private DerbyDatabase database;
    private DerbyUserRoles roles;

    @BeforeEach
    void newDatabase() {
        database = DerbyDatabase.embedded(folder.resolve("roles").toFile());
        roles = new DerbyUserRoles(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void onlyTheFirstUserBecomesTheOwner() {
        assertTrue(roles.claimFirstOwner("anna"));
        assertFalse(roles.claimFirstOwner("ben"), "there is an owner already");
        assertFalse(roles.claimFirstOwner("anna"), "once is enough");
        assertEquals(Map.of("anna", Role.OWNER), roles.roles());
        assertTrue(roles.role("ben").isEmpty(), "ben stays without a role, so a biller");
    }

    @Test
    void usersStartingTogetherMakeOneOwner() throws Exception {
        int users = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(users);
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String user = "user" + i;
            claims.add(pool.submit((Callable<Boolean>) () -> {
                go.await();
                return roles.claimFirstOwner(user);
            }));
        }
        go.countDown();
        int owners = 0;
        for (Future<Boolean> claim : claims) {
            owners += claim.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, owners);
        assertEquals(1, roles.roles().size());
    }

    @Test
    void theLastOwnerCannotBeTakenAway() {
        roles.claimFirstOwner("anna");
        roles.assign("ben", Role.EXPORTER);

        StoreException demoted = assertThrows(StoreException.class, () -> roles.assign("anna", Role.EXPORTER));
        assertTrue(demoted.getMessage().startsWith("anna is the only owner"), demoted.getMessage());
        StoreException removed = assertThrows(StoreException.class, () -> roles.remove("anna"));
        assertEquals(demoted.getMessage(), removed.getMessage());
        assertEquals(Map.of("anna", Role.OWNER, "ben", Role.EXPORTER), roles.roles(), "nothing changed");

        roles.assign("ben", Role.OWNER);
        roles.assign("anna", Role.BILLER);
        assertThrows(StoreException.class, () -> roles.remove("ben"), "ben is now the only owner");
        roles.remove("anna");
        assertEquals(Map.of("ben", Role.OWNER), roles.roles());
    }
}
