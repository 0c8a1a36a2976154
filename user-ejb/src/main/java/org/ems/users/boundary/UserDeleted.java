package org.ems.users.boundary;

import java.util.UUID;

/** CDI event, fired inside the deleting transaction: the user is gone (their devices become unassigned). */
public record UserDeleted(UUID userId) {}
