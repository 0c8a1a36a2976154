package org.ems.users.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.ems.users.domain.MailOutbox;
import org.ems.users.domain.Mailer;

/** What the administrators see of mail on the operations page: on or off, how many wait, which failed and why. */
@ApplicationScoped
public class MailStatus {

    @Inject
    MailOutbox outbox;

    @Inject
    Mailer mailer;

    public boolean on() {
        return mailer.enabled();
    }

    public long waiting() {
        return outbox.pending();
    }

    /** The newest failed mails. */
    public List<MailOutbox.Failure> failures(int max) {
        return outbox.failures(max);
    }
}
