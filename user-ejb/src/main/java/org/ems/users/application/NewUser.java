package org.ems.users.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** What a new user is given: a username and a password besides; a null time zone means the server's. */
public class NewUser extends UserDetails {

    private static final long serialVersionUID = 1L;

    @NotNull(message = USERNAME_MESSAGE)
    @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE)
    private String username;

    public NewUser() {}

    public NewUser(String username, String password, String name, String role, String timeZone) {
        super(name, role, timeZone, password);
        this.username = username;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    /** Required here; an update may leave it out. */
    @Override
    @NotNull(message = "password is required")
    public String getPassword() {
        return super.getPassword();
    }
}
