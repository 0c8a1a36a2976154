package org.ems.devices.application;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.audit.AuditLog;
import org.ems.contracts.device.DeviceData;
import org.ems.contracts.device.DeviceDirectory;
import org.ems.contracts.device.DeviceEvent;
import org.ems.contracts.device.VersionedDevice;
import org.ems.contracts.user.UserDirectory;
import org.ems.contracts.validation.TimeZoneId;
import org.ems.devices.domain.Device;

/** The device catalogue: every rule about devices, and an event for every committed change. */
@Stateless
@LocalBean
@Local(DeviceDirectory.class) // the view replicas use, besides the bean itself
public class DeviceService implements DeviceDirectory {

    /** Stands for "no owner given" in queries (binding a null UUID trips EclipseLink). */
    private static final UUID NOBODY = new UUID(0, 0);

    static final String LIMIT_MESSAGE = "maxHourlyKwh must be a number above 0 (kWh per hour, at most 3 decimals)";

    @PersistenceContext(unitName = "devices")
    EntityManager em;

    @Inject
    UserDirectory users;

    @Inject
    Event<DeviceChanged> changed;

    @Inject
    AuditLog audit;

    /**
     * What a device is given; a null time zone means its owner's (else the server's), a null owner none. A bean, not
     * a record: Payara's OpenAPI generator fails on constraints of record constructor parameters; pages bind to it.
     */
    public static class DeviceRequest implements java.io.Serializable {

        private static final long serialVersionUID = 1L;

        @NotBlank(message = "name must have 1 to 200 characters")
        @Size(max = 200, message = "name must have 1 to 200 characters")
        private String name;

        @Size(max = 1000, message = "description must have at most 1000 characters")
        private String description;

        @Size(max = 500, message = "address must have at most 500 characters")
        private String address;

        @NotNull(message = LIMIT_MESSAGE)
        @DecimalMin(value = "0", inclusive = false, message = LIMIT_MESSAGE)
        @DecimalMax(value = "999999999.999", message = LIMIT_MESSAGE)
        @Digits(integer = 9, fraction = 3, message = LIMIT_MESSAGE)
        private BigDecimal maxHourlyKwh;

        private UUID ownerId;

        @TimeZoneId
        private String timeZone;

        public DeviceRequest() {}

        public DeviceRequest(
                String name,
                String description,
                String address,
                BigDecimal maxHourlyKwh,
                UUID ownerId,
                String timeZone) {
            this.name = name;
            this.description = description;
            this.address = address;
            this.maxHourlyKwh = maxHourlyKwh;
            this.ownerId = ownerId;
            this.timeZone = timeZone;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public BigDecimal getMaxHourlyKwh() {
            return maxHourlyKwh;
        }

        public void setMaxHourlyKwh(BigDecimal maxHourlyKwh) {
            this.maxHourlyKwh = maxHourlyKwh;
        }

        public UUID getOwnerId() {
            return ownerId;
        }

        public void setOwnerId(UUID ownerId) {
            this.ownerId = ownerId;
        }

        public String getTimeZone() {
            return timeZone;
        }

        public void setTimeZone(String timeZone) {
            this.timeZone = timeZone;
        }
    }

    public DeviceData create(@Valid @NotNull DeviceRequest request) {
        Device device = new Device(valid(null, request));
        em.persist(device);
        publish(DeviceEvent.Type.CREATED, device, null);
        return device.data();
    }

    /** The devices the caller may see, by name. */
    public List<DeviceData> list(Caller caller) {
        var query = caller.ownerScope()
                .map(owner -> em.createQuery(
                                "select d from Device d where d.ownerId = :owner order by lower(d.name), d.id",
                                Device.class)
                        .setParameter("owner", owner))
                .orElseGet(() -> em.createQuery("select d from Device d order by lower(d.name), d.id", Device.class));
        return query.getResultStream().map(Device::data).toList();
    }

    /**
     * Which devices a page lists: a word in the name, description or address; only one owner's, or only unassigned
     * ones; the order; the page.
     */
    public record DeviceQuery(
            String text,
            UUID ownerId,
            boolean unassignedOnly,
            String sortBy,
            boolean descending,
            int first,
            int size) {}

    /** One page of devices and how many match in all. */
    public record DevicePage(List<DeviceData> devices, long total) {}

    private static final java.util.Map<String, String> SORTABLE =
            java.util.Map.of("name", "lower(d.name)", "maxHourlyKwh", "d.maxHourlyKwh", "timeZone", "d.timeZone");

