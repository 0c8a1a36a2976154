package org.ems.users.application;

import java.util.List;

/** A user as one row of the API's CSV import and export, every cell text (never a password). */
public record UserRow(String username, String name, String role, String timeZone, String email) {

    /** The columns, in order: the CSV's header. */
    public static final List<String> COLUMNS = List.of("username", "name", "role", "timeZone", "email");

    /** The row from its cells in {@link #COLUMNS}' order. */
    public static UserRow of(List<String> cells) {
        return new UserRow(cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4));
    }

    /** The cells in {@link #COLUMNS}' order. */
    public List<String> cells() {
        return List.of(username, name, role, timeZone, email);
    }
}
