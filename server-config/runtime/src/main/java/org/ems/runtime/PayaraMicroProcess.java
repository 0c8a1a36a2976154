package org.ems.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Payara Micro running EMS in a child JVM, its log in {@code $EMS_HOME/logs/micro.0.log} (what it prints besides
 * in {@code micro.out}); the second instance of a cluster has {@code micro-2.0.log}, its files in {@code micro-2/}, its
 * process noted in {@code run/micro-2.pid}.
 */
public final class PayaraMicroProcess implements Supervised {

    private final Process process;
    private final URI baseUrl;
    private final Path log;
    private final HttpClient http;

    private PayaraMicroProcess(Process process, URI baseUrl, Path log, HttpClient http) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
        this.http = http;
    }

    /** The name of an instance's files: {@code micro} for the first, {@code micro-2} for the second, ... */
    static String name(int instance) {
        return instance == 1 ? "micro" : "micro-" + instance;
    }

    /**
     * @param instance which instance of the cluster, from 1
     * @param port the HTTPS port when {@code tls} is given, else the HTTP port
     */
    public static PayaraMicroProcess start(
            InstallationHome home,
            int instance,
            String bindAddress,
            int port,
            Optional<TlsMaterial> tls,
            Path microJar,
            List<String> jvmOptions,
            List<String> microOptions,
            java.util.Map<String, String> environment)
            throws IOException {
        Path logs = home.directory("logs");
        Path log = logs.resolve(name(instance) + ".0.log");
        ProcessBuilder.Redirect output = LogSettings.console(logs, name(instance));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.io.tmpdir=" + home.directory("tmp"));
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(microJar.toString());
        command.addAll(List.of("--rootdir", home.directory(name(instance)).toString()));
        command.addAll(microOptions);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process =
                builder.redirectErrorStream(true).redirectOutput(output).start();
        Files.writeString(home.directory("run").resolve(name(instance) + ".pid"), Long.toString(process.pid()));
        return new PayaraMicroProcess(
                process,
                baseUrl(bindAddress, port, tls.isPresent()),
                log,
                readinessProbe(tls.isPresent() ? Optional.of(tls.get().clientContext()) : Optional.empty()));
    }

    /** Where an instance on this address and port serves EMS. */
    static URI baseUrl(String bindAddress, int port, boolean tls) {
        return URI.create((tls ? "https://" : "http://") + bindAddress + ":" + port + "/");
    }

    /** The client that asks an instance whether it is ready; with TLS it trusts exactly EMS's certificate. */
    static HttpClient readinessProbe(Optional<SSLContext> tls) {
        // HTTP/1.1: the default h2c upgrade of a probe that reached Micro while it deployed could leave the client
        // holding an HTTP/2 connection that never answered again (an instance never "ready").
        HttpClient.Builder http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2));
        if (tls.isPresent()) {
            // The certificate (TlsMaterial) may name the public host, not the address the probe uses.
            System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
            http.sslContext(tls.get());
        }
        return http.build();
    }

    /** {@code /health/ready} of an instance. */
    static HttpRequest readinessRequest(URI baseUrl) {
        return HttpRequest.newBuilder(baseUrl.resolve("health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
    }

    /** Whether its answer says ready: UP with the application's checks in it (Micro answers UP with no checks while
     * the application is still deploying). */
    static boolean ready(HttpResponse<String> answer) {
        return answer.statusCode() == 200 && !answer.body().contains("\"checks\":[]");
    }

    public URI baseUrl() {
        return baseUrl;
    }

    @Override
    public ProcessHandle process() {
        return process.toHandle();
    }

    /**
     * Waits until {@code /health/ready} answers UP with the application's checks in it (Micro answers UP with no
     * checks while the application is still deploying); fails early when Micro exits.
     */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpRequest ready = readinessRequest(baseUrl);
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                Path out = log.resolveSibling(log.getFileName().toString().replace(".0.log", ".out"));
                throw new IOException("Payara Micro exited with code " + process.exitValue() + "; see " + log + ":\n"
                        + tail(log, 30) + "\n" + out + ":\n" + tail(out, 10));
            }
            try {
                HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (ready(response)) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IOException("EMS did not become ready within " + timeout.toSeconds() + " s (" + baseUrl
                + "health/ready: " + last + "); see " + log + ":\n" + tail(log, 30));
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops Micro the way Ctrl-C would (SIGTERM), forcibly only if it hangs. */
    @Override
    public void close() throws InterruptedException {
        Supervised.terminate(process);
    }
}