    /** The devices of {@code query} the caller may see, paged and sorted in the database. */
    public DevicePage page(DeviceQuery query, Caller caller) {
        String where = " where (:text = '' or lower(d.name) like :like or lower(d.description) like :like"
                + " or lower(d.address) like :like)"
                + " and (:anyOwner = true or d.ownerId = :owner)"
                + " and (:unassigned = false or d.ownerId is null)";
        String text = query.text() == null ? "" : query.text().trim().toLowerCase(java.util.Locale.ROOT);
        // A client's own devices only, whatever was asked: the one visibility rule.
        UUID owner = caller.ownerScope().orElse(query.ownerId());
        String order = SORTABLE.getOrDefault(String.valueOf(query.sortBy()), "lower(d.name)")
                + (query.descending() ? " desc" : "") + ", d.id";
        var devices = em.createQuery("select d from Device d" + where + " order by " + order, Device.class);
        var total = em.createQuery("select count(d) from Device d" + where, Long.class);
        for (var q : List.of(devices, total)) {
            q.setParameter("text", text)
                    .setParameter("like", "%" + text.replace("%", "").replace("_", "") + "%")
                    .setParameter("anyOwner", owner == null)
                    .setParameter("owner", owner == null ? NOBODY : owner)
                    .setParameter("unassigned", query.unassignedOnly() && caller.isAdmin());
        }
        return new DevicePage(
                devices.setFirstResult(query.first())
                        .setMaxResults(query.size())
                        .getResultStream()
                        .map(Device::data)
                        .toList(),
                total.getSingleResult());
    }

    /** The device if the caller may see it; another's device is "not found", not "forbidden". */
    public DeviceData find(UUID id, Caller caller) {
        Device device = existing(id);
        if (!caller.sees(device.ownerId())) {
            throw notFound(id);
        }
        return device.data();
    }

    public DeviceData update(UUID id, @Valid @NotNull DeviceRequest request) {
        Device device = existing(id);
        DeviceData before = device.data();
        device.change(valid(id, request));
        publish(DeviceEvent.Type.UPDATED, device, before);
        return device.data();
    }

    public void delete(UUID id) {
        Device device = existing(id);
        device.deleting();
        publish(DeviceEvent.Type.DELETED, device, device.data());
        em.remove(device);
    }

    /** Every device with its version: what a replica (monitoring) rebuilds itself from. */
    @Override
    public List<VersionedDevice> snapshot() {
        return em.createQuery("select d from Device d order by d.id", Device.class)
                .getResultStream()
                .map(d -> new VersionedDevice(d.version(), d.data()))
                .toList();
    }

    /** A deleted user's devices stay, with their history, unassigned. */
    public void unassignAll(UUID ownerId) {
        for (Device device : em.createQuery("select d from Device d where d.ownerId = :owner", Device.class)
                .setParameter("owner", ownerId)
                .getResultList()) {
            DeviceData d = device.data();
            device.change(new DeviceData(
                    d.id(), d.name(), d.description(), d.address(), d.maxHourlyKwh(), null, d.timeZone()));
            publish(DeviceEvent.Type.UPDATED, device, d);
        }
    }

    /** Every change: its event for the topic and its audit entry, in the changing transaction. */
    private void publish(DeviceEvent.Type type, Device device, DeviceData before) {
        changed.fire(new DeviceChanged(new DeviceEvent(type, device.version(), Instant.now(), device.data())));
        audit.record(
                type.name(), "DEVICE", device.id(), before, type == DeviceEvent.Type.DELETED ? null : device.data());
    }

    private Device existing(UUID id) {
        Device device = em.find(Device.class, id);
        if (device == null) {
            throw notFound(id);
        }
        return device;
    }

    private static Rejected notFound(UUID id) {
        return Rejected.notFound("no device " + id);
    }

    /** The request as the device's data: texts trimmed, the zone resolved (given, else the owner's, else the server's). */
    private DeviceData valid(UUID id, DeviceRequest r) {
        String zone = r.getTimeZone();
        if (r.getOwnerId() != null) {
            String ownerZone = users.timeZone(r.getOwnerId())
                    .orElseThrow(() -> Rejected.invalid("ownerId", "ownerId: no user " + r.getOwnerId()));
            zone = zone != null ? zone : ownerZone;
        }
        zone = zone != null ? zone : users.defaultTimeZone();
        return new DeviceData(
                id,
                r.getName().trim(),
                trim(r.getDescription()),
                trim(r.getAddress()),
                r.getMaxHourlyKwh(),
                r.getOwnerId(),
                ZoneId.of(zone).getId());
    }

    private static String trim(String text) {
        return text == null ? "" : text.trim();
    }
}
