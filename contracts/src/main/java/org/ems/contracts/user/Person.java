package org.ems.contracts.user;

import java.util.UUID;

/** A user as other modules name them: id, username, display name and role (never anything secret). */
public record Person(UUID id, String username, String name, String role) implements java.io.Serializable {}
