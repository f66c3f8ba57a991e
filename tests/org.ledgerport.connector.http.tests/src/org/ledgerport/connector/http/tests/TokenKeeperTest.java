package org.ledgerport.connector.http.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ledgerport.connector.http.HttpProblems;
import org.ledgerport.connector.http.TokenKeeper;
import org.ledgerport.connector.http.TokenSet;
import org.ledgerport.core.connector.ConnectorException;
import org.ledgerport.core.credentials.CredentialStore;
import org.ledgerport.core.credentials.Credentials;
import org.ledgerport.testing.support.Osgi;

/** The token keeper against the real credential store. */
class TokenKeeperTest {

    private final MutableClock clock = new MutableClock();
    private Credentials credentials;

    @BeforeEach
    void freshConnection() throws InterruptedException {
        credentials = Osgi.service(CredentialStore.class).forConnection(UUID.randomUUID().toString());
    }

    @Test
    void manyThreadsRefusedAtOnceRefreshOnceAndTheNewRefreshTokenIsSavedBeforeUse() throws Exception {
        AtomicInteger refreshes = new AtomicInteger();
        List<String> refreshTokensSeen = new ArrayList<>();
        TokenKeeper keeper = new TokenKeeper(credentials, refreshToken -> {
            synchronized (refreshTokensSeen) {
                refreshTokensSeen.add(refreshToken);
            }
            refreshes.incrementAndGet();
            sleep();
            return new TokenSet("access-2", clock.instant().plus(Duration.ofHours(1)), "refresh-2", null);
        }, clock, "Vendor", "Acme");
        keeper.save(new TokenSet("access-1", clock.instant().plus(Duration.ofHours(1)), "refresh-1", null));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> retried = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            retried.add(pool.submit(() -> {
                start.await();
                return keeper.renewAfterRejection("access-1");
            }));
        }
        start.countDown();
        for (Future<String> token : retried) {
            assertEquals("access-2", token.get());
        }
        pool.shutdown();
        assertEquals(1, refreshes.get(), "one refresh for all the threads the vendor refused");
        assertEquals(List.of("refresh-1"), refreshTokensSeen);
        assertEquals("refresh-2", credentials.read(TokenKeeper.REFRESH_TOKEN).orElseThrow(),
                "the rotated refresh token is in the credential store");
    }

    @Test
    void anAccessTokenAboutToExpireIsRefreshedBeforeItIsSent() throws Exception {
        AtomicInteger refreshes = new AtomicInteger();
        TokenKeeper keeper = new TokenKeeper(credentials, refreshToken -> {
            refreshes.incrementAndGet();
            return new TokenSet("access-" + (refreshes.get() + 1), clock.instant().plus(Duration.ofHours(1)), "",
                    null);
        }, clock, "Vendor", "Acme");
        keeper.save(new TokenSet("access-1", clock.instant().plus(Duration.ofHours(1)), "refresh-1", null));
        assertEquals("access-1", keeper.accessToken());
        clock.advance(Duration.ofMinutes(59));
        assertEquals("access-2", keeper.accessToken());
        assertEquals(1, refreshes.get());
        assertEquals("refresh-1", credentials.read(TokenKeeper.REFRESH_TOKEN).orElseThrow(),
                "a vendor that returns no new refresh token keeps the old one valid");
    }

    @Test
    void aRefusedRefreshTokenMeansReconnectNeededWithoutAskingTheVendorAgain() throws Exception {
        AtomicInteger refreshes = new AtomicInteger();
        TokenKeeper keeper = new TokenKeeper(credentials, refreshToken -> {
            refreshes.incrementAndGet();
            throw HttpProblems.reconnectNeeded("Vendor", "Acme", "invalid_grant");
        }, clock, "Vendor", "Acme");
        keeper.save(new TokenSet("access-1", clock.instant().plus(Duration.ofMinutes(1)), "refresh-1", null));
        ConnectorException first = assertThrows(ConnectorException.class, keeper::accessToken);
        assertEquals(HttpProblems.RECONNECT_NEEDED, first.problem().code());
        assertTrue(first.problem().message().contains("Reconnect the account"), first.problem().message());
        assertTrue(keeper.reconnectNeeded());
        ConnectorException again = assertThrows(ConnectorException.class, keeper::accessToken);
        assertEquals(HttpProblems.RECONNECT_NEEDED, again.problem().code());
        assertEquals(1, refreshes.get(), "a dead refresh token is not tried again");

        keeper.save(new TokenSet("access-new", clock.instant().plus(Duration.ofHours(1)), "refresh-new", null));
        assertEquals("access-new", keeper.accessToken(), "signing in again clears the state");
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
