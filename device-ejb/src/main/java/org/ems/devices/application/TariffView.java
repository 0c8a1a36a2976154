package org.ems.devices.application;

import java.util.List;
import java.util.UUID;

/** A tariff as the API shows it: its id and what was given ({@link TariffRequest}). */
public record TariffView(UUID id, String name, String currency, List<TariffRequest.VersionItem> versions) {}
