package org.ems.devices.domain;

import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;

/** Where tariffs are kept. */
public interface TariffRepository {

    Optional<StoredTariff> find(UUID id);

    /** A page of the tariffs, by name (or by creation: {@code sortBy "created"}). */
    Page<StoredTariff> page(PageRequest page);

    /** The tariff of this name, in any case. */
    Optional<StoredTariff> byName(String name);

    /** Whether a device has this tariff. */
    boolean inUse(UUID id);

    /** Stores a new tariff at once: a concurrent one of the same name fails here, on the unique index. */
    void add(StoredTariff tariff);

    void remove(StoredTariff tariff);
}
