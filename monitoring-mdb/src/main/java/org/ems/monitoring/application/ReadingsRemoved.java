package org.ems.monitoring.application;

import java.time.Instant;

/** Raw readings from before {@code cutoff} were removed ({@code ems.retention.readings}): {@code months} whole months. */
public record ReadingsRemoved(Instant cutoff, int months) {}
