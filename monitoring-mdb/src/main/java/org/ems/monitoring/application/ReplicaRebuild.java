package org.ems.monitoring.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.ems.contracts.device.DeviceDirectory;
import org.ems.contracts.device.VersionedDevice;

/**
 * At start-up, brings the device replica up to the device directory's snapshot (each device in its own transaction,
 * newer versions only), so monitoring is whole even if device events were lost or it starts on an empty schema.
 * Deletions come through the durable subscription: a device missing from the snapshot is not taken as deleted, as it
 * may have been created after the snapshot was read.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReplicaRebuild {

    private static final Logger LOG = Logger.getLogger(ReplicaRebuild.class.getName());

    @Inject
    DeviceDirectory directory;

    @Inject
    DeviceSync sync;

    @PostConstruct
    void rebuild() {
        int changed = 0;
        int total = 0;
        for (VersionedDevice entry : directory.snapshot()) {
            total++;
            if (sync.apply(entry)) {
                changed++;
            }
        }
        int applied = changed;
        int devices = total;
        LOG.info(() -> "Device replica rebuilt from the snapshot: " + applied + " of " + devices + " devices updated");
    }
}
