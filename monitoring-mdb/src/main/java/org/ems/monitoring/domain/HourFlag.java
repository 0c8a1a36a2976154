package org.ems.monitoring.domain;

/** Why an hour's total is not a plain measurement. */
public enum HourFlag {
    /** The register went down (meter reset or replaced) in an interval touching this hour: that interval adds 0. */
    RESET,
    /** An interval longer than one hour touches this hour: its energy is spread evenly, so the split is estimated. */
    ESTIMATED
}
