package org.ems.devices.application;

import java.util.List;

/**
 * A device as one row of the API's CSV import and export, every cell text: its owner by username and its tariff by
 * name (each empty for none), so that a file can be written by hand and an export imported again elsewhere.
 */
public record DeviceRow(
        String name,
        String description,
        String address,
        String maxHourlyKwh,
        String owner,
        String timeZone,
        String tariff) {

    /** The columns, in order: the CSV's header. */
    public static final List<String> COLUMNS =
            List.of("name", "description", "address", "maxHourlyKwh", "owner", "timeZone", "tariff");

    /** The row from its cells in {@link #COLUMNS}' order. */
    public static DeviceRow of(List<String> cells) {
        return new DeviceRow(
                cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4), cells.get(5), cells.get(6));
    }

    /** The cells in {@link #COLUMNS}' order. */
    public List<String> cells() {
        return List.of(name, description, address, maxHourlyKwh, owner, timeZone, tariff);
    }
}
