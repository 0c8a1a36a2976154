package org.ems.simulator.client;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The EMS administrator a simulation reads or creates its fleet as, and checks its ledger as. */
public final class AdminOptions {

    @Option(
            names = "--check",
            paramLabel = "LEDGER",
            description = "compare a ledger (--ledger of an earlier run) with what the EMS at --ems computed, print the"
                    + " table, exit 0 only when they match")
    Path check;

    @Option(
            names = "--admin-user",
            defaultValue = "admin",
            description = "EMS's administrator, to read or create the fleet and for --check")
    String user;

    @Option(
            names = "--admin-password",
            defaultValue = "${env:EMS_ADMIN_PASSWORD}",
            description = "the administrator's password (default: $EMS_ADMIN_PASSWORD)")
    String password;

    public Path check() {
        return check;
    }

    public String user() {
        return user;
    }

    /** Whether a password was given: then the fleet is that EMS's. */
    public boolean given() {
        return password != null;
    }

    public String password() {
        if (password == null) {
            throw new IllegalArgumentException(
                    "give --admin-password (or $EMS_ADMIN_PASSWORD) for EMS's administrator");
        }
        return password;
    }
}
