package org.ledgerport.simulator.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Predicate;

import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.ExceptionListener;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * A vendor simulator's HTTP server on 127.0.0.1: routes, the vendor's filters, and the test controls every
 * simulator shares (latency, injected failures, lost answers, a request log, a concurrency gauge).
 *
 * <p>A request goes: log, route (404 or 405 when none matches), injected failure, filters, latency, handler,
 * lost-answer check. Latency sits inside the filters so a vendor's concurrency gate counts delayed requests as in
 * flight.
 */
public final class SimulatorServer implements AutoCloseable {

    private record Route(String method, String[] segments, SimHandler handler) {
    }

    private record Injection(Predicate<SimRequest> which, AtomicInteger remaining, int status) {
    }

    /** Thrown to make the server close the connection without writing an answer. */
    private static final class DroppedAnswer extends SocketException {
        private static final long serialVersionUID = 1L;

        DroppedAnswer() {
            super("answer dropped by the simulator after the work was done");
        }
    }

    private final SimClock clock;
    private final HttpServer server;
    private final URI baseUri;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<SimFilter> filters = new CopyOnWriteArrayList<>();
    private final List<Injection> failures = new CopyOnWriteArrayList<>();
    private final List<Injection> drops = new CopyOnWriteArrayList<>();
    private final List<LoggedRequest> log = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean unavailable;
    private volatile IntFunction<SimResponse> failureAnswer = status -> SimResponse.text(status,
            "Injected failure " + status + " (simulator test control)");

