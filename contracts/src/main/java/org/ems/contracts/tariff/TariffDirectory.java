package org.ems.contracts.tariff;

import java.util.Optional;
import java.util.UUID;

/** Where monitoring reads a device's tariff (budgets in money): implemented by device-ejb. */
public interface TariffDirectory {

    /** The tariff, if it exists. */
    Optional<Tariff> tariff(UUID id);
}
