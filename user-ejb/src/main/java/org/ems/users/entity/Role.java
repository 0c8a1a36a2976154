package org.ems.users.entity;

/** What a user may do: administrators manage users and devices; clients see their own devices. */
public enum Role {
    ADMIN,
    CLIENT
}
