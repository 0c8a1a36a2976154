package org.ems.simulator.bench;

import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The running EMS a benchmark drives (./ems bench starts one and passes these): the options of every benchmark. */
public final class BenchTarget {

    @Option(names = "--ems", required = true, description = "EMS base URL, e.g. http://127.0.0.1:8080/")
    URI ems;

    @Option(names = "--broker", required = true, description = "broker URL")
    String broker;

    @Option(names = "--home", required = true, description = "EMS_HOME of the running EMS (secrets, processes)")
    Path home;

    @Option(names = "--admin-password", required = true)
    String adminPassword;

    @Option(
            names = "--instances",
            defaultValue = "1",
            description = "instances of EMS, on consecutive ports from --ems's (default: ${DEFAULT-VALUE})")
    int instances;
}
