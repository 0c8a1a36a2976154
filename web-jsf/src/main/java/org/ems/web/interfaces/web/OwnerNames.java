package org.ems.web.interfaces.web;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ems.contracts.device.DeviceData;
import org.ems.users.application.UserService;
import org.ems.users.application.UserView;

/** The usernames of devices' owners, read in one query, for pages that list devices or their alerts. */
final class OwnerNames {

    private OwnerNames() {}

    /** Owner id to username, for the owners of {@code devices} that exist. */
    static Map<UUID, String> of(UserService users, Collection<DeviceData> devices) {
        return users
                .findAll(devices.stream()
                        .map(DeviceData::ownerId)
                        .filter(Objects::nonNull)
                        .collect(Collectors.toSet()))
                .values()
                .stream()
                .collect(Collectors.toMap(UserView::id, UserView::username));
    }
}
