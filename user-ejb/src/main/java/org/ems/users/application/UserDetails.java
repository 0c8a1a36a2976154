package org.ems.users.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.ems.contracts.validation.TimeZoneId;
import org.ems.users.domain.PasswordPolicy;

/**
 * What every request about a user gives: name, role, zone, and a password (checked for length when given). The
 * requests are beans, not records: Payara's OpenAPI generator fails on constraints of a record's constructor
 * parameters (NullPointerException in ApplicationProcessor.addSchemaParameter), and pages bind to beans.
 */
public abstract class UserDetails implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Usernames: 3 to 64 letters, digits, '.', '_', '-' or '@'. */
    static final String USERNAME = "[A-Za-z0-9._@-]{3,64}";

    static final String USERNAME_MESSAGE = "username must be 3 to 64 letters, digits, '.', '_', '-' or '@'";
    static final String NAME_MESSAGE = "name must have 1 to 200 characters";
    static final String ROLE_MESSAGE = "role must be ADMIN or CLIENT";
    static final String SHORT_PASSWORD = "password must have at least {min} characters";
    static final String LONG_PASSWORD = "password must have at most {max} characters";
    static final String EMAIL_MESSAGE = "email must be an e-mail address of at most 254 characters";
    static final String LANGUAGE_MESSAGE = "language must be en or ro (or none: the browser's)";

    @NotBlank(message = NAME_MESSAGE)
    @Size(max = 200, message = NAME_MESSAGE)
    private String name;

    @NotNull(message = ROLE_MESSAGE)
    @Pattern(regexp = "ADMIN|CLIENT", message = ROLE_MESSAGE)
    private String role;

    @TimeZoneId
    private String timeZone;

    @jakarta.validation.constraints.Email(message = EMAIL_MESSAGE)
    @Size(max = 254, message = EMAIL_MESSAGE)
    private String email;

    @Size(min = PasswordPolicy.MIN_LENGTH, message = SHORT_PASSWORD)
    @Size(max = PasswordPolicy.MAX_LENGTH, message = LONG_PASSWORD)
    private String password;

    UserDetails() {}

    UserDetails(String name, String role, String timeZone, String password) {
        this.name = name;
        this.role = role;
        this.timeZone = timeZone;
        this.password = password;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getPassword() {
        return password;
    }

    /** The address; blank removes it, null keeps it. */
    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
