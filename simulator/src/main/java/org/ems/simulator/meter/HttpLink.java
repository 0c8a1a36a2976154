package org.ems.simulator.meter;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A meter posting its readings to {@code POST /api/readings} with HTTP Basic: a message is held once EMS answers 202
 * (queued durably). A 429 or 503 is waited out (its {@code Retry-After}) and the message posted again; any other answer
 * fails the send with its status and problem. With {@link MeterLink.Acknowledgements}, posts return at once.
 */
public final class HttpLink implements MeterLink {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI endpoint;
    private final String authorization;
    private final Acknowledgements acknowledged;
    private final HttpClient http;

    /**
     * @param ems EMS's base URL ({@code http://127.0.0.1:8080/})
     * @param acknowledged null: each send waits for its answers
     */
    public HttpLink(URI ems, String user, String password, Acknowledgements acknowledged) {
        this.endpoint = ems.resolve("api/readings");
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.acknowledged = acknowledged;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Override
    public void send(List<Outgoing> outgoing, Format format, int batch) {
        List<CompletableFuture<Void>> posted = new ArrayList<>();
        for (List<Outgoing> part : MeterLink.parts(outgoing, batch)) {
            CompletableFuture<Void> one =
                    post(MeterLink.body(part, format), part.get(0).poison());
            if (acknowledged != null) {
                one.whenComplete((ok, failure) -> {
                    if (failure == null) {
                        acknowledged.acknowledged(part.size());
                    } else {
                        acknowledged.failed(new Unreachable(failure.getMessage(), failure));
                    }
                });
            }
            posted.add(one);
        }
        if (acknowledged == null) {
            posted.forEach(HttpLink::await);
        }
    }

    @Override
    public void sendText(String body) {
        await(post(body, false));
    }

    /**
     * Each request in flight holds a connection and one of Payara's request threads: more than a few dozen only
     * queue there (measured: 2,000 in flight left Payara unable to answer {@code /metrics}).
     */
    @Override
    public int inFlight() {
        return 32;
    }

    @Override
    public boolean refusesMalformed() {
        return true;
    }

    /** Posts the body, again after a 429's wait; completes on a 202 (on a 400 too, for a poison message). */
    private CompletableFuture<Void> post(String body, boolean poison) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenCompose(answer -> {
            if (answer.statusCode() == 202 || poison && answer.statusCode() == 400) {
                return CompletableFuture.completedFuture(null);
            }
            if (answer.statusCode() == 429 || answer.statusCode() == 503) {
                long seconds = answer.headers().firstValueAsLong("Retry-After").orElse(1);
                return CompletableFuture.supplyAsync(
                                () -> null,
                                CompletableFuture.delayedExecutor(seconds, java.util.concurrent.TimeUnit.SECONDS))
                        .thenCompose(waited -> post(body, poison));
            }
            return CompletableFuture.failedFuture(
                    new IOException("EMS answered " + answer.statusCode() + ": " + answer.body()));
        });
    }

    private static void await(CompletableFuture<Void> posted) {
        try {
            posted.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted", e);
        } catch (ExecutionException e) {
            throw new Unreachable(String.valueOf(e.getCause().getMessage()), e.getCause());
        }
    }

    @Override
    public boolean connected() {
        return true; // each post connects as it needs
    }

    @Override
    public void close() {
        // nothing held between posts
    }
}
