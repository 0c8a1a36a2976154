package org.ems.contracts.device;

/** A device with the version of its last change: one entry of the full snapshot a replica rebuilds from. */
public record VersionedDevice(long version, DeviceData device) {}
