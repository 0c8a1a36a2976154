package org.ems.devices.application;

import org.ems.contracts.device.DeviceEvent;

/** CDI event fired inside the changing transaction; {@code DeviceEventPublisher} puts it on the topic. */
public record DeviceChanged(DeviceEvent event) {}
