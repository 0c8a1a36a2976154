package org.ems.web.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.ems.contracts.access.Caller;
import org.ems.contracts.device.DeviceData;
import org.ems.devices.application.DeviceService;

/** The start page: live readings for administrators; a client's start is their devices. */
@Named
@RequestScoped
public class LiveBacking {

    @Inject
    Caller caller;

    @Inject
    DeviceService devices;

    /** The page's view action: clients go on to their devices. */
    public String open() {
        return caller.isAdmin() ? null : "/portal/devices?faces-redirect=true";
    }

    /** The devices' names by id, for the pushed readings' rows (JSON, read by the page's script). */
    public String getDeviceNames() {
        JsonObjectBuilder names = Json.createObjectBuilder();
        for (DeviceData device : devices.list(caller)) {
            names.add(device.id().toString(), device.name());
        }
        return names.build().toString();
    }
}
