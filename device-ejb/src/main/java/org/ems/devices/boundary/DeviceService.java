package org.ems.devices.boundary;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ems.contracts.device.DeviceData;
import org.ems.contracts.device.DeviceDirectory;
import org.ems.contracts.device.DeviceEvent;
import org.ems.contracts.device.VersionedDevice;
import org.ems.devices.entity.Device;
import org.ems.users.boundary.AuditTrail;
import org.ems.users.boundary.UserRejected;
import org.ems.users.boundary.UserService;

/** The device catalogue: every rule about devices, and an event for every committed change. */
@Stateless
@LocalBean
@Local(DeviceDirectory.class) // the view replicas use, besides the bean itself
public class DeviceService implements DeviceDirectory {

    static final BigDecimal MAX_LIMIT = new BigDecimal("999999999.999");

    @PersistenceContext(unitName = "devices")
    EntityManager em;

    @Inject
    UserService users;

    @Inject
    Event<DeviceChanged> changed;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "ems.timezone", defaultValue = "UTC")
    String defaultTimeZone;

    /** What a device is given; a null time zone means its owner's (else the server's). */
    public record DeviceRequest(
            String name, String description, String address, BigDecimal maxHourlyKwh, UUID ownerId, String timeZone) {}

    public DeviceData create(DeviceRequest request) {
        Device device = new Device(valid(null, request));
        em.persist(device);
        publish(DeviceEvent.Type.CREATED, device, null);
        return device.data();
    }

    public List<DeviceData> list(Viewer viewer) {
        var query = viewer.admin()
                ? em.createQuery("select d from Device d order by lower(d.name), d.id", Device.class)
                : em.createQuery("select d from Device d where d.ownerId = :owner order by lower(d.name), d.id",
                                Device.class)
                        .setParameter("owner", viewer.userId());
        return query.getResultStream().map(Device::data).toList();
    }

    /** The device if the viewer may see it; another's device is "not found", not "forbidden". */
    public DeviceData find(UUID id, Viewer viewer) {
        return visible(id, viewer).data();
    }

    public DeviceData update(UUID id, DeviceRequest request) {
        Device device = visible(id, new Viewer(null, true));
        DeviceData before = device.data();
        device.change(valid(id, request));
        publish(DeviceEvent.Type.UPDATED, device, before);
        return device.data();
    }

    public void delete(UUID id) {
        Device device = visible(id, new Viewer(null, true));
        device.deleting();
        publish(DeviceEvent.Type.DELETED, device, device.data());
        em.remove(device);
    }

    /** Every device with its version: what a replica (monitoring) rebuilds itself from. */
    @Override
    public List<VersionedDevice> snapshot() {
        return em.createQuery("select d from Device d order by d.id", Device.class).getResultStream()
                .map(d -> new VersionedDevice(d.version(), d.data())).toList();
    }

    /** A deleted user's devices stay, with their history, unassigned. */
    public void unassignAll(UUID ownerId) {
        for (Device device : em.createQuery("select d from Device d where d.ownerId = :owner", Device.class)
                .setParameter("owner", ownerId).getResultList()) {
            DeviceData d = device.data();
            device.change(new DeviceData(d.id(), d.name(), d.description(), d.address(), d.maxHourlyKwh(), null,
                    d.timeZone()));
            publish(DeviceEvent.Type.UPDATED, device, d);
        }
    }

    /** Every change: its event for the topic and its audit entry, in the changing transaction. */
    private void publish(DeviceEvent.Type type, Device device, DeviceData before) {
        changed.fire(new DeviceChanged(new DeviceEvent(type, device.version(), Instant.now(), device.data())));
        audit.record(type.name(), "DEVICE", device.id(), before, type == DeviceEvent.Type.DELETED ? null : device.data());
    }

    private Device visible(UUID id, Viewer viewer) {
        Device device = em.find(Device.class, id);
        if (device == null || !viewer.sees(device)) {
            throw new DeviceRejected(DeviceRejected.Reason.NOT_FOUND, "no device " + id);
        }
        return device;
    }

    private DeviceData valid(UUID id, DeviceRequest r) {
        String name = text(r.name(), "name", 1, 200);
        String description = r.description() == null ? "" : text(r.description(), "description", 0, 1000);
        String address = r.address() == null ? "" : text(r.address(), "address", 0, 500);
        if (r.maxHourlyKwh() == null || r.maxHourlyKwh().signum() <= 0 || r.maxHourlyKwh().compareTo(MAX_LIMIT) > 0
                || r.maxHourlyKwh().stripTrailingZeros().scale() > 3) {
            throw invalid("maxHourlyKwh must be a number above 0 (kWh per hour, at most 3 decimals)");
        }
        String ownerZone = null;
        if (r.ownerId() != null) {
            try {
                ownerZone = users.find(r.ownerId()).timeZone();
            } catch (UserRejected e) {
                throw invalid("ownerId: no user " + r.ownerId());
            }
        }
        String zone = r.timeZone() != null ? r.timeZone() : ownerZone != null ? ownerZone : defaultTimeZone;
        try {
            zone = ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw invalid("timeZone must be an IANA time zone such as Europe/Bucharest, not '" + zone + "'");
        }
        return new DeviceData(id, name, description, address, r.maxHourlyKwh(), r.ownerId(), zone);
    }

    private static String text(String value, String field, int min, int max) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.length() < min || trimmed.length() > max) {
            throw invalid(field + " must have " + min + " to " + max + " characters");
        }
        return trimmed;
    }

    private static DeviceRejected invalid(String message) {
        return new DeviceRejected(DeviceRejected.Reason.INVALID, message);
    }
}
