package org.ems.runtime;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/** The instances of Payara Micro that run EMS, each its own supervised service on its own ports, one data grid. */
final class MicroInstances {

    private MicroInstances() {}

    /** Every instance of Payara Micro, started together; their URLs once all are ready. */
    static List<URI> start(
            Supervisor services,
            InstallationHome home,
            EmsSettings settings,
            Path distribution,
            MicroConfiguration config,
            Optional<TlsMaterial> tls)
            throws Exception {
        Path logs = home.directory("logs");
        Path microJar = distribution.resolve("payara-micro.jar");
        // The instances start together and form one data grid; start-up work that must happen once (the first
        // administrator, the device replica) is safe when they do.
        // Threads of their own: readiness probes block, and the common pool may have a single thread.
        ExecutorService starters = Executors.newFixedThreadPool(settings.instances());
        List<CompletableFuture<Supervisor.Service>> starting = new ArrayList<>();
        for (int instance = 1; instance <= settings.instances(); instance++) {
            int number = instance;
            int port = settings.webPort() + instance - 1;
            List<String> microOptions = new ArrayList<>(
                    config.options(port, settings.clusterPort() + instance - 1, List.of(postgresDriver(distribution))));
            microOptions.addAll(List.of(
                    "--logProperties",
                    config.logging(logs, PayaraMicroProcess.name(number)).toString(),
                    "--deploy",
                    distribution.resolve("deploy/ROOT.war").toString()));
            // After EMS: ./ems bench ingest deploys its no-work MDB so (bench/no-work-mdb.war).
            settings.alsoDeploy().forEach(archive -> microOptions.addAll(List.of("--deploy", archive.toString())));
            starting.add(CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return services.start(
                                    settings.instances() == 1 ? "Payara Micro" : "Payara Micro " + number,
                                    logs.resolve(PayaraMicroProcess.name(number) + ".0.log")
                                            .toString(),
                                    () -> startPayara(home, settings, number, port, tls, microJar, microOptions));
                        } catch (Exception e) {
                            throw new CompletionException(e);
                        }
                    },
                    starters));
        }
        starters.shutdown();
        List<URI> urls = new ArrayList<>();
        try {
            for (CompletableFuture<Supervisor.Service> started : starting) {
                urls.add(((PayaraMicroProcess) started.join().running()).baseUrl());
            }
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        return urls;
    }

    /** Payara Micro running EMS, once it is ready. */
    private static PayaraMicroProcess startPayara(
            InstallationHome home,
            EmsSettings settings,
            int instance,
            int port,
            Optional<TlsMaterial> tls,
            Path microJar,
            List<String> microOptions)
            throws IOException, InterruptedException {
        PayaraMicroProcess started = PayaraMicroProcess.start(
                home,
                instance,
                settings.bindAddress(),
                port,
                tls,
                microJar,
                javaOptions(settings, instance),
                microOptions,
                // the readings consumer's sessions: its activation configuration reads this variable
                java.util.Map.of("EMS_READINGS_SESSIONS", Integer.toString(settings.readingsSessions())));
        try {
            started.awaitReady(Duration.ofMinutes(3));
        } catch (IOException notReady) {
            started.close();
            throw notReady;
        }
        return started;
    }

    /** Payara Micro's Java options: EMS's own, then the operator's ({@code ems.java-options}). */
    private static List<String> javaOptions(EmsSettings settings, int instance) {
        List<String> options = new ArrayList<>(List.of(
                "-Xms128m",
                "-Xmx" + settings.microHeap(),
                "-Dems.log.name=" + PayaraMicroProcess.name(instance), // its access log's name
                "-XX:+UseG1GC",
                "-XX:MaxMetaspaceSize=256m",
                // Named, the JSON-P provider is not searched for on the class path at every use (Faces
                // push, JAX-RS): that search was a quarter of Payara's CPU while readings were pushed.
                "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl",
                // Delivery threads for the readings consumer's 64 sessions and the topics' (default:
                // 8 per core, which stalls sessions beyond it).
                "-Dactivemq.artemis.client.global.thread.pool.max.size=128",
                // The data grid listens on the bind address only (Hazelcast binds every interface otherwise).
                "-Dhazelcast.socket.bind.any=false",
                // A killed instance leaves the grid within seconds (default: a minute without heartbeats),
                // so the others stop waiting for its partitions.
                "-Dhazelcast.heartbeat.interval.seconds=1",
                "-Dhazelcast.max.no.heartbeat.seconds=8"));
        options.addAll(settings.javaOptions());
        return options;
    }

    private static Path postgresDriver(Path distribution) throws IOException {
        try (Stream<Path> libs = Files.list(distribution.resolve("lib"))) {
            return libs.filter(p -> p.getFileName().toString().startsWith("postgresql-"))
                    .findFirst()
                    .orElseThrow(
                            () -> new IOException("PostgreSQL driver missing from " + distribution.resolve("lib")));
        }
    }
}
