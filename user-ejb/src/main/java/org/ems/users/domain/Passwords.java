package org.ems.users.domain;

/** How account passwords are kept: only as salted slow hashes. */
public interface Passwords {

    String hash(String password);

    boolean matches(String password, String hash);

    /** A hash no password is known for: verified against when a username does not exist, to take the same time. */
    String decoyHash();
}
