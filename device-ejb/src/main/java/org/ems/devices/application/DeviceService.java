package org.ems.devices.application;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
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
import org.ems.contracts.device.MonthlyBudget;
import org.ems.contracts.device.VersionedDevice;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;
import org.ems.contracts.user.UserDirectory;
import org.ems.devices.domain.Device;
import org.ems.devices.domain.DeviceRepository;

/** The device catalogue: every rule about devices, and an event for every committed change. */
@Stateless
@LocalBean
@Local(DeviceDirectory.class) // the view replicas use, besides the bean itself
public class DeviceService implements DeviceDirectory {

    static final String LIMIT_MESSAGE = "maxHourlyKwh must be a number above 0 (kWh per hour, at most 3 decimals)";

    @Inject
    DeviceRepository devices;

    @Inject
    UserDirectory users;

    @Inject
    Event<DeviceChanged> changed;

    @Inject
    AuditLog audit;

    @Inject
    TariffService tariffs;

    public DeviceData create(@Valid @NotNull DeviceRequest request) {
        Device device = new Device(valid(null, request));
        devices.add(device);
        publish(DeviceEvent.Type.CREATED, device, null);
        return device.data();
    }

    /** The devices the caller may see, by name. */
    public List<DeviceData> list(Caller caller) {
        return devices.byName(caller.ownerScope().orElse(null)).stream()
                .map(Device::data)
                .toList();
    }

    /**
     * Which devices a page lists: a word in the name, description or address; only one owner's, or only unassigned
     * ones; the order; the page.
     */
    public record DeviceQuery(String text, UUID ownerId, boolean unassignedOnly, PageRequest page) {}

    /** The devices of {@code query} the caller may see, paged and sorted in the database. */
    public Page<DeviceData> page(DeviceQuery query, Caller caller) {
        // A client's own devices only, whatever was asked: the one visibility rule.
        return devices.page(new DeviceRepository.Query(
                        query.text(),
                        caller.ownerScope().orElse(query.ownerId()),
                        query.unassignedOnly() && caller.isAdmin(),
                        query.page()))
                .map(Device::data);
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
        devices.remove(device);
    }

    /** Every device with its version: what a replica (monitoring) rebuilds itself from. */
    @Override
    public List<VersionedDevice> snapshot() {
        return devices.all().stream()
                .map(d -> new VersionedDevice(d.version(), d.data()))
                .toList();
    }

    /** A deleted user's devices stay, with their history, unassigned. */
    public void unassignAll(UUID ownerId) {
        for (Device device : devices.ownedBy(ownerId)) {
            DeviceData d = device.data();
            device.change(new DeviceData(
                    d.id(),
                    d.name(),
                    d.description(),
                    d.address(),
                    d.maxHourlyKwh(),
                    null,
                    d.timeZone(),
                    d.tariffId(),
                    d.monthlyBudget(),
                    d.silentAfter()));
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
        return devices.find(id).orElseThrow(() -> notFound(id));
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
        if (r.getTariffId() != null && !tariffs.exists(r.getTariffId())) {
            throw Rejected.invalid("tariffId", "tariffId: no tariff " + r.getTariffId());
        }
        MonthlyBudget budget = budget(r);
        return new DeviceData(
                id,
                r.getName().trim(),
                trim(r.getDescription()),
                trim(r.getAddress()),
                r.getMaxHourlyKwh(),
                r.getOwnerId(),
                ZoneId.of(zone).getId(),
                r.getTariffId(),
                budget,
                silentAfter(r.getSilentAfter()));
    }

    private static MonthlyBudget budget(DeviceRequest r) {
        DeviceRequest.Budget b = r.getMonthlyBudget();
        if (b == null || b.getKwh() == null && b.getAmount() == null) {
            return null;
        }
        if (b.getKwh() != null && b.getAmount() != null) {
            throw Rejected.invalid("monthlyBudget", "monthlyBudget is in kWh or an amount, not both");
        }
        if (b.getAmount() != null && r.getTariffId() == null) {
            throw Rejected.invalid(
                    "monthlyBudget", "monthlyBudget: an amount needs a tariff (its currency and prices)");
        }
        return new MonthlyBudget(b.getKwh(), b.getAmount());
    }

    /** The shortest silence that alerts: the silent meters' check runs every 30 seconds. */
    static final Duration SHORTEST_SILENCE = Duration.ofMinutes(1);

    private static Duration silentAfter(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Duration after = Duration.parse(text.trim());
            if (after.compareTo(SHORTEST_SILENCE) >= 0 && after.compareTo(Duration.ofDays(31)) <= 0) {
                return after;
            }
        } catch (java.time.format.DateTimeParseException notADuration) {
            // answered below
        }
        throw Rejected.invalid(
                "silentAfter", "silentAfter must be an ISO 8601 duration from PT1M to P31D, such as PT2H");
    }

    private static String trim(String text) {
        return text == null ? "" : text.trim();
    }
}
