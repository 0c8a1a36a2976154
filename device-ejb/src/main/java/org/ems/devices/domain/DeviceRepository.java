package org.ems.devices.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where devices are kept: the one place that knows how they are found, listed and stored. */
public interface DeviceRepository {

    Optional<Device> find(UUID id);

    /** One owner's devices by name, or every device when {@code owner} is null. */
    List<Device> byName(UUID owner);

    /** One owner's devices. */
    List<Device> ownedBy(UUID owner);

    /** Every device, by id. */
    List<Device> all();

    /**
     * Which devices a page lists: a word in the name, description or address; one owner's (null: any), or only
     * unassigned ones; the order; the page.
     */
    record Query(
            String text, UUID owner, boolean unassignedOnly, String sortBy, boolean descending, int first, int size) {}

    /** One page of devices and how many match in all. */
    record Page(List<Device> devices, long total) {}

    Page page(Query query);

    void add(Device device);

    void remove(Device device);
}
