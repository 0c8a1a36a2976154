package org.ems.devices.boundary;

import java.util.UUID;

/** Who asks: administrators see every device, clients only their own. */
public record Viewer(UUID userId, boolean admin) {

    boolean sees(org.ems.devices.entity.Device device) {
        return admin || userId.equals(device.ownerId());
    }
}
