package org.ems.web.infrastructure.messaging;

import java.util.UUID;

/**
 * CDI event: an alert arrived on {@code ems.alerts} for this user; the interfaces push it to their connections.
 *
 * @param json the alert as {@code AlertMessage} JSON, passed on as it came
 */
public record AlertArrived(UUID ownerId, String json) {}
