package org.ems.users.domain;

/** What a user may do: administrators manage users and devices; clients see their own devices. */
public enum Role {
    ADMIN,
    CLIENT
}
