package org.ems.monitoring.application;

import java.util.UUID;
import org.ems.contracts.alert.AlertMessage;

/**
 * CDI event, fired inside the transaction that stored the alert: observers publish it with that transaction.
 *
 * @param ownerId the device's owner, whom it is pushed to (null while unassigned: nobody to push to)
 * @param deviceName the device's name now, for notifications
 */
public record AlertRaised(AlertMessage alert, UUID ownerId, String deviceName) {}
