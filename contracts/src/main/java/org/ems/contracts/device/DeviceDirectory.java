package org.ems.contracts.device;

import java.util.List;

/** Where a replica of the devices (monitoring's) gets the full picture at start-up: implemented by device-ejb. */
public interface DeviceDirectory {

    /** Every device with the version of its last change, read in one transaction. */
    List<VersionedDevice> snapshot();
}
