package org.ems.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The TCP sockets that processes listen on, read from Linux's /proc. */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {}

    /** "address:port" of every listening socket of the processes, addresses as /proc writes them (hex). */
    static List<String> of(Stream<ProcessHandle> processes) throws IOException {
        Set<String> inodes = new HashSet<>();
        for (ProcessHandle process : (Iterable<ProcessHandle>) processes::iterator) {
            Path fds = Path.of("/proc", Long.toString(process.pid()), "fd");
            try (Stream<Path> links = Files.list(fds)) {
                links.forEach(link -> {
                    try {
                        String target = Files.readSymbolicLink(link).toString();
                        if (target.startsWith("socket:[")) {
                            inodes.add(target.substring(8, target.length() - 1));
                        }
                    } catch (IOException gone) {
                        // fd closed meanwhile
                    }
                });
            } catch (IOException gone) {
                // process ended
            }
        }
        List<String> listening = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            // read once: the table changes between two reads
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals(LISTEN) && inodes.contains(f[9])) {
                    listening.add(f[1]);
                }
            }
        }
        return listening;
    }

    /** Whether a /proc address is 127.0.0.1, as IPv4 or IPv4-mapped IPv6. */
    static boolean isLoopback(String procAddress) {
        String address = procAddress.substring(0, procAddress.indexOf(':'));
        return address.equals("0100007F") || address.equals("0000000000000000FFFF00000100007F");
    }
}
