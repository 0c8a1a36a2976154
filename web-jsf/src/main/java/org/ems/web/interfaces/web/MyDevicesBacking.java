package org.ems.web.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.ems.contracts.access.Caller;
import org.ems.contracts.device.DeviceData;
import org.ems.devices.application.DeviceService;

/** The portal's list: the devices the signed-in user may see (a client's own). */
@Named
@RequestScoped
public class MyDevicesBacking {

    @Inject
    DeviceService devices;

    @Inject
    Caller caller;

    private List<DeviceData> list;

    public List<DeviceData> getDevices() {
        if (list == null) {
            list = devices.list(caller);
        }
        return list;
    }
}
