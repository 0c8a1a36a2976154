package org.ems.contracts.user;

import java.util.UUID;

/** CDI event, fired inside the deleting transaction: the user is gone (devices become unassigned). */
public record UserDeleted(UUID userId) {}
