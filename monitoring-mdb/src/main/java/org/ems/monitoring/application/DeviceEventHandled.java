package org.ems.monitoring.application;

/** CDI event: a device event was applied to the replica, or ignored as stale; observers act once it commits. */
public record DeviceEventHandled(boolean applied) {}
