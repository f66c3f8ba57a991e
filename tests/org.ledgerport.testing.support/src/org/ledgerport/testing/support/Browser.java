package org.ledgerport.testing.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.ledgerport.core.connector.SignIn;

/**
 * Plays the user's browser in a sign-in: opens the vendor's page (a simulator's, which takes the user as signed in
 * and consenting) and follows its redirect back to the connector's listener on this computer.
 */
public final class Browser {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private Browser() {
    }

    /** A sign-in whose browser goes through the vendor's page and back at once. */
    public static SignIn signIn() {
        return (page, redirectTo, received) -> {
            visit(page);
            try {
                return received.toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("the connector did not receive the redirect", e);
            }
        };
    }

    /** Opens the vendor's sign-in page and follows its redirect; returns where the browser ended. */
    public static URI visit(URI page) throws InterruptedException {
        URI back = redirectOf(page);
        try {
            CLIENT.send(HttpRequest.newBuilder(back).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("the browser could not follow the redirect to " + back, e);
        }
        return back;
    }

    /**
     * Opens the vendor's sign-in page and returns the address it redirects to, without going there: what a user
     * copies from the address bar when the redirect goes to a web page rather than back to this computer.
     */
    public static URI redirectOf(URI page) throws InterruptedException {
        try {
            HttpResponse<String> consent = CLIENT.send(HttpRequest.newBuilder(page).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return URI.create(consent.headers().firstValue("Location").orElseThrow(
                    () -> new AssertionError("the sign-in page did not redirect: " + consent.statusCode() + " "
                            + consent.body())));
        } catch (IOException e) {
            throw new AssertionError("the browser's part of the sign-in failed", e);
        }
    }
}
