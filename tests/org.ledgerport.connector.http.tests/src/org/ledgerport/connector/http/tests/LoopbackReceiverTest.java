package org.ledgerport.connector.http.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.ledgerport.connector.http.HttpProblems;
import org.ledgerport.connector.http.LoopbackReceiver;
import org.ledgerport.connector.http.Redaction;
import org.ledgerport.core.connector.ConnectorException;

class LoopbackReceiverTest {

    private final HttpClient browser = HttpClient.newHttpClient();

    @Test
    void receivesTheRedirectOnItsPathOnlyAndTellsThePersonToGoBack() throws Exception {
        try (LoopbackReceiver receiver = LoopbackReceiver.listen(URI.create("http://localhost:0/ledgerport/cb"),
                "Vendor")) {
            URI redirect = receiver.redirectUri();
            assertTrue(redirect.getPort() > 0);
            URI base = URI.create("http://127.0.0.1:" + redirect.getPort());

            assertEquals(404, get(base.resolve("/favicon.ico")).statusCode());
            assertFalse(receiver.received().isDone(), "a stray request does not end the sign-in");

            HttpResponse<String> page = get(base.resolve("/ledgerport/cb?code=abc&state=xyz&realmId=42"));
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("You can close this tab"), page.body());
            URI received = receiver.received().get(5, TimeUnit.SECONDS);
            assertEquals("code=abc&state=xyz&realmId=42", received.getRawQuery());
            assertEquals("/ledgerport/cb", received.getPath());
        }
    }

    @Test
    void aTakenPortIsExplainedInsteadOfFailingObscurely() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ConnectorException refused = assertThrows(ConnectorException.class, () -> LoopbackReceiver.listen(
                    URI.create("http://localhost:" + taken.getLocalPort() + "/cb"), "Vendor"));
            assertEquals(HttpProblems.SIGN_IN_FAILED, refused.problem().code());
            assertTrue(refused.problem().message().contains("port " + taken.getLocalPort()),
                    refused.problem().message());
        }
    }

    @Test
    void onlyAddressesOnThisComputerAreReceivedHere() {
        assertTrue(LoopbackReceiver.isLoopback(URI.create("http://127.0.0.1:8080/cb")));
        assertTrue(LoopbackReceiver.isLoopback(URI.create("http://localhost/cb")));
        assertFalse(LoopbackReceiver.isLoopback(URI.create("https://ledgerport.example/cb")));
        assertFalse(LoopbackReceiver.isLoopback(URI.create("http://192.168.1.2/cb")));
    }

    @Test
    void secretsAreTakenOutOfWhatIsLogged() {
        String logged = Redaction.text("POST /token grant_type=refresh_token&refresh_token=AB12.cd&client_id=app "
                + "Authorization: Bearer eyJhbGciOi.x.y {\"access_token\":\"s3cret\"} Basic dXNlcjpwYXNz");
        assertFalse(logged.contains("AB12.cd"), logged);
        assertFalse(logged.contains("eyJhbGciOi"), logged);
        assertFalse(logged.contains("s3cret"), logged);
        assertFalse(logged.contains("dXNlcjpwYXNz"), logged);
        assertTrue(logged.contains("client_id=app"), "what is not secret stays readable: " + logged);
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
