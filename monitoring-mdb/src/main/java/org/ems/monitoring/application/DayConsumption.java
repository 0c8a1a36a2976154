package org.ems.monitoring.application;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.ems.monitoring.domain.HourTotal;

/** A device's consumption in every clock hour of one local day. */
public record DayConsumption(UUID deviceId, LocalDate date, ZoneId timeZone, List<HourTotal> hours) {}
