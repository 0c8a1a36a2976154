package org.ems.users.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.ems.users.domain.AttemptCounts;
import org.ems.users.domain.SignInAttempts;
import org.ems.users.domain.SignInAttempts.Attempt;

/** The sign-in throttle ({@link SignInAttempts}) over the shared counts: the one check of sign-in and profile alike. */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    AttemptCounts counts;

    /** Admits and counts the attempt, or says how long its caller must wait. */
    public Optional<Duration> admit(Attempt attempt) {
        long at = attempt.at().toEpochMilli();
        Optional<Duration> wait = counts.counted(
                attempt.userKey(), times -> SignInAttempts.windowed(times, SignInAttempts.PER_USERNAME, at));
        if (wait.isPresent()) {
            return wait;
        }
        wait = counts.counted(
                attempt.addressKey(), times -> SignInAttempts.windowed(times, SignInAttempts.PER_ADDRESS, at));
        if (wait.isEmpty()) {
            wait = counts.counted(attempt.pairKey(), times -> SignInAttempts.paired(times, at));
            if (wait.isPresent()) {
                counts.uncount(attempt.addressKey(), at);
            }
        }
        if (wait.isPresent()) {
            counts.uncount(attempt.userKey(), at);
        }
        return wait;
    }

    /** The admitted attempt was right: it is no failure, and its pair starts afresh. */
    public void succeeded(Attempt attempt) {
        long at = attempt.at().toEpochMilli();
        counts.uncount(attempt.userKey(), at);
        counts.uncount(attempt.addressKey(), at);
        counts.clear(attempt.pairKey());
    }
}
