package org.ems.monitoring.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.alert.AlertFacts;
import org.ems.contracts.alert.AlertKind;
import org.ems.contracts.alert.AlertMessage;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;

/**
 * Stored alerts: at most one per device, kind and period (hour, silence, month and stage). Who sees an alert follows
 * its device's owner in the replica. The methods that change alerts return those they changed, to be pushed.
 */
public interface AlertRepository {

    /**
     * The {@code OVER_LIMIT} alert for this device-hour, new, or the withdrawn one reinstated (with the total and limit
     * now); empty when the hour has a standing one already.
     */
    Optional<AlertMessage> raise(MonitoredDevice device, ClockHours.Hour hour, HourTotal total, BigDecimal limit);

    /** Withdraws the hour's standing {@code OVER_LIMIT} alert, saying why; empty when it has none standing. */
    Optional<AlertMessage> withdraw(UUID deviceId, ClockHours.Hour hour, String reason);

    /** The {@code PROJECTED} warning of this device-hour; empty when it has one already. */
    Optional<AlertMessage> project(
            MonitoredDevice device, ClockHours.Hour hour, BigDecimal soFar, BigDecimal limit, Projection projection);

    /**
     * Settles the {@code PROJECTED} warnings of the hours ended by {@code now}: those whose hour has no standing
     * {@code OVER_LIMIT} alert (it stayed within its limit) are withdrawn, and returned.
     */
    List<AlertMessage> settleProjections(Instant now);

    /**
     * A {@code SILENT} alert for each device that reported before and has sent nothing since {@code now} minus its
     * silence time ({@code silentAfter} when the device has none); returns the new ones.
     */
    List<AlertMessage> silence(Instant now, Duration silentAfter);

    /**
     * How finely arrivals are recorded: a device's arrival time is moved on only when it is this much older (a meter
     * reporting every second costs no row update a second). Silences and budget checks allow for it.
     */
    Duration ARRIVAL_RESOLUTION = Duration.ofSeconds(10);

    /**
     * Records that readings of these devices arrived now, and resolves the open {@code SILENT} alerts this ends; returns
     * those.
     */
    List<AlertMessage> arrived(Collection<UUID> deviceIds);

    /** The {@code BUDGET} alert of this device, month and stage; empty when it has one already. */
    Optional<AlertMessage> budget(MonitoredDevice device, java.time.ZonedDateTime monthStart, AlertFacts.Budget facts);

    /** The open {@code SILENT} alerts of devices not deleted, oldest silence first: the silent meters. */
    List<AlertMessage> silentMeters();

    /** How many meters are silent ({@link #silentMeters()}, counted). */
    int silentMeterCount();

    /**
     * Which alerts a list shows: of the devices this user owns (empty: all), of one device, of one kind, acknowledged
     * or not (each empty: any); newest first unless {@code page} asks for the oldest first ({@code sortBy "created"}).
     */
    record Query(
            Optional<UUID> ownerScope,
            Optional<UUID> deviceId,
            Optional<AlertKind> kind,
            Optional<Boolean> acknowledged) {}

    /** A page of the alerts of {@code query}, and how many there are in all. */
    Page<AlertMessage> page(Query query, PageRequest page);

    /** How many alerts of each device in the scope are not acknowledged yet (devices with none left out). */
    Map<UUID, Long> unacknowledgedByDevice(Optional<UUID> ownerScope);

    /** The alert, when it is in the scope. */
    Optional<AlertMessage> find(UUID id, Optional<UUID> ownerScope);

    /** Marks the alert acknowledged (the first time only); empty when there is no such alert in the scope. */
    Optional<AlertMessage> acknowledge(UUID id, Optional<UUID> ownerScope);
}
