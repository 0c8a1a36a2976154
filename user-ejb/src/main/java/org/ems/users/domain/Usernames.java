package org.ems.users.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * What a username is for lookup and for counting sign-in failures: one normalisation for both, so that "Alice ",
 * "ALICE" and a full-width "ａｌｉｃｅ" are one account and one throttle.
 */
public final class Usernames {

    private Usernames() {}

    /** Trimmed, Unicode NFKC, lower case; {@code ""} for null. */
    public static String normal(String username) {
        return username == null
                ? ""
                : Normalizer.normalize(username.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
