package org.ledgerport.connector.http;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.ledgerport.core.connector.ConnectorException;

/**
 * Listens on 127.0.0.1 for the one redirect that ends a sign-in in the system browser. It answers only its
 * callback path, closes after the first redirect, and is never reachable from another machine.
 */
public final class LoopbackReceiver implements AutoCloseable {

    private final HttpServer server;
    private final URI redirectUri;
    private final CompletableFuture<URI> received = new CompletableFuture<>();

    private LoopbackReceiver(URI registered, String vendor) throws ConnectorException {
        String path = registered.getRawPath() == null || registered.getRawPath().isEmpty() ? "/"
                : registered.getRawPath();
        try {
            HttpRequestHandler callback = (request, response, context) -> {
                URI target;
                try {
                    target = request.getUri();
                } catch (URISyntaxException e) {
                    response.setCode(HttpStatus.SC_BAD_REQUEST);
                    return;
                }
                if (!path.equals(target.getRawPath()) || received.isDone()) {
                    response.setCode(HttpStatus.SC_NOT_FOUND);
                    response.setEntity(new StringEntity("Not here.", ContentType.TEXT_PLAIN));
                    return;
                }
                response.setCode(HttpStatus.SC_OK);
                response.setEntity(new StringEntity(page(vendor, target.getRawQuery()),
                        ContentType.create("text/html", StandardCharsets.UTF_8)));
                received.complete(withBase(target));
            };
            // Whatever name the browser uses for this computer (localhost, 127.0.0.1), the callback answers.
            this.server = ServerBootstrap.bootstrap()
                    .setLocalAddress(InetAddress.getLoopbackAddress())
                    .setListenerPort(Math.max(registered.getPort(), 0))
                    // A sign-in tried again right after the last one must be able to listen on the same port.
                    .setSocketConfig(SocketConfig.custom().setSoReuseAddress(true).build())
                    .setRequestRouter((request, context) -> callback)
                    .create();
            server.start();
        } catch (BindException e) {
            throw HttpProblems.signInFailed(vendor, "port " + registered.getPort() + " on this computer is taken by "
                    + "another program, so the sign-in's answer cannot be received. Close that program, or "
                    + "register another loopback address with the app and enter it in the connection's settings.",
                    "");
        } catch (IOException e) {
            throw HttpProblems.signInFailed(vendor, "could not listen for the sign-in's answer on this computer ("
                    + e.getMessage() + ").", "");
        }
        int port = server.getLocalPort();
        this.redirectUri = URI.create(registered.getScheme() + "://" + registered.getHost() + ":" + port + path);
    }

    /**
     * Listens for the redirect to {@code registered}, which must be an http address on this machine. Port 0
     * (or none) takes any free port, for vendors that accept any loopback port.
     */
    public static LoopbackReceiver listen(URI registered, String vendor) throws ConnectorException {
        if (!isLoopback(registered)) {
            throw new IllegalArgumentException(registered + " is not an address on this computer");
        }
        return new LoopbackReceiver(registered, vendor);
    }

    /** Whether a redirect address is one this computer can receive itself. */
    public static boolean isLoopback(URI redirect) {
        String host = redirect.getHost() == null ? "" : redirect.getHost().toLowerCase(Locale.ROOT);
        return "http".equalsIgnoreCase(redirect.getScheme())
                && (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"));
    }

    /** The address to send the vendor, with the port actually listened on. */
    public URI redirectUri() {
        return redirectUri;
    }

    public CompletableFuture<URI> received() {
        return received;
    }

    @Override
    public void close() {
        // The browser has its page by now; a graceful close would wait for its idle keep-alive connection.
        server.close(CloseMode.IMMEDIATE);
    }

    private URI withBase(URI target) {
        String query = target.getRawQuery();
        return URI.create(redirectUri + (query == null ? "" : "?" + query));
    }

    private static String page(String vendor, String query) {
        boolean refused = query != null && query.contains("error=");
        String message = refused
                ? vendor + " did not give Ledgerport access. Go back to Ledgerport to see why and try again."
                : "Ledgerport has received your sign-in to " + vendor + ". You can close this tab and go back to "
                        + "Ledgerport.";
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Ledgerport</title></head>"
                + "<body style=\"font-family:sans-serif;margin:3em\"><h1>Ledgerport</h1><p>" + message
                + "</p></body></html>";
    }
}
