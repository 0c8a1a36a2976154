package org.ems.web.infrastructure.messaging;

import java.util.UUID;

/**
 * CDI event: an alert arrived on {@code ems.alerts}; the interfaces push it to their connections.
 *
 * @param ownerId the device's owner, whom it is for, or null when it has none
 * @param administrators whether it is for the administrators too
 * @param json the alert as {@code AlertMessage} JSON, passed on as it came
 */
public record AlertArrived(UUID ownerId, boolean administrators, String json) {}
