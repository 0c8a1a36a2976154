package org.ems.monitoring.application;

import java.util.List;
import org.ems.contracts.reading.MeterReading;

/**
 * CDI event: these readings were stored (duplicates left out, only counted); observers act once the transaction
 * commits.
 */
public record ReadingsApplied(List<MeterReading> readings, int duplicates) {}
