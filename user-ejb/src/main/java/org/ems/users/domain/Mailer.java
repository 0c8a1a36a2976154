package org.ems.users.domain;

import java.util.UUID;

/** Hands mails to the mail server of the configuration. */
public interface Mailer {

    /** Whether a mail server is configured: without one EMS sends no mail (and queues none). */
    boolean enabled();

    /** Sends one mail; {@code id} names it (its Message-ID), the same on every attempt. */
    void send(UUID id, Mail mail) throws Refused;

    /** The mail server did not take the mail: for now (try again), or for good ({@code permanent}). */
    final class Refused extends Exception {

        private static final long serialVersionUID = 1L;

        private final boolean permanent;

        public Refused(String reason, boolean permanent, Throwable cause) {
            super(reason, cause);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }
}
