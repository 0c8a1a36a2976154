package org.ems.web.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.device.DeviceData;
import org.ems.devices.application.DeviceService;
import org.ems.monitoring.application.AlertService;
import org.ems.monitoring.application.ConsumptionService;
import org.ems.monitoring.application.PeriodService;
import org.ems.monitoring.application.PeriodSummary;
import org.ems.monitoring.domain.DayTotal;
import org.ems.monitoring.domain.HourTotal;
import org.ems.monitoring.domain.Period;
import org.ems.users.application.UserService;
import org.ems.users.application.UserView;

/**
 * The portal's start: a card per device of the client (an administrator may open any client's, {@code ?client=id})
 * with today's kWh, the hour so far against its limit, the last reading's time and the alerts not acknowledged.
 */
@Named
@RequestScoped
public class MyDevicesBacking {

    @Inject
    DeviceService devices;

    @Inject
    ConsumptionService consumption;

    @Inject
    AlertService alerts;

    @Inject
    PeriodService periods;

    @Inject
    UserService users;

    @Inject
    Caller caller;

    /** One device's card. */
    /** A device's card: today, this hour, its last reading, its open alerts, and this month so far against the last. */
    public record Card(
            DeviceData device,
            BigDecimal today,
            BigDecimal thisHour,
            Instant lastReading,
            long unacknowledged,
            PeriodSummary month) {

        public boolean isOverLimit() {
            return thisHour.compareTo(device.maxHourlyKwh()) > 0;
        }
    }

    private UserView client;
    private List<Card> cards;

    /** The page's view action: whose devices (the caller's, or the client an administrator asked for). */
    public void open() throws IOException {
        String asked = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterMap()
                .get("client");
        try {
            client = asked == null || !caller.isAdmin()
                    ? users.find(caller.userId())
                    : users.find(UUID.fromString(asked));
        } catch (IllegalArgumentException | Rejected notAUser) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, "no such client");
            FacesContext.getCurrentInstance().responseComplete();
        }
    }

    /** The client whose devices these are. */
    public UserView getClient() {
        return client;
    }

    /** Whether an administrator looks at a client's portal (the page says whose). */
    public boolean isOnBehalf() {
        return !client.id().equals(caller.userId());
    }

    public List<Card> getCards() {
        if (cards == null) {
            Caller owner = client.asCaller();
            List<DeviceData> list = devices.list(owner).stream()
                    .filter(d -> client.id().equals(d.ownerId()))
                    .toList();
            Map<UUID, Instant> last =
                    consumption.lastReadings(list.stream().map(DeviceData::id).toList());
            Map<UUID, Long> open = alerts.unacknowledgedByDevice(owner);
            cards = list.stream()
                    .map(d -> card(d, last.get(d.id()), open.getOrDefault(d.id(), 0L)))
                    .toList();
        }
        return cards;
    }

    private Card card(DeviceData device, Instant lastReading, long unacknowledged) {
        ZoneId zone = ZoneId.of(device.timeZone());
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(zone);
        List<HourTotal> hours = consumption.day(device.id(), today, zone).hours();
        BigDecimal thisHour = hours.stream()
                .filter(h -> !h.start().toInstant().isAfter(now))
                .reduce((earlier, later) -> later)
                .map(HourTotal::kwh)
                .orElse(BigDecimal.ZERO);
        PeriodSummary month = periods.summary(device.id(), zone, device.tariffId(), Period.Kind.MONTH, today, today);
        return new Card(device, DayTotal.of(today, hours).kwh(), thisHour, lastReading, unacknowledged, month);
    }
}
