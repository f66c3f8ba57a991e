package org.ledgerport.connector.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;
import org.ledgerport.core.connector.ConnectorException;

/**
 * One pooled HTTP client for a connector: it sends a call once and says plainly whether a failure happened
 * before the request left (nothing was done) or after (the vendor may have done it). Retrying, signing and
 * pacing are {@link ApiClient}'s job.
 */
public final class VendorHttp implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(VendorHttp.class.getName());

    private final String vendor;
    private final CloseableHttpClient client;

    /**
     * @param vendor         the vendor's name as a bookkeeper knows it, for messages
     * @param maxConnections connections kept open per host; the vendor's concurrency limit is the sensible value
     */
    public VendorHttp(String vendor, int maxConnections, Duration connectTimeout, Duration responseTimeout) {
        this.vendor = vendor;
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(maxConnections)
                        .setMaxConnTotal(maxConnections * 4)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(responseTimeout))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(responseTimeout))
                        .setRedirectsEnabled(false)
                        .build())
                // Retrying is decided per call by ApiClient, which knows whether a call is safe to send again.
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("Ledgerport")
                .build();
    }

    public String vendor() {
        return vendor;
    }

    public HttpReply send(HttpCall call) throws ConnectorException {
        ClassicRequestBuilder request = ClassicRequestBuilder.create(call.method()).setUri(call.uri());
        request.addHeader("Accept", "application/json");
        call.headers().forEach(request::setHeader);
        if (call.body() != null) {
            request.setEntity(new StringEntity(call.body(),
                    ContentType.create(call.contentType(), StandardCharsets.UTF_8)));
        }
        long started = System.nanoTime();
        try {
            HttpReply reply = client.execute(request.build(), VendorHttp::read);
            LOG.log(Level.DEBUG, () -> String.format("%s -> %d in %d ms%s", call, reply.status(),
                    (System.nanoTime() - started) / 1_000_000, reply.header("intuit_tid").map(t -> " tid " + t)
                            .orElse("")));
            return reply;
        } catch (ConnectException | ConnectTimeoutException | UnknownHostException | NoRouteToHostException e) {
            LOG.log(Level.DEBUG, () -> call + " not sent: " + e);
            throw HttpProblems.unreachable(vendor, e);
        } catch (InterruptedIOException e) {
            LOG.log(Level.DEBUG, () -> call + " timed out: " + e);
            throw HttpProblems.noAnswer(vendor, e);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> call + " lost its answer: " + e);
            throw HttpProblems.noAnswer(vendor, e);
        }
    }

    private static HttpReply read(ClassicHttpResponse response) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : response.getHeaders()) {
            headers.putIfAbsent(header.getName(), header.getValue());
        }
        String body;
        try {
            body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(),
                    StandardCharsets.UTF_8);
        } catch (org.apache.hc.core5.http.ParseException e) {
            throw new IOException("unreadable answer: " + e.getMessage(), e);
        }
        return new HttpReply(response.getCode(), headers, body);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Closing the HTTP client failed", e);
        }
    }
}
