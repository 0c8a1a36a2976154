package org.ems.contracts.alert;

/** What an alert says; each kind is one alert per device and period (docs/alerts.md). */
public enum AlertKind {
    /** An hour's total went over the device's limit. */
    OVER_LIMIT,
    /** The hour in progress, at the rate of its last minutes, will go over the limit. */
    PROJECTED,
    /** A meter that reported before sent nothing for its silence time. */
    SILENT,
    /** A month's consumption is projected over, or went over, the device's monthly budget. */
    BUDGET;

    /** Whether the administrators are told too, not only the device's owner (a silent meter is theirs to fix). */
    public boolean toAdministrators() {
        return this == SILENT;
    }
}
