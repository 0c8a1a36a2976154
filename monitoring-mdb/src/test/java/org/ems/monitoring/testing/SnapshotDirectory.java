package org.ems.monitoring.testing;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.ems.contracts.device.DeviceData;
import org.ems.contracts.device.DeviceDirectory;
import org.ems.contracts.device.VersionedDevice;
import org.ems.contracts.tariff.Tariff;
import org.ems.contracts.tariff.TariffDirectory;

/**
 * The device and tariff directory of the monitoring tests, in place of device-ejb (not deployed here; the system tests run the
 * real one): one device, which the start-up rebuild must bring into the replica.
 */
@ApplicationScoped
public class SnapshotDirectory implements DeviceDirectory, TariffDirectory {

    public static final UUID DEVICE = UUID.fromString("0d6f3c7f-8a10-4a57-9a43-6f1c2b0e4c3e");

    @Override
    public List<VersionedDevice> snapshot() {
        return List.of(new VersionedDevice(
                3,
                new DeviceData(
                        DEVICE,
                        "from the snapshot",
                        "",
                        "",
                        new BigDecimal("2.5"),
                        null,
                        "Asia/Kolkata",
                        null,
                        null,
                        null)));
    }

    /** No tariffs here: the system tests price with the real ones. */
    @Override
    public java.util.Optional<Tariff> tariff(UUID id) {
        return java.util.Optional.empty();
    }
}
