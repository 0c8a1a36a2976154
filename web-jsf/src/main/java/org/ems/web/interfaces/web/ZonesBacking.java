package org.ems.web.interfaces.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.util.List;

/** Every IANA time zone this server knows, sorted: the pages' searchable zone lists. */
@Named("zones")
@ApplicationScoped
public class ZonesBacking {

    private final List<String> all =
            ZoneId.getAvailableZoneIds().stream().sorted().toList();

    public List<String> getAll() {
        return all;
    }
}
