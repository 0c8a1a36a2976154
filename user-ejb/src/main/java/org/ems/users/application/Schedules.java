package org.ems.users.application;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Work the senders repeat on a schedule. */
final class Schedules {

    private Schedules() {}

    /** {@code work}, whose failure is logged so that the schedule goes on (an exception would end it). */
    static Runnable guarded(Logger log, String what, Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.log(Level.WARNING, what + " failed; it is tried again", e);
            }
        };
    }
}
