package org.ems.devices.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.ems.contracts.user.UserDeleted;

/** When a user is deleted, in the same transaction, their devices become unassigned. */
@ApplicationScoped
public class OwnerRemoval {

    @Inject
    DeviceService devices;

    void onUserDeleted(@Observes UserDeleted deleted) {
        devices.unassignAll(deleted.userId());
    }
}
