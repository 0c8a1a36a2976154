package org.ems.users.domain;

/** What a password must be: long enough to resist guessing, short enough to hash cheaply, not the username. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;

    /** Longer passwords are refused before hashing (PBKDF2 over megabytes would be a denial of service). */
    public static final int MAX_LENGTH = 1000;

    private PasswordPolicy() {}

    /** Why the password is unacceptable for this username, or null when it is fine. */
    public static String violation(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "password must have at least " + MIN_LENGTH + " characters";
        }
        if (password.length() > MAX_LENGTH) {
            return "password must have at most " + MAX_LENGTH + " characters";
        }
        if (password.equalsIgnoreCase(username)) {
            return "password must not be the username";
        }
        return null;
    }
}
