package org.ems.users.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/** The counts of sign-in attempts by key ({@link SignInAttempts}), shared by every instance; each change atomic. */
public interface AttemptCounts {

    /**
     * Applies {@code rule} to the key's count atomically (again, if another instance changed it meanwhile) and keeps
     * what it gives; the rule's wait, if any.
     */
    Optional<Duration> counted(String key, Function<long[], SignInAttempts.Outcome> rule);

    /** Takes back the attempt made at {@code at}, if it is still counted. */
    default void uncount(String key, long at) {
        counted(
                key,
                times -> new SignInAttempts.Outcome(
                        times == null ? null : SignInAttempts.without(times, at), Optional.empty()));
    }

    /** Forgets the key's count. */
    void clear(String key);
}
