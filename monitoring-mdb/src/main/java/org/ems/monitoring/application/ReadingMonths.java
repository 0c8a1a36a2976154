package org.ems.monitoring.application;

import java.time.Instant;
import java.time.YearMonth;

/** Where raw readings are kept, month by month (UTC): their partitions, made ahead and dropped when too old. */
public interface ReadingMonths {

    /**
     * Makes the months from {@code first} to {@code last} that are not there yet, and the months of readings that came
     * for a month not made (late, or far ahead), which wait in the default partition; returns how many it made.
     */
    int prepare(YearMonth first, YearMonth last);

    /**
     * Removes the readings from before {@code cutoff}: every month that ends by then whole, older strays one by one;
     * the month the cutoff falls in stays. Returns the months removed.
     */
    int removeBefore(Instant cutoff);
}
