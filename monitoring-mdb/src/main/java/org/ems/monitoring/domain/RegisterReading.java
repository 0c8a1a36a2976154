package org.ems.monitoring.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** One value of a device's cumulative energy register. */
public record RegisterReading(Instant at, BigDecimal kwh) {}
