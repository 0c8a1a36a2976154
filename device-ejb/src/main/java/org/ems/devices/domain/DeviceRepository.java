package org.ems.devices.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;

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
    record Query(String text, UUID owner, boolean unassignedOnly, PageRequest page) {}

    Page<Device> page(Query query);

    void add(Device device);

    void remove(Device device);

    /** The meter's broker credential, if it has one. */
    Optional<MeterCredential> credential(UUID deviceId);

    void addCredential(MeterCredential credential);

    void removeCredential(MeterCredential credential);
}
