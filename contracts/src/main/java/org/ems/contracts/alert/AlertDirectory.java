package org.ems.contracts.alert;

import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.access.Caller;

/** What other modules may ask about alerts (implemented by monitoring): chat attaches one to a message. */
public interface AlertDirectory {

    /** The alert, when the caller may see it (a client: of a device they own now); else empty. */
    Optional<AlertMessage> find(UUID alertId, Caller caller);
}