    private SimulatorServer(int port, SimClock clock) throws IOException {
        this.clock = Objects.requireNonNull(clock);
        HttpRequestHandler dispatcher = this::dispatch;
        this.server = ServerBootstrap.bootstrap()
                .setLocalAddress(InetAddress.getLoopbackAddress())
                .setListenerPort(port)
                .setSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.ofMinutes(5)).setSoReuseAddress(true)
                        .build())
                .setRequestRouter((request, context) -> dispatcher)
                // Dropped answers and clients hanging up are part of the simulation, not errors to print.
                .setExceptionListener(ExceptionListener.NO_OP)
                .create();
        server.start();
        this.baseUri = URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Starts on a free port. */
    public static SimulatorServer start(SimClock clock) throws IOException {
        return new SimulatorServer(0, clock);
    }

    /** Starts on {@code port} (0 for a free one). */
    public static SimulatorServer start(int port, SimClock clock) throws IOException {
        return new SimulatorServer(port, clock);
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    public SimClock clock() {
        return clock;
    }

    /**
     * Routes {@code method} on {@code pattern} to {@code handler}. A pattern is a path whose segments may be
     * {placeholders}, each matching one whole segment; the first registered route that matches wins.
     */
    public void route(String method, String pattern, SimHandler handler) {
        routes.add(new Route(method, segments(pattern), handler));
    }

    /** Adds a filter around every routed request, inside the ones added before it. */
    public void filter(SimFilter filter) {
        filters.add(filter);
    }

    /** How an injected failure answers, by status (the vendor's own error body); plain text by default. */
    public void setFailureAnswer(IntFunction<SimResponse> answer) {
        this.failureAnswer = Objects.requireNonNull(answer);
    }

    // ---- test controls ----

    /** Every routed request waits this long before its handler runs. */
    public void setLatency(Duration latency) {
        this.latency = Objects.requireNonNull(latency);
    }

    /**
     * While on, answers every request with 503 Service Unavailable and does none of their work, as a vendor does
     * during an outage or maintenance.
     */
    public void setUnavailable(boolean on) {
        this.unavailable = on;
    }

    /** Answers the next {@code count} requests with {@code status}, without doing their work. */
    public void failNext(int count, int status) {
        failNext(r -> true, count, status);
    }

    /** Answers the next {@code count} requests that match with {@code status}, without doing their work. */
    public void failNext(Predicate<SimRequest> which, int count, int status) {
        failures.add(new Injection(which, new AtomicInteger(count), status));
    }

    /**
     * For the next {@code count} requests that match: does the work (it stays done), then closes the connection
     * without an answer, as when a network fails after the vendor committed.
     */
    public void dropResponseAfterCommit(Predicate<SimRequest> which, int count) {
        drops.add(new Injection(which, new AtomicInteger(count), 0));
    }

    /** Every request received so far, in the order they finished. */
    public List<LoggedRequest> requestLog() {
        return List.copyOf(log);
    }

    public void clearRequestLog() {
        log.clear();
    }

    /** The most requests that were being handled at once since the start or the last reset. */
    public int maxConcurrency() {
        return maxInFlight.get();
    }

    public void resetConcurrencyGauge() {
        maxInFlight.set(inFlight.get());
    }

    @Override
    public void close() {
        server.close(CloseMode.IMMEDIATE);
        try {
            server.awaitTermination(TimeValue.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- dispatching ----

    private void dispatch(ClassicHttpRequest raw, ClassicHttpResponse response,
            HttpContext context) throws IOException {
        Instant arrived = clock.instant();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        SimRequest request = null;
        int status = 0;
        try {
            request = read(raw);
            SimResponse answer = answer(request);
            write(answer, response);
            status = answer.status();
        } finally {
            inFlight.decrementAndGet();
            log.add(new LoggedRequest(raw.getMethod(), request == null ? raw.getPath() : request.path(),
                    request == null ? "" : request.rawQuery(), arrived, status));
        }
    }

    private SimResponse answer(SimRequest request) throws DroppedAnswer {
        List<Route> matching = new ArrayList<>();
        String[] path = segments(request.path());
        for (Route route : routes) {
            if (match(route.segments(), path) != null) {
                matching.add(route);
            }
        }
        Route route = matching.stream().filter(r -> r.method().equalsIgnoreCase(request.method())).findFirst()
                .orElse(null);
        if (route == null) {
            return matching.isEmpty() ? SimResponse.text(404, "Nothing here: " + request.path())
                    : SimResponse.text(405, request.method() + " is not allowed on " + request.path());
        }
        SimRequest routed = request.withPathParams(match(route.segments(), path));
        if (unavailable) {
            return failureAnswer.apply(503);
        }
        Injection failure = take(failures, routed);
        if (failure != null) {
            return failureAnswer.apply(failure.status());
        }
        SimResponse answer;
        try {
            answer = chain(0, route.handler()).handle(routed);
        } catch (RuntimeException e) {
            answer = SimResponse.text(500, "The simulator failed: " + e);
        }
        if (take(drops, routed) != null) {
            throw new DroppedAnswer();
        }
        return answer;
    }

    private SimHandler chain(int index, SimHandler last) {
        if (index == filters.size()) {
            return request -> {
                sleep(latency);
                return last.handle(request);
            };
        }
        SimFilter filter = filters.get(index);
        SimHandler next = chain(index + 1, last);
        return request -> filter.filter(request, next);
    }

    /** The first armed injection that matches, its count taken down; null when none. */
    private static Injection take(List<Injection> injections, SimRequest request) {
        for (Injection injection : injections) {
            if (injection.which().test(request)) {
                if (injection.remaining().getAndDecrement() > 0) {
                    return injection;
                }
                injections.remove(injection);
            }
        }
        return null;
    }

    private static void sleep(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SimRequest read(ClassicHttpRequest raw) throws IOException {
        URI uri;
        try {
            uri = raw.getUri();
        } catch (URISyntaxException e) {
            uri = URI.create("/");
        }
        String rawPath = uri.getRawPath() == null ? "/" : uri.getRawPath();
        String rawQuery = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Header header : raw.getHeaders()) {
            headers.computeIfAbsent(header.getName(), k -> new ArrayList<>()).add(header.getValue());
        }
        HttpEntity entity = raw.getEntity();
        byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
        return new SimRequest(raw.getMethod(), URLDecoder.decode(rawPath.replace("+", "%2B"),
                StandardCharsets.UTF_8), Map.of(), SimRequest.decodeParameters(rawQuery), headers, body, rawQuery);
    }

    private static void write(SimResponse answer, ClassicHttpResponse response) {
        response.setCode(answer.status());
        answer.headers().forEach(response::addHeader);
        if (answer.contentType() != null) {
            response.setEntity(new ByteArrayEntity(answer.body().getBytes(StandardCharsets.UTF_8),
                    ContentType.parse(answer.contentType())));
        }
    }

    private static String[] segments(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/+");
    }

    /** The placeholders' values when the path matches the pattern; null when it does not. */
    private static Map<String, String> match(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String segment = pattern[i];
            if (segment.startsWith("{") && segment.endsWith("}")) {
                params.put(segment.substring(1, segment.length() - 1), path[i]);
            } else if (!segment.equals(path[i])) {
                return null;
            }
        }
        return params;
    }
}
