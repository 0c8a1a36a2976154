package org.ems.users.application;

/** What an update changes; a null password keeps the current one, a null time zone the current zone. */
public class UserChange extends UserDetails {

    private static final long serialVersionUID = 1L;

    public UserChange() {}

    public UserChange(String name, String role, String timeZone, String password) {
        super(name, role, timeZone, password);
    }
}
